import { lstatSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isManifestProblem, parseManifest } from "../manifest.ts";
import { isAgeFile, MANIFEST_FILE, parentDirs } from "../paths.ts";
import type { DiskEntry, DiskSnapshot } from "./types.ts";

/**
 * Reads what a plan needs from the output directory: the manifest, every generated path,
 * every path the manifest lists, and the parent directories of generated paths. Missing
 * directories read as empty. Never writes.
 * @example const disk = await readDisk("/repo/server", ["flake.nix", "host.nix"])
 */
export async function readDisk(outDir: string, generated: Iterable<string>): Promise<DiskSnapshot> {
  const manifestText = readText(join(outDir, MANIFEST_FILE));
  const files = new Set(generated);
  if (manifestText !== undefined) {
    const parsed = parseManifest(manifestText);
    if (!isManifestProblem(parsed)) for (const path of parsed.files.keys()) if (!isAgeFile(path)) files.add(path);
  }
  const dirs = new Set<string>();
  for (const path of files) for (const dir of parentDirs(path)) dirs.add(dir);
  // Synchronous: for many small files, direct system calls beat libuv's thread pool.
  const entries = new Map<string, DiskEntry>();
  for (const path of files) entries.set(path, readEntry(join(outDir, path)));
  for (const dir of dirs) if (!files.has(dir)) entries.set(dir, dirEntry(join(outDir, dir)));
  return { entries, manifestText };
}

function readEntry(path: string): DiskEntry {
  try {
    const info = lstatSync(path);
    if (info.isFile()) return { kind: "file", bytes: readFileSync(path) };
    return info.isDirectory() ? { kind: "directory" } : { kind: "other" };
  } catch (error) {
    if (isMissing(error)) return { kind: "missing" };
    throw error;
  }
}

function dirEntry(path: string): DiskEntry {
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { kind: "directory" };
    return info.isFile() ? { kind: "file", bytes: Buffer.alloc(0) } : { kind: "other" };
  } catch (error) {
    if (isMissing(error)) return { kind: "missing" };
    throw error;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** ENOENT, or ENOTDIR (a parent is a file): nothing is there. */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
