/**
 * Recovery: what the next synth does with a synth that was interrupted. The journal's
 * appearance is the commit point: before it, the old tree stands and the staging area is
 * garbage; after it, rolling forward (see `roll-forward.ts`) yields the new tree. Only a
 * writing synth recovers, under the lock; `--check` and `--dry-run` only look
 * ({@link inspectPending}).
 */
import { ContainmentError, shownPath } from "../contain/errors.ts";
import { look, readRegular, type OutRoot } from "../contain/root.ts";
import { sha256 } from "../hash.ts";
import { JOURNAL_FILE, STAGING_DIR } from "../paths.ts";
import { removeTree, syncDir } from "./fs-ops.ts";
import { JournalError, parseJournal, type Journal } from "./journal-format.ts";
import { checkJournal, checkStaged, rollForward } from "./roll-forward.ts";

export { JournalError, parseJournal, serializeJournal, type Journal, type JournalRename } from "./journal-format.ts";
export { checkJournal, checkStaged, rollForward, RollForwardError } from "./roll-forward.ts";

/** What recovery found and did at the start of a synth. */
export type Recovery =
  | { readonly kind: "clean" }
  | { readonly kind: "rolled-forward"; readonly files: number }
  | { readonly kind: "discarded" };

/** What an interrupted synth left, seen without changing anything. */
export type Pending =
  | { readonly kind: "none" }
  /** Killed before its commit point: the next synth discards its staging area; the tree is the old one. */
  | { readonly kind: "uncommitted" }
  /** Committed: `files` files still to move into place or delete. */
  | { readonly kind: "committed"; readonly files: number }
  /** A journal that cannot be read or must not be applied; `problem` says why. */
  | { readonly kind: "unusable"; readonly problem: string };

/**
 * Run at the start of every writing synth, under the lock: finishes a synth that was
 * interrupted after its commit point (roll forward) and throws away one interrupted before it.
 * A journal that cannot be read, or whose check finds a problem (see `checkJournal`), is not
 * applied at all: {@link JournalError} says what to do.
 * @example const recovery = await recover(root) // { kind: "clean" }
 */
export async function recover(root: OutRoot): Promise<Recovery> {
  const found = readStaged(root);
  if (found.kind === "clean") return found;
  if (found.kind === "uncommitted") {
    removeTree(root, STAGING_DIR);
    syncDir(root, "");
    return { kind: "discarded" };
  }
  const problems = [...checkStaged(root, found.journal), ...checkJournal(root, found.journal)];
  if (problems.length > 0) throw new JournalError(refusedMessage(root, problems));
  await rollForward(root, found.journal);
  return { kind: "rolled-forward", files: found.journal.renames.length + found.journal.deletions.length };
}

/**
 * What an interrupted synth left in the output directory, for `--check` and `--dry-run`:
 * reads only (no lock, no recovery).
 * @example inspectPending(root) // { kind: "committed", files: 3 }
 */
export function inspectPending(root: OutRoot): Pending {
  let found: ReturnType<typeof readStaged>;
  try {
    found = readStaged(root);
  } catch (error) {
    // Whatever stops a recovery (a bad journal, a link, an unreadable file): reported, not thrown.
    return { kind: "unusable", problem: (error as Error).message };
  }
  if (found.kind === "clean") return { kind: "none" };
  if (found.kind === "uncommitted") return found;
  const problems = checkJournal(root, found.journal);
  if (problems.length > 0) return { kind: "unusable", problem: refusedMessage(root, problems) };
  let files = 0;
  for (const r of found.journal.renames) if (look(root, `${STAGING_DIR}/${r.from}`).kind === "file") files++;
  for (const d of found.journal.deletions) {
    if (look(root, d.path).kind === "file" && sha256(readRegular(root, d.path)) === d.sha256) files++;
  }
  return { kind: "committed", files };
}

/** The staging area, read: none, no journal (uncommitted), or a parsed journal. */
function readStaged(root: OutRoot): { kind: "clean" } | { kind: "uncommitted" } | { kind: "committed"; journal: Journal } {
  const staging = look(root, STAGING_DIR);
  if (staging.kind === "missing") return { kind: "clean" };
  if (staging.kind === "symlink") throw new ContainmentError({ kind: "symlink", link: staging.link, target: staging.target }, root.display);
  if (staging.kind !== "directory") {
    throw new JournalError(`${shownPath(root.display, STAGING_DIR)} is not a directory, though nixjs keeps its staging area there; move it away`);
  }
  const where = `${STAGING_DIR}/${JOURNAL_FILE}`;
  if (look(root, where).kind === "missing") return { kind: "uncommitted" };
  // A link there is refused by readRegular, like any other.
  const text = readRegular(root, where).toString();
  try {
    return { kind: "committed", journal: parseJournal(text) };
  } catch (error) {
    throw new JournalError(
      `an interrupted synth left ${shownPath(root.display, where)}, which ${(error as Error).message}; inspect the output directory, then delete ${shownPath(root.display, STAGING_DIR)}/ and run synth again`,
    );
  }
}

function refusedMessage(root: OutRoot, problems: readonly string[]): string {
  return [
    `an interrupted synth is pending in ${root.display}/, but nixjs will not finish it:`,
    ...problems.map((p) => `  ${p}`),
    `Inspect those files; then either put them back as they were and run synth again (it finishes the interrupted synth), or delete ${shownPath(root.display, STAGING_DIR)}/ to abandon it and run synth again (files it had already moved into place count as edited: check them, then use --force).`,
  ].join("\n");
}
