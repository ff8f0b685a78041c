/**
 * Every change synth makes below its output directory goes through these few functions: the
 * one choke point where containment is enforced and where the crash tests stop a real synth.
 *
 * Containment: each takes the opened root and paths relative to it, and checks them with
 * `reach` (see `contain/root.ts`) right before its system call, after the checkpoint: a
 * symbolic link anywhere on the way, or at the end, is refused (`ContainmentError`), whatever
 * the plan said a moment ago. Files are opened with `O_NOFOLLOW`; a system error becomes a
 * `DiskError` that names the file and says what to do.
 *
 * Checkpoints: with the environment variable `NIXJS_INTERNAL_PAUSE_AT=<n>`, the process
 * announces `nixjs-paused <n> <pid> <op>` on stderr just before its n-th disk change and blocks
 * there, and the test SIGKILLs it; with `NIXJS_INTERNAL_RESUME_FILE=<path>` as well, it goes on
 * once that file exists (so a test can change the tree between plan and write). With
 * `NIXJS_INTERNAL_TRACE_OPS=1` it
 * lists every disk change (`nixjs-op <n> <op> @<ms>`) instead. Unset (always, for users), a
 * checkpoint is an integer comparison.
 *
 * They are synchronous on purpose: for many small files, direct system calls are several
 * times faster than a round trip through libuv's four-thread pool per call.
 */
import { spawnSync } from "node:child_process";
import { closeSync, constants, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { asDiskError, ContainmentError, shownPath } from "../contain/errors.ts";
import { listDir, look, O_NOFOLLOW, reach, type OutRoot } from "../contain/root.ts";

const pauseAt = Number(process.env["NIXJS_INTERNAL_PAUSE_AT"] ?? "0");
const resumeFile = process.env["NIXJS_INTERNAL_RESUME_FILE"];
const trace = process.env["NIXJS_INTERNAL_TRACE_OPS"] === "1";
let operations = 0;
let listener: ((operation: string) => void) | undefined;

/**
 * For tests in this process: calls `listen` with every disk change (the checkpoint's text)
 * just before it is made, to see which files and directories a synth writes and flushes, in
 * which order, or to stop it at a given change by throwing (a crash without a child process).
 * Without an argument, stops listening.
 * @example const ops: string[] = []; listenToDiskChanges((op) => ops.push(op));
 */
export function listenToDiskChanges(listen?: (operation: string) => void): void {
  listener = listen;
}

/** Counts one disk change; pauses there when the crash test asked for it. */
export function checkpoint(operation: string): void {
  operations++;
  listener?.(operation);
  if (trace) writeSync(2, `nixjs-op ${operations} ${operation} @${performance.now().toFixed(1)}ms\n`);
  if (operations !== pauseAt) return;
  writeSync(2, `nixjs-paused ${operations} ${process.pid} ${operation}\n`);
  // Blocks the whole process until the test kills it, or creates the resume file.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  if (resumeFile === undefined) Atomics.wait(cell, 0, 0, 120_000);
  else for (let waited = 0; waited < 120_000 && !existsSync(resumeFile); waited += 10) Atomics.wait(cell, 0, 0, 10);
}

/** Runs one system call on `rel`, turning a system error into a `DiskError` about it. */
function attempt<T>(root: OutRoot, action: string, rel: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw asDiskError(error, action, shownPath(root.display, rel));
  }
}

/** `mkdir -p` below the root: one `mkdir(2)` per missing component, each checked first. */
export function makeDirs(root: OutRoot, rel: string): void {
  checkpoint(`mkdir ${rel}`);
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join("/");
    const abs = reach(root, dir);
    attempt(root, "create the directory", dir, () => {
      try {
        mkdirSync(abs);
      } catch (error) {
        // There already, and a directory (reach refused a link): nothing to do.
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !lstatSync(abs).isDirectory()) throw error;
      }
    });
  }
}

/** Creates a new file (it must not exist) with its content; not yet durable (see {@link syncFile}). */
export function writeFile(root: OutRoot, rel: string, bytes: Uint8Array): void {
  checkpoint(`create ${rel}`);
  const abs = reach(root, rel);
  const fd = attempt(root, "create", rel, () => openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o644));
  try {
    checkpoint(`write ${rel}`);
    let done = 0;
    attempt(root, "write", rel, () => {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a written file to stable storage. Done for a whole batch after writing it: the
 * first flush commits the file system's journal with every file's data in it, so the others
 * cost little (a flush after each write would pay a journal commit per file).
 */
export function syncFile(root: OutRoot, rel: string): void {
  checkpoint(`fsync ${rel}`);
  const abs = reach(root, rel);
  const fd = attempt(root, "open", rel, () => openSync(abs, constants.O_RDONLY | O_NOFOLLOW));
  try {
    attempt(root, "flush", rel, () => fsyncSync(fd));
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
export function syncFiles(root: OutRoot, dir: string, paths: readonly string[]): void {
  if (paths.length > SYNCFS_THRESHOLD && process.platform === "linux") {
    checkpoint(`syncfs ${dir}`);
    const r = spawnSync("sync", ["-f", reach(root, dir)], { stdio: "ignore" });
    if (r.status === 0) return;
  }
  for (const path of paths) syncFile(root, path);
}

/** Writes a new file and flushes it to stable storage before returning. */
export function writeDurable(root: OutRoot, rel: string, bytes: Uint8Array): void {
  writeFile(root, rel, bytes);
  syncFile(root, rel);
}

/** Flushes a directory's entries (new names, renames, removals) to stable storage; one that is gone needs none. `""`: the root. */
export function syncDir(root: OutRoot, rel: string): void {
  checkpoint(`fsync-dir ${rel === "" ? "." : rel}`);
  const abs = reach(root, rel);
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw asDiskError(error, "open the directory", shownPath(root.display, rel));
  }
  try {
    attempt(root, "flush the directory", rel, () => fsyncSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** Atomic `rename(2)`: the target is the old file or the new one, never a mix. Neither may be a link. */
export function renameFile(root: OutRoot, from: string, to: string): void {
  checkpoint(`rename ${from} -> ${to}`);
  const source = reach(root, from);
  const target = reach(root, to);
  attempt(root, "move a file into", to, () => renameSync(source, target));
}

/** Deletes a file (never a link: that is refused). */
export function removeFile(root: OutRoot, rel: string): void {
  checkpoint(`unlink ${rel}`);
  const abs = reach(root, rel);
  attempt(root, "delete", rel, () => unlinkSync(abs));
}

/** Removes a directory if it is empty; returns whether it did. */
export function removeDirIfEmpty(root: OutRoot, rel: string): boolean {
  checkpoint(`rmdir ${rel}`);
  const abs = reach(root, rel);
  try {
    rmdirSync(abs);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOENT" || code === "ENOTDIR") return false;
    throw asDiskError(error, "remove the directory", shownPath(root.display, rel));
  }
}

/**
 * `rm -r` of synth's own staging area: files and directories only; a symbolic link in it is
 * refused like any other (synth never made one, so someone planted it).
 */
export function removeTree(root: OutRoot, rel: string): void {
  checkpoint(`rm -r ${rel}`);
  removeRecursively(root, rel);
}

function removeRecursively(root: OutRoot, rel: string): void {
  const found = look(root, rel);
  if (found.kind === "missing") return;
  if (found.kind === "symlink") throw new ContainmentError({ kind: "symlink", link: found.link, target: found.target }, root.display);
  if (found.kind !== "directory") {
    const abs = reach(root, rel);
    attempt(root, "delete", rel, () => unlinkSync(abs));
    return;
  }
  for (const name of listDir(root, rel)) removeRecursively(root, `${rel}/${name}`);
  const abs = reach(root, rel);
  attempt(root, "remove the directory", rel, () => rmdirSync(abs));
}

/**
 * Creates a file that must not exist yet (O_EXCL), with its content. Returns false when it
 * exists. Not flushed: it is the lock, which only matters while processes run, and no
 * process survives a power loss.
 */
export function createExclusive(root: OutRoot, rel: string, text: string): boolean {
  checkpoint(`create-exclusive ${rel}`);
  const abs = reach(root, rel);
  let fd: number;
  try {
    fd = openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw asDiskError(error, "create", shownPath(root.display, rel));
  }
  try {
    attempt(root, "write", rel, () => writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
  return true;
}
