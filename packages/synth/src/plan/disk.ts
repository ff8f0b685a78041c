import { sha256 } from "../hash.ts";
import { isManifestProblem, parseManifest } from "../manifest.ts";
import { MANIFEST_FILE, parentDirs } from "../paths.ts";
import { look, readRegular, type OutRoot } from "../contain/root.ts";
import type { DiskEntry, DiskSnapshot } from "./types.ts";

/**
 * Reads what a plan needs from the output directory: the manifest, every generated path,
 * every path the manifest lists, and the parent directories of generated paths. Every path is
 * walked below the root without following a symbolic link (see `contain/root.ts`): a link on
 * the way reads as a `symlink` entry naming it, and the plan refuses it. No root (the output
 * directory does not exist yet): everything is missing. Never writes.
 * @example const disk = await readDisk(root, ["flake.nix", "host.nix"])
 */
export async function readDisk(root: OutRoot | undefined, generated: Iterable<string>): Promise<DiskSnapshot> {
  const files = new Set(generated);
  if (root === undefined) return { entries: new Map([...files].map((p) => [p, { kind: "missing" }])), manifestText: undefined };
  const manifest = readEntry(root, MANIFEST_FILE);
  const manifestText = manifest.kind === "file" ? manifest.bytes.toString("utf8") : undefined;
  if (manifestText !== undefined) {
    const parsed = parseManifest(manifestText);
    if (!isManifestProblem(parsed)) for (const path of parsed.files.keys()) files.add(path);
  }
  const dirs = new Set<string>();
  for (const path of files) for (const dir of parentDirs(path)) dirs.add(dir);
  // Synchronous: for many small files, direct system calls beat libuv's thread pool.
  const entries = new Map<string, DiskEntry>();
  if (manifest.kind !== "file" && manifest.kind !== "missing") entries.set(MANIFEST_FILE, manifest);
  for (const path of files) entries.set(path, readEntry(root, path));
  for (const dir of dirs) if (!files.has(dir)) entries.set(dir, dirEntry(root, dir));
  return { entries, manifestText, ...(manifest.kind === "file" ? { manifestSha256: sha256(manifest.bytes) } : {}) };
}

function readEntry(root: OutRoot, path: string): DiskEntry {
  return entryOf(root, path, true);
}

/** A parent directory: its kind only (a file there blocks the paths below it, unread). */
function dirEntry(root: OutRoot, path: string): DiskEntry {
  return entryOf(root, path, false);
}

function entryOf(root: OutRoot, path: string, readFile: boolean): DiskEntry {
  const found = look(root, path);
  switch (found.kind) {
    case "file":
      return { kind: "file", bytes: readFile ? readRegular(root, path) : Buffer.alloc(0) };
    case "missing":
    case "directory":
      return { kind: found.kind };
    case "symlink":
      return { kind: "symlink", link: found.link, target: found.target };
    case "special":
      return { kind: "other", what: found.what };
  }
}
