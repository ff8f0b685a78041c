import { join } from "node:path";
import { JOURNAL_FILE, MANIFEST_FILE, STAGING_DIR } from "../paths.ts";
import type { Plan } from "../plan/types.ts";
import { makeDir, renameFile, syncDir, syncFiles, writeDurable, writeFile } from "./fs-ops.ts";
import { rollForward, serializeJournal, type Journal } from "./journal.ts";
import { LockLostError, stillHeld, type HeldLock } from "./lock.ts";

/**
 * Writes a plan so that the whole tree switches at once: every new or changed file (and the
 * new manifest) is written, then flushed (see `syncFiles`), in the staging directory inside
 * `outDir` (same file system, so renames are atomic); then the journal is written atomically
 * (the commit point); then it is applied. A crash before the commit leaves the old tree (the staging directory is
 * discarded by the next synth), after it the new one (the next synth rolls forward).
 * Expects {@link recover} to have run under the same lock, and a plan without refusals.
 * @example await commitPlan("/repo/server", plan, lock)
 */
export async function commitPlan(outDir: string, plan: Plan, lock: HeldLock): Promise<void> {
  if (plan.refusals.length > 0) throw new Error("commitPlan: the plan has refusals");
  const staging = join(outDir, STAGING_DIR);
  makeDir(staging);
  const renames: { from: string; to: string }[] = [];
  const writes: { name: string; bytes: Uint8Array }[] = [];
  for (const change of plan.changes) {
    if (change.kind !== "create" && change.kind !== "update") continue;
    const name = `f${renames.length}`;
    renames.push({ from: name, to: change.path });
    writes.push({ name, bytes: change.bytes });
  }
  renames.push({ from: "manifest", to: MANIFEST_FILE });
  writes.push({ name: "manifest", bytes: Buffer.from(plan.manifest.text, "utf8") });
  for (const w of writes) writeFile(join(staging, w.name), w.bytes);
  syncFiles(staging, writes.map((w) => join(staging, w.name)));
  syncDir(staging);
  syncDir(outDir);

  const journal: Journal = {
    deletions: plan.changes.flatMap((c) => (c.kind === "delete" ? [{ path: c.path, sha256: c.previousHash }] : [])),
    pruneDirs: plan.pruneDirs,
    renames,
  };
  if (!stillHeld(lock)) throw new LockLostError(`${lock.path} no longer names this synth (pid ${process.pid}); the tree was left unchanged`);
  const journalPath = join(staging, JOURNAL_FILE);
  writeDurable(`${journalPath}.tmp`, Buffer.from(serializeJournal(journal), "utf8"));
  renameFile(`${journalPath}.tmp`, journalPath);
  syncDir(staging); // commit point: from here on the new tree wins
  await rollForward(outDir, journal);
}
