/**
 * The contained root: the output directory, resolved once to its real path (the path the user
 * gave may itself be, or go through, a symbolic link: that is the user's choice), below which
 * synth names everything by a relative path and walks it one component at a time with
 * `lstat(2)`, right before each operation: a symbolic link anywhere below the root is never
 * followed, and a root that is no longer the directory opened is refused.
 *
 * Node has no `openat(2)`, so a process racing synth between the walk and the system call
 * could still swap a directory for a link; the walk runs immediately before every call (not
 * once at planning), files are opened with `O_NOFOLLOW`, and `rename`/`unlink`/`rmdir`/`mkdir`
 * never follow their last component, which leaves that window only to someone who can already
 * write the tree while synth holds its lock.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, type BigIntStats, type Stats } from "node:fs";
import { join } from "node:path";
import { pathShapeProblem } from "../paths.ts";
import { asDiskError, ContainmentError, shownPath } from "./errors.ts";

/** The output directory, opened. */
export interface OutRoot {
  /** Its real path (no symbolic link in it). */
  readonly path: string;
  /** How messages name it: relative to the working directory, `/`-separated (`"server"`). */
  readonly display: string;
  /** Device and inode when opened: every operation checks it is still that directory. */
  readonly dev: bigint;
  readonly ino: bigint;
}

/** `O_NOFOLLOW` where the platform has it. */
export const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Opens an existing directory as a root: its real path, checked to be a directory.
 * @example const root = openRoot("/repo/server", "server")
 */
export function openRoot(path: string, display: string): OutRoot {
  let real: string;
  let info: BigIntStats;
  try {
    real = realpathSync.native(path);
    info = lstatSync(real, { bigint: true });
  } catch (error) {
    throw asDiskError(error, "open the output directory", `${display}/`);
  }
  if (!info.isDirectory()) throw new ContainmentError({ kind: "special", path: "", what: "not a directory" }, display);
  return { path: real, display, dev: info.dev, ino: info.ino };
}


/** What a relative path names, found without following any symbolic link. */
export type Found =
  | { readonly kind: "missing" }
  | { readonly kind: "file"; readonly size: number }
  | { readonly kind: "directory" }
  /** `link` is the first component on the way that is a symbolic link (maybe the path itself). */
  | { readonly kind: "symlink"; readonly link: string; readonly target: string }
  /** A FIFO, socket or device. */
  | { readonly kind: "special"; readonly what: string };

/**
 * What is at `rel` below the root, walking component by component with `lstat(2)`: a symbolic
 * link on the way (or at the end) is reported, never followed; a file where a directory should
 * be reads as missing (nothing can be below it). `""` is the root itself.
 * @example look(root, "containers/a.nix") // { kind: "symlink", link: "containers", target: "/tmp/x" }
 */
export function look(root: OutRoot, rel: string): Found {
  const parts = partsOf(root, rel);
  checkRoot(root);
  let abs = root.path;
  let info: Stats | undefined;
  for (let i = 0; i < parts.length; i++) {
    abs = join(abs, parts[i]!);
    info = lstatIn(root, abs, parts.slice(0, i + 1).join("/"));
    if (info === undefined) return { kind: "missing" };
    if (info.isSymbolicLink()) return { kind: "symlink", link: parts.slice(0, i + 1).join("/"), target: linkTarget(abs) };
    if (i < parts.length - 1 && !info.isDirectory()) return { kind: "missing" };
  }
  if (info === undefined || info.isDirectory()) return { kind: "directory" };
  if (info.isFile()) return { kind: "file", size: info.size };
  return { kind: "special", what: specialKind(info) };
}

/**
 * Checks `rel` for an operation right now: a plain relative path, the root still the directory
 * opened, and no symbolic link on the way (nor, unless `final` is `"any"`, at the end). Returns
 * the absolute path for one immediate system call; throws {@link ContainmentError}.
 * @example renameSync(reach(root, ".nixjs-staging/f0"), reach(root, "flake.nix"))
 */
export function reach(root: OutRoot, rel: string, final: "no-link" | "any" = "no-link"): string {
  const parts = partsOf(root, rel);
  checkRoot(root);
  let abs = root.path;
  for (let i = 0; i < parts.length; i++) {
    abs = join(abs, parts[i]!);
    const last = i === parts.length - 1;
    if (last && final === "any") break;
    const info = lstatIn(root, abs, parts.slice(0, i + 1).join("/"));
    // Missing: nothing below exists either; the operation creates it or fails with ENOENT.
    if (info === undefined) break;
    if (info.isSymbolicLink()) {
      throw new ContainmentError({ kind: "symlink", link: parts.slice(0, i + 1).join("/"), target: linkTarget(abs) }, root.display);
    }
    // A file where a directory goes: the operation fails with ENOTDIR, which says so.
    if (!last && !info.isDirectory()) break;
  }
  return join(root.path, ...parts);
}

/**
 * The bytes of the regular file at `rel`: opened with `O_NOFOLLOW` and `O_NONBLOCK` (a FIFO
 * swapped in cannot block synth) and checked to be a regular file once open.
 * @example readRegular(root, ".nixjs-manifest.json")
 */
export function readRegular(root: OutRoot, rel: string): Buffer {
  const abs = reach(root, rel);
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | O_NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw asDiskError(error, "read", shownPath(root.display, rel));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ContainmentError({ kind: "special", path: rel, what: info.isDirectory() ? "a directory" : specialKind(info) }, root.display);
    return readFileSync(fd);
  } catch (error) {
    throw asDiskError(error, "read", shownPath(root.display, rel));
  } finally {
    closeSync(fd);
  }
}

/**
 * The names in the directory at `rel` (`""`: the root), sorted by code units.
 * @example listDir(root, ".nixjs-staging") // ["f0", "f1", "journal.json", "manifest"]
 */
export function listDir(root: OutRoot, rel: string): string[] {
  const abs = reach(root, rel);
  try {
    return readdirSync(abs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    throw asDiskError(error, "list", shownPath(root.display, rel));
  }
}

/**
 * The inode number (decimal) of the directory at `rel`, or `undefined` when there is none.
 * @example inodeOf(root, ".nixjs-staging") // "1835023"
 */
export function inodeOf(root: OutRoot, rel: string): string | undefined {
  const abs = reach(root, rel);
  try {
    const info = lstatSync(abs, { bigint: true, throwIfNoEntry: false });
    return info?.isDirectory() ? info.ino.toString() : undefined;
  } catch (error) {
    throw asDiskError(error, "examine", shownPath(root.display, rel));
  }
}

/** Throws unless the root's path still names the directory opened. */
function checkRoot(root: OutRoot): void {
  let info: BigIntStats | undefined;
  try {
    info = lstatSync(root.path, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    throw asDiskError(error, "open the output directory", `${root.display}/`);
  }
  if (info === undefined || !info.isDirectory() || info.dev !== root.dev || info.ino !== root.ino) {
    throw new ContainmentError({ kind: "replaced" }, root.display);
  }
}

function partsOf(root: OutRoot, rel: string): string[] {
  if (rel === "") return [];
  const problem = pathShapeProblem(rel);
  if (problem !== undefined) throw new ContainmentError({ kind: "path", path: rel, problem }, root.display);
  return rel.split("/");
}

function lstatIn(root: OutRoot, abs: string, rel: string): Stats | undefined {
  try {
    return lstatSync(abs, { throwIfNoEntry: false });
  } catch (error) {
    throw asDiskError(error, "examine", shownPath(root.display, rel));
  }
}

function linkTarget(abs: string): string {
  try {
    return readlinkSync(abs);
  } catch {
    return "?"; // gone again: the message still names the link
  }
}

/** What kind of special file `info` is, for messages. */
export function specialKind(info: Stats): string {
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device file";
  return "a special file";
}
