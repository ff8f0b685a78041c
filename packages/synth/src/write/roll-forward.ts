/**
 * Applying a committed journal: checked first as a whole against the disk (nothing is applied
 * when a check fails), then applied step by step, each step contained at the choke point
 * (`fs-ops.ts`). Idempotent: a rename whose staged file is gone was done, a deletion whose
 * file is gone (or no longer holds what synth wrote) is skipped, so running it again after an
 * interruption at any point finishes the same tree.
 */
import { posix } from "node:path";
import { shownPath } from "../contain/errors.ts";
import { inodeOf, listDir, look, readRegular, type Found, type OutRoot } from "../contain/root.ts";
import { sha256 } from "../hash.ts";
import { hasGeneratedHeader } from "../header.ts";
import { compareCodeUnits, JOURNAL_FILE, parentDirs, STAGING_DIR } from "../paths.ts";
import type { Journal } from "./journal-format.ts";
import { makeDirs, removeDirIfEmpty, removeFile, removeTree, renameFile, syncDir } from "./fs-ops.ts";

/**
 * What stands in the way of applying `journal` now, one sentence per problem (empty: go on):
 * the journal was written in another staging directory; a rename's target is not what the
 * journal says it replaces; a symbolic link, or a file where a directory goes, on a path it
 * touches. Reads only.
 * @example checkJournal(root, journal) // []
 */
export function checkJournal(root: OutRoot, journal: Journal): string[] {
  const problems: string[] = [];
  const shown = (path: string): string => shownPath(root.display, path);
  if (inodeOf(root, STAGING_DIR) !== journal.staging) {
    return [`${shown(`${STAGING_DIR}/${JOURNAL_FILE}`)} was not written in this staging directory (it was copied, checked out or planted), so nixjs will not apply it`];
  }
  // Directories are shared by many targets: each is looked at once (a snapshot check; every
  // operation checks its own path again when it runs).
  const dirs = new Map<string, Found>();
  const lookDir = (dir: string): Found => {
    let found = dirs.get(dir);
    if (found === undefined) dirs.set(dir, (found = look(root, dir)));
    return found;
  };
  const staged = stagedNames(root);
  for (const rename of journal.renames) {
    if (!staged.has(rename.from)) continue; // done already
    const target = look(root, rename.to);
    const blocker = target.kind === "missing" ? parentDirs(rename.to).find((dir) => lookDir(dir).kind === "file") : undefined;
    if (target.kind === "symlink") problems.push(`${shown(rename.to)} cannot be written: ${shown(target.link)} is a symbolic link (to ${target.target})`);
    else if (blocker !== undefined) problems.push(`${shown(rename.to)} cannot be written: ${shown(blocker)} is a file where a directory goes`);
    else if (target.kind === "missing") continue;
    else if (target.kind !== "file") problems.push(`${shown(rename.to)} is ${target.kind === "directory" ? "a directory" : "a special file"} now`);
    else if (rename.replaces === null) problems.push(`${shown(rename.to)} was created by someone else since this synth planned its changes`);
    else if (sha256(readRegular(root, rename.to)) !== rename.replaces) problems.push(`${shown(rename.to)} changed since this synth planned to replace it`);
  }
  for (const path of [...journal.deletions.map((d) => d.path), ...journal.pruneDirs]) {
    const found = look(root, path);
    if (found.kind === "symlink") problems.push(`${shown(path)} cannot be deleted: ${shown(found.link)} is a symbolic link (to ${found.target})`);
  }
  return problems;
}

/** The names in the staging directory: the staged files not moved yet (nothing else moves them while synth holds the lock). */
function stagedNames(root: OutRoot): ReadonlySet<string> {
  return new Set(look(root, STAGING_DIR).kind === "directory" ? listDir(root, STAGING_DIR) : []);
}

/**
 * The staged files a journal still has to move that no longer hash to what it recorded (a
 * recovery checks them; right after staging, synth has just written them).
 * @example checkStaged(root, journal) // []
 */
export function checkStaged(root: OutRoot, journal: Journal): string[] {
  const staged = stagedNames(root);
  return journal.renames
    .filter((r) => staged.has(r.from) && sha256(readRegular(root, `${STAGING_DIR}/${r.from}`)) !== r.sha256)
    .map((r) => `the staged copy of ${shownPath(root.display, r.to)} is damaged`);
}

/** A committed synth could not be applied completely: the tree is part old, part new. */
export class RollForwardError extends Error {
  override readonly name = "RollForwardError";
  readonly done: readonly string[];
  readonly notDone: readonly string[];
  constructor(cause: unknown, root: OutRoot, done: readonly string[], notDone: readonly string[]) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const shown = (paths: readonly string[]): string => listed(paths.map((p) => shownPath(root.display, p)));
    super(
      [
        `synth committed its changes to ${root.display}/ but could not finish applying them: ${reason}`,
        `${root.display}/ is now part old, part new:`,
        `  done (${done.length}): ${shown(done)}`,
        `  not done (${notDone.length}): ${shown(notDone)}`,
        `To finish: fix the cause above, then run synth again; it completes this synth first (the new files wait in ${shownPath(root.display, STAGING_DIR)}/: do not delete it).`,
      ].join("\n"),
    );
    this.done = done;
    this.notDone = notDone;
  }
}

/**
 * Applies a committed journal (see the module comment), then removes the journal and the
 * staging directory. Expects {@link checkJournal} to have found nothing. Throws
 * {@link RollForwardError}, saying which files are done, when a step fails.
 * @example await rollForward(root, journal)
 */
export async function rollForward(root: OutRoot, journal: Journal): Promise<void> {
  const done = new Set<string>();
  try {
    applyJournal(root, journal, done);
  } catch (error) {
    const all = [...journal.deletions.map((d) => d.path), ...journal.renames.map((r) => r.to)];
    throw new RollForwardError(error, root, all.filter((p) => done.has(p)), all.filter((p) => !done.has(p)));
  }
}

function applyJournal(root: OutRoot, journal: Journal, done: Set<string>): void {
  const touched = new Set<string>([""]);
  for (const { path, sha256: hash } of journal.deletions) {
    if (look(root, path).kind === "file") {
      const bytes = readRegular(root, path);
      // Only what synth wrote: the same bytes, which carry the header (a forged journal cannot name a hand-written file).
      if (sha256(bytes) === hash && hasGeneratedHeader(bytes)) {
        removeFile(root, path);
        touched.add(dirOf(path));
      }
    }
    done.add(path);
  }
  for (const dir of journal.pruneDirs) {
    if (removeDirIfEmpty(root, dir)) touched.add(dirOf(dir));
  }
  // Directories seen to exist: nothing removes one while the renames run, so each is checked once.
  const present = new Set<string>([""]);
  const staged = stagedNames(root);
  for (const { from, to } of journal.renames) {
    const source = `${STAGING_DIR}/${from}`;
    if (!staged.has(from)) {
      done.add(to);
      continue;
    }
    const dir = dirOf(to);
    if (!present.has(dir)) {
      if (look(root, dir).kind !== "directory") makeDirs(root, dir);
      present.add(dir);
    }
    renameFile(root, source, to);
    done.add(to);
    touched.add(dir);
  }
  // Deepest first, so that a new directory's own entry is flushed after its contents.
  const depth = (dir: string): number => (dir === "" ? 0 : dir.split("/").length);
  for (const dir of [...touched].sort((a, b) => depth(b) - depth(a) || compareCodeUnits(a, b))) syncDir(root, dir);
  removeFile(root, `${STAGING_DIR}/${JOURNAL_FILE}`);
  removeTree(root, STAGING_DIR);
  syncDir(root, "");
}

/** The directory of a relative path; `""` for the root. */
function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

/** Up to ten paths, then how many more. */
function listed(paths: readonly string[]): string {
  if (paths.length === 0) return "none";
  const shown = paths.slice(0, 10).join(", ");
  return paths.length > 10 ? `${shown} and ${paths.length - 10} more` : shown;
}
