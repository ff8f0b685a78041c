import { createOutDir, removeIfEmpty, type OutDirState } from "../contain/out-dir.ts";
import { readDisk } from "../plan/disk.ts";
import { countPlan, hasDrift, planTree } from "../plan/plan.ts";
import { commitPlan } from "../write/commit.ts";
import { recover } from "../write/journal.ts";
import { acquireLock, releaseLock, type HeldLock } from "../write/lock.ts";
import type { DiskOutcome } from "./result.ts";

/** What {@link writeStage} needs. */
export interface WriteRequest {
  readonly located: OutDirState;
  /** The output directory: absolute, and as displayed. */
  readonly outDir: string;
  readonly display: string;
  readonly files: ReadonlyMap<string, string>;
  readonly force: boolean;
  /** The user's files the config names (see `PlanOptions.userFiles`). */
  readonly userFiles: ReadonlySet<string>;
}

/**
 * The disk stage of a writing synth: creates the output directory if needed, takes its lock,
 * finishes or discards an interrupted synth, plans against the disk and the manifest, and
 * commits the plan unless something is refused. Releases the lock, and removes an output
 * directory it created when nothing was written into it.
 * @example await writeStage({ located, outDir: "/repo/server", display: "server", files, force: false })
 */
export async function writeStage(request: WriteRequest): Promise<DiskOutcome> {
  const { located, files } = request;
  const root = located.kind === "exists" ? located.root : createOutDir(request.outDir, request.display);
  let lock: HeldLock | undefined;
  try {
    const attempt = await acquireLock(root);
    if (attempt.kind === "held") return { status: "locked", lockPath: attempt.path, ...(attempt.holder ? { lockHolder: attempt.holder } : {}) };
    lock = attempt.lock;
    const recovery = await recover(root);
    const plan = planTree(files, await readDisk(root, files.keys()), { force: request.force, userFiles: request.userFiles });
    const done = { plan, counts: countPlan(plan), recovery, ...(lock.tookOverFrom ? { lockTakenOverFrom: lock.tookOverFrom } : {}) };
    if (plan.refusals.length > 0) return { ...done, status: "refused" };
    if (hasDrift(plan)) await commitPlan(root, plan, lock);
    return { ...done, status: "ok" };
  } finally {
    if (lock) await releaseLock(root, lock).catch(() => undefined);
    if (located.kind === "missing") removeIfEmpty(root);
  }
}
