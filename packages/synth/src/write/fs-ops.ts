/**
 * Every change synth makes to the disk goes through these few functions, so that the crash
 * tests can stop a real synth between any two of them: with the environment variable
 * `NIXJS_INTERNAL_PAUSE_AT=<n>`, the process announces `nixjs-paused <n> <pid> <op>` on stderr
 * just before its n-th disk change and blocks, and the test SIGKILLs it there; with
 * `NIXJS_INTERNAL_TRACE_OPS=1` it lists every disk change (`nixjs-op <n> <op> @<ms>`) instead. Unset
 * (always, for users), a checkpoint is an integer comparison.
 *
 * They are synchronous on purpose: for many small files, direct system calls are several
 * times faster than a round trip through libuv's four-thread pool per call.
 */
import { spawnSync } from "node:child_process";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";

const pauseAt = Number(process.env["NIXJS_INTERNAL_PAUSE_AT"] ?? "0");
const trace = process.env["NIXJS_INTERNAL_TRACE_OPS"] === "1";
let operations = 0;

/** Counts one disk change; pauses there when the crash test asked for it. */
export function checkpoint(operation: string): void {
  operations++;
  if (trace) writeSync(2, `nixjs-op ${operations} ${operation} @${performance.now().toFixed(1)}ms\n`);
  if (operations !== pauseAt) return;
  writeSync(2, `nixjs-paused ${operations} ${process.pid} ${operation}\n`);
  // Blocks the whole process until the test kills it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}

/** `mkdir -p`. */
export function makeDir(path: string): void {
  checkpoint(`mkdir ${path}`);
  mkdirSync(path, { recursive: true });
}

/** Writes a new file; not yet durable (see {@link syncFile}). */
export function writeFile(path: string, bytes: Uint8Array): void {
  checkpoint(`create ${path}`);
  const fd = openSync(path, "w", 0o644);
  try {
    checkpoint(`write ${path}`);
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a written file to stable storage. Done for a whole batch after writing it: the
 * first flush commits the file system's journal with every file's data in it, so the others
 * cost little (a flush after each write would pay a journal commit per file).
 */
export function syncFile(path: string): void {
  checkpoint(`fsync ${path}`);
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Above this many files, one `syncfs(2)` is far cheaper than one `fsync(2)` each. */
const SYNCFS_THRESHOLD = 16;

/**
 * Flushes freshly written files (all in `dir`) to stable storage. Many files: one
 * `syncfs(2)` of their file system, through coreutils' `sync -f` (Node has no binding), which
 * measured ~12 ms for 1,000 files here against 100–500 ms of per-file `fsync(2)`; few files,
 * or no `sync -f` (not Linux, old coreutils): one `fsync(2)` per file.
 */
export function syncFiles(dir: string, paths: readonly string[]): void {
  if (paths.length > SYNCFS_THRESHOLD && process.platform === "linux") {
    checkpoint(`syncfs ${dir}`);
    const r = spawnSync("sync", ["-f", dir], { stdio: "ignore" });
    if (r.status === 0) return;
  }
  for (const path of paths) syncFile(path);
}

/** Writes a new file and flushes it to stable storage before returning. */
export function writeDurable(path: string, bytes: Uint8Array): void {
  writeFile(path, bytes);
  syncFile(path);
}

/** Flushes a directory's entries (new names, renames, removals) to stable storage; a directory that is gone needs none. */
export function syncDir(path: string): void {
  checkpoint(`fsync-dir ${path}`);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Atomic `rename(2)`: the target is the old file or the new one, never a mix. */
export function renameFile(from: string, to: string): void {
  checkpoint(`rename ${from} -> ${to}`);
  renameSync(from, to);
}

/** Deletes a file. */
export function removeFile(path: string): void {
  checkpoint(`unlink ${path}`);
  unlinkSync(path);
}

/** Removes a directory if it is empty; returns whether it did. */
export function removeDirIfEmpty(path: string): boolean {
  checkpoint(`rmdir ${path}`);
  try {
    rmdirSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOENT" || code === "ENOTDIR") return false;
    throw error;
  }
}

/** `rm -rf` (synth's own staging area only). */
export function removeTree(path: string): void {
  checkpoint(`rm -r ${path}`);
  rmSync(path, { recursive: true, force: true });
}

/**
 * Creates a file that must not exist yet (O_EXCL), with its content. Returns false when it
 * exists. Not flushed: it is the lock, which only matters while processes run, and no
 * process survives a power loss.
 */
export function createExclusive(path: string, text: string): boolean {
  checkpoint(`create-exclusive ${path}`);
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}
