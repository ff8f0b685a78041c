/**
 * Names synth owns inside the output directory, and the rules every generated path obeys.
 * Paths are POSIX-style and relative to the output directory everywhere in synth; only the
 * write layer joins them with the real directory.
 */

/** Ownership record: every file synth wrote, with its hash. Committed by users. */
export const MANIFEST_FILE = ".nixjs-manifest.json";
/** Held (O_EXCL) while a synth runs; holds the owner's pid. */
export const LOCK_FILE = ".nixjs.lock";
/** New files wait here (same file system as their targets) until the journal commits them. */
export const STAGING_DIR = ".nixjs-staging";
/** Inside {@link STAGING_DIR}: its atomic creation is the commit point of a synth. */
export const JOURNAL_FILE = "journal.json";

/**
 * Sorts by UTF-16 code units: the same order on every machine and in every locale.
 * @example ["b", "B", "a"].sort(compareCodeUnits) // ["B", "a", "b"]
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True for the names synth keeps for itself (manifest, lock, staging area). */
export function isReservedPath(path: string): boolean {
  const first = path.split("/", 1)[0];
  return first === MANIFEST_FILE || first === LOCK_FILE || first === STAGING_DIR;
}

/**
 * Why `path` cannot name anything below the output directory, or `undefined` when it can:
 * relative, forward slashes, no empty, `.` or `..` segment, no NUL. The shape alone: whether a
 * symlink lies on the way is for the disk to say (see `contain/root.ts`).
 * @example pathShapeProblem("../etc/passwd") // "leaves the output directory (`..`)"
 */
export function pathShapeProblem(path: string): string | undefined {
  if (path === "") return "is empty";
  if (path.includes("\0")) return "contains a NUL character";
  if (path.includes("\\")) return "contains a backslash (use `/`)";
  if (path.startsWith("/")) return "is absolute";
  for (const segment of path.split("/")) {
    if (segment === "") return "has an empty segment";
    if (segment === ".") return "has a `.` segment";
    if (segment === "..") return "leaves the output directory (`..`)";
  }
  return undefined;
}

/**
 * Why `path` cannot be a generated file's path, or `undefined` when it can: a valid shape
 * (see {@link pathShapeProblem}) and not one of synth's own names. (The user's files, such as
 * encrypted secrets, are the config's to name: see `PlanOptions.userFiles`.)
 * @example relativePathProblem(".nixjs-lock") // "is one of synth's own files"
 */
export function relativePathProblem(path: string): string | undefined {
  const shape = pathShapeProblem(path);
  if (shape !== undefined) return shape;
  if (isReservedPath(path)) return "is one of synth's own files";
  return undefined;
}

/**
 * The directories above a relative path, deepest first.
 * @example parentDirs("a/b/c.nix") // ["a/b", "a"]
 */
export function parentDirs(path: string): string[] {
  const out: string[] = [];
  let i = path.lastIndexOf("/");
  while (i > 0) {
    const dir = path.slice(0, i);
    out.push(dir);
    i = dir.lastIndexOf("/");
  }
  return out;
}
