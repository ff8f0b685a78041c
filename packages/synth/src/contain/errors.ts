/**
 * The two ways a disk operation of synth fails: it would leave the output directory
 * ({@link ContainmentError}: refused before any system call), or the system refused it
 * ({@link DiskError}: the raw `errno`, turned into a sentence that names the file and says
 * what to do).
 */

/** Why a path below the output directory cannot be used. */
export type ContainmentProblem =
  /** `link` (relative to the output directory) is a symbolic link on the way to the path. */
  | { readonly kind: "symlink"; readonly link: string; readonly target: string }
  /** The path itself is not a plain relative path (`..`, absolute, NUL, …). */
  | { readonly kind: "path"; readonly path: string; readonly problem: string }
  /** The output directory is no longer the directory synth opened (moved, or swapped for a link). */
  | { readonly kind: "replaced" }
  /** A FIFO, socket or device where synth reads or writes a regular file. */
  | { readonly kind: "special"; readonly path: string; readonly what: string };

/** A path that would take synth outside its output directory: refused, whatever the flags. */
export class ContainmentError extends Error {
  override readonly name = "ContainmentError";
  readonly problem: ContainmentProblem;
  constructor(problem: ContainmentProblem, outDisplay: string) {
    super(containmentMessage(problem, outDisplay));
    this.problem = problem;
  }
}

/**
 * `path` (relative to the output directory) as the user names it: prefixed with the output
 * directory as displayed, unless that is the working directory itself.
 * @example shownPath("server", "containers/a.nix") // "server/containers/a.nix"
 */
export function shownPath(outDisplay: string, path: string): string {
  if (path === "") return `${outDisplay}/`;
  return outDisplay === "." ? path : `${outDisplay}/${path}`;
}

function containmentMessage(problem: ContainmentProblem, out: string): string {
  switch (problem.kind) {
    case "symlink":
      return `${shownPath(out, problem.link)} is a symbolic link (to ${problem.target}); nixjs never reads, writes or deletes through a symbolic link inside its output directory, even with --force. Replace it with a real directory or file, or move it out of ${out}/, then run synth again`;
    case "path":
      return `${JSON.stringify(problem.path)} ${problem.problem}; nixjs only touches paths inside its output directory ${out}/`;
    case "replaced":
      return `${out}/ was moved or replaced while synth ran; run synth again`;
    case "special":
      return `${shownPath(out, problem.path)} is ${problem.what} where nixjs expects a regular file; move it away, then run synth again`;
  }
}

/** A system call failed: `code` is the `errno` name, `path` the file as the user names it. */
export class DiskError extends Error {
  override readonly name = "DiskError";
  readonly code: string;
  readonly path: string;
  constructor(code: string, action: string, path: string) {
    super(`cannot ${action} ${path}: ${adviceFor(code)} (${code})`);
    this.code = code;
    this.path = path;
  }
}

/** What each `errno` means for the user, and what to do about it. */
const ADVICE: Readonly<Record<string, string>> = {
  EACCES: "permission denied; make it and the directory that holds it writable by you, then run synth again",
  EPERM: "the operation is not permitted (permissions, or an immutable or append-only attribute: see lsattr); fix that, then run synth again",
  EROFS: "the file system is read-only; remount it read-write or choose another --out",
  ENOSPC: "no space is left on the device; free some space, then run synth again",
  EDQUOT: "your disk quota is exhausted; free some space, then run synth again",
  ENOTDIR: "a directory on its way is a file; move that file away, then run synth again",
  EISDIR: "it is a directory where nixjs expects a file; move it away, then run synth again",
  ENAMETOOLONG: "the name is too long for the file system; choose a shorter --out",
  ELOOP: "it is a symbolic link (or too many links lead to it); nixjs never follows one inside its output directory: replace it with a real file or directory",
  EMFILE: "this process has too many open files; raise the limit (ulimit -n), then run synth again",
  ENFILE: "the system has too many open files; close some programs, then run synth again",
  EIO: "the device reported an input/output error; check the disk (and the system log) before running synth again",
  EBUSY: "it is busy (a mount point, or in use); free it, then run synth again",
  ENOENT: "it does not exist (was it moved or deleted while synth ran?); run synth again",
  EEXIST: "something already exists there; move it away, then run synth again",
  ENOTEMPTY: "the directory is not empty; move its contents away, then run synth again",
  EXDEV: "it is on another file system than the output directory; keep the output directory on one file system",
  ETXTBSY: "it is a program being run; stop it, then run synth again",
};

function adviceFor(code: string): string {
  return ADVICE[code] ?? "the system refused; check the file and its directory, then run synth again";
}

/**
 * `error` as a {@link DiskError} when it is a system error (it has an `errno` code), else
 * unchanged.
 * @example throw asDiskError(error, "write", "server/flake.nix")
 */
export function asDiskError(error: unknown, action: string, path: string): unknown {
  if (error instanceof DiskError || error instanceof ContainmentError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? new DiskError(code, action, path) : error;
}
