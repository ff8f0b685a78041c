import { shownPath } from "../contain/errors.ts";
import type { OutRoot } from "../contain/root.ts";
import { inodeOf } from "../contain/root.ts";
import { sha256 } from "../hash.ts";
import { JOURNAL_FILE, MANIFEST_FILE, STAGING_DIR } from "../paths.ts";
import type { Plan } from "../plan/types.ts";
import { makeDirs, removeTree, renameFile, syncDir, syncFiles, writeDurable, writeFile } from "./fs-ops.ts";
import { JournalError, serializeJournal, type Journal, type JournalRename } from "./journal-format.ts";
import { checkJournal, rollForward } from "./roll-forward.ts";
import { LockLostError, stillHeld, type HeldLock } from "./lock.ts";

/**
 * Writes a plan so that the whole tree switches at once: every new or changed file (and the
 * new manifest) is written, then flushed (see `syncFiles`), in the staging directory inside the
 * output directory (same file system, so renames are atomic); the journal is checked against
 * the disk as it is now (`checkJournal`: no symbolic link appeared, no file changed since the
 * plan read it) and written atomically (the commit point); then it is applied. A crash before
 * the commit leaves the old tree (the staging directory is discarded by the next synth), after
 * it the new one (the next synth rolls forward).
 * Expects `recover` to have run under the same lock, and a plan without refusals.
 * @example await commitPlan(root, plan, lock)
 */
export async function commitPlan(root: OutRoot, plan: Plan, lock: HeldLock): Promise<void> {
  if (plan.refusals.length > 0) throw new Error("commitPlan: the plan has refusals");
  let journal: Journal;
  try {
    journal = stage(root, plan);
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw new NotCommittedError(`${(error as Error).message}\nNothing was changed in ${root.display}/: the old tree stands (the next synth discards the files staged in ${shownPath(root.display, STAGING_DIR)}/).`);
  }
  if (!stillHeld(root, lock)) throw new LockLostError(`${lock.path} no longer names this synth (pid ${process.pid}); the tree was left unchanged`);
  const journalPath = `${STAGING_DIR}/${JOURNAL_FILE}`;
  writeDurable(root, `${journalPath}.tmp`, Buffer.from(serializeJournal(journal)));
  renameFile(root, `${journalPath}.tmp`, journalPath);
  syncDir(root, STAGING_DIR); // commit point: from here on the new tree wins
  await rollForward(root, journal);
}

/** A synth failed before its commit point: nothing in the tree changed. */
export class NotCommittedError extends Error {
  override readonly name = "NotCommittedError";
}

/**
 * Stages every new file and the manifest, flushed, and returns the journal that commits them,
 * checked against the disk as it is now.
 */
function stage(root: OutRoot, plan: Plan): Journal {
  makeDirs(root, STAGING_DIR);
  const renames: JournalRename[] = [];
  const writes: { name: string; bytes: Uint8Array }[] = [];
  for (const change of plan.changes) {
    if (change.kind !== "create" && change.kind !== "update") continue;
    const name = `f${renames.length}`;
    renames.push({ from: name, to: change.path, sha256: change.hash, replaces: change.kind === "update" ? sha256(change.previous) : null });
    writes.push({ name, bytes: change.bytes });
  }
  const manifest = Buffer.from(plan.manifest.text);
  renames.push({ from: "manifest", to: MANIFEST_FILE, sha256: sha256(manifest), replaces: plan.manifest.previousSha256 ?? null });
  writes.push({ name: "manifest", bytes: manifest });
  for (const w of writes) writeFile(root, `${STAGING_DIR}/${w.name}`, w.bytes);
  syncFiles(root, STAGING_DIR, writes.map((w) => `${STAGING_DIR}/${w.name}`));
  syncDir(root, STAGING_DIR);
  syncDir(root, "");

  const journal: Journal = {
    // Just created: it has an inode (were it gone, checkJournal would report "undefined" as not this directory).
    staging: String(inodeOf(root, STAGING_DIR)),
    deletions: plan.changes.flatMap((c) => (c.kind === "delete" ? [{ path: c.path, sha256: c.previousHash }] : [])),
    pruneDirs: plan.pruneDirs,
    renames,
  };
  const problems = checkJournal(root, journal);
  if (problems.length > 0) {
    removeTree(root, STAGING_DIR);
    throw new JournalError(`the output directory changed while synth ran, so nothing was written:\n${problems.map((p) => `  ${p}`).join("\n")}\nResolve that, then run synth again.`);
  }
  return journal;
}
