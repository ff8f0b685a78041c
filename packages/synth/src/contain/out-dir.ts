/**
 * The output directory itself: found (it may be, or go through, a symbolic link: the user
 * chose it), refused on a kernel pseudo-file system, created one component at a time when
 * missing, and removed again when a synth that created it wrote nothing.
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, readdirSync, realpathSync, rmdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { checkpoint } from "../write/fs-ops.ts";
import { asDiskError, DiskError } from "./errors.ts";
import { pseudoFileSystemOf } from "./pseudo-fs.ts";
import { openRoot, type OutRoot } from "./root.ts";

/** An output directory that cannot be used, and why (for the user). */
export class OutDirError extends Error {
  override readonly name = "OutDirError";
}

/** Where the output directory stands. */
export type OutDirState = { readonly kind: "exists"; readonly root: OutRoot } | { readonly kind: "missing" };

/**
 * Finds the output directory (absolute `path`, shown as `display`) without changing anything:
 * opened when it exists; refused when it (or, when missing, the directory it would be created
 * in) is on a pseudo-file system, when it is not a directory, or when it is a dangling link.
 * @example locateOutDir("/repo/server", "server") // { kind: "missing" }
 */
export function locateOutDir(path: string, display: string): OutDirState {
  const info = statOrMissing(path, display);
  if (info === undefined) {
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) {
      throw new OutDirError(`${display} is a symbolic link to ${readlinkSync(path)}, which does not exist; create that directory or remove the link, then run synth again`);
    }
    refusePseudo(nearestExisting(path), display);
    return { kind: "missing" };
  }
  if (!info.isDirectory()) throw new OutDirError(`${display} is not a directory; move it away or choose another --out`);
  refusePseudo(realpathSync.native(path), display);
  return { kind: "exists", root: openRoot(path, display) };
}

/**
 * Creates the output directory, each missing component with its own `mkdir(2)` (never the
 * recursive one), and flushes each new entry; returns it opened.
 * @example const root = createOutDir("/repo/server", "server")
 */
export function createOutDir(path: string, display: string): OutRoot {
  const missing: string[] = [];
  for (let dir = path; statOrMissing(dir, display) === undefined; dir = dirname(dir)) {
    if (dirname(dir) === dir) break;
    missing.unshift(dir);
  }
  refusePseudo(nearestExisting(path), display);
  for (const dir of missing) {
    checkpoint(`mkdir ${dir}`);
    try {
      mkdirSync(dir);
    } catch (error) {
      throw asDiskError(error, "create the output directory", display);
    }
    checkpoint(`fsync-dir ${dirname(dir)}`);
    syncParent(dirname(dir), display);
  }
  return openRoot(path, display);
}

/**
 * Removes the output directory a synth created, when that synth left it empty (it wrote
 * nothing). Best effort: anything there now is kept.
 * @example removeIfEmpty(root)
 */
export function removeIfEmpty(root: OutRoot): void {
  try {
    if (readdirSync(root.path).length === 0) rmdirSync(root.path);
  } catch {
    // Not empty, or gone: either way nothing to undo.
  }
}

function refusePseudo(realPath: string, display: string): void {
  const type = pseudoFileSystemOf(realPath);
  if (type !== undefined) {
    throw new OutDirError(`${display} is on a ${type} file system (${realPath}), a view of the kernel that holds no files of yours; choose an output directory on a real file system`);
  }
}

/** The real path of the deepest existing directory above or at `path`. */
function nearestExisting(path: string): string {
  let dir = path;
  while (!isDirectory(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return realpathSync.native(dir);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function statOrMissing(path: string, display: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw new DiskError(code, "create the output directory", display);
    throw asDiskError(error, "open the output directory", display);
  }
}

function syncParent(dir: string, display: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch (error) {
    throw asDiskError(error, "flush the directory holding", display);
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
