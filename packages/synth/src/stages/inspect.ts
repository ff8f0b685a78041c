import type { OutDirState } from "../contain/out-dir.ts";
import { readDisk } from "../plan/disk.ts";
import { countPlan, hasDrift, planTree } from "../plan/plan.ts";
import type { SynthMode } from "../synth.ts";
import { inspectPending, type Pending } from "../write/journal.ts";
import { lockState } from "../write/lock.ts";
import type { DiskOutcome } from "./result.ts";

/** What {@link inspectStage} needs. */
export interface InspectRequest {
  readonly located: OutDirState;
  readonly files: ReadonlyMap<string, string>;
  readonly mode: Exclude<SynthMode, "write">;
  readonly force: boolean;
  /** The user's files the config names (see `PlanOptions.userFiles`). */
  readonly userFiles: ReadonlySet<string>;
}

/**
 * The disk stage of `--check` and `--dry-run`: reads only. It never takes the lock (a live
 * synth's lock is reported) and never recovers: an interrupted synth is reported as pending.
 * `--check` plans as with `--force`, so that every difference shows as drift; it exits 1 on
 * drift or a pending synth, 2 on a symbolic link where synth would write or delete.
 * @example await inspectStage({ located, files, mode: "check", force: false })
 */
export async function inspectStage(request: InspectRequest): Promise<DiskOutcome> {
  const { located, files, mode } = request;
  const root = located.kind === "exists" ? located.root : undefined;
  if (root !== undefined) {
    const lock = lockState(root);
    if (lock.kind === "held") return { status: "locked", lockPath: lock.path, ...(lock.holder ? { lockHolder: lock.holder } : {}) };
  }
  const pending: Pending = root === undefined ? { kind: "none" } : inspectPending(root);
  const plan = planTree(files, await readDisk(root, files.keys()), { force: request.force || mode === "check", userFiles: request.userFiles });
  const done = { plan, counts: countPlan(plan), pending };
  // Containment is not drift: the tree is unsafe to write until the link goes.
  const unsafe = plan.refusals.some((r) => r.kind === "symlink");
  // A journal a writing synth would refuse: so does the dry run that predicts it.
  if (mode === "dry-run") return { ...done, status: plan.refusals.length > 0 || pending.kind === "unusable" ? "refused" : "ok" };
  if (unsafe) return { ...done, status: "refused" };
  const unfinished = pending.kind === "committed" || pending.kind === "unusable";
  return { ...done, status: hasDrift(plan) || plan.refusals.length > 0 || unfinished ? "drift" : "ok" };
}
