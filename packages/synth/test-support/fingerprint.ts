/**
 * What a directory holds, to show that a synth changed nothing outside its output directory:
 * every entry below it (never following a link) with its type, mode, content hash or link
 * target. Equal fingerprints: nothing was created, deleted, written, re-moded or re-pointed.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { compareCodeUnits } from "../src/paths.ts";

/**
 * One line per entry below `dir` (and `dir` itself, as `.`), sorted.
 * @example expect(fingerprint(outside)).toEqual(before)
 */
export function fingerprint(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    const abs = rel === "." ? dir : join(dir, rel);
    const info = lstatSync(abs);
    const mode = (info.mode & 0o7777).toString(8);
    if (info.isSymbolicLink()) out.push(`${rel} link ${readlinkSync(abs)}`);
    else if (info.isFile()) out.push(`${rel} file ${mode} ${createHash("sha256").update(readFileSync(abs)).digest("hex")}`);
    else if (info.isDirectory()) {
      out.push(`${rel} dir ${mode}`);
      for (const name of readdirSync(abs).sort(compareCodeUnits)) visit(rel === "." ? name : `${rel}/${name}`);
    } else out.push(`${rel} special ${mode}`);
  };
  visit(".");
  return out;
}

/**
 * Makes `dir` refuse new entries and removals: `chattr +i` as root (permission bits do not stop
 * root), `chmod a-w` otherwise. `advice` is how synth describes the resulting error; `undo`
 * gives the directory back.
 * @example const locked = lockDirectory(dir); try { … } finally { locked.undo(); }
 */
export function lockDirectory(dir: string): { readonly undo: () => void; readonly advice: string; readonly code: string } {
  if (process.getuid?.() === 0) {
    const r = spawnSync("chattr", ["+i", dir], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`chattr +i ${dir} failed (${r.stderr.trim()}): this test needs a file system with the immutable attribute (ext4, xfs, btrfs)`);
    return { undo: () => void spawnSync("chattr", ["-i", dir]), advice: "the operation is not permitted", code: "EPERM" };
  }
  spawnSync("chmod", ["a-w", dir]);
  return { undo: () => void spawnSync("chmod", ["u+w", dir]), advice: "permission denied", code: "EACCES" };
}
