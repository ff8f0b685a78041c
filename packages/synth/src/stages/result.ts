import type { Plan, PlanCounts } from "../plan/types.ts";
import type { Pending, Recovery } from "../write/journal.ts";
import type { LockOwner } from "../write/lock.ts";

/** How a synth ended; `exitCodeOf` maps it to the command's exit code. */
export type SynthStatus = "ok" | "drift" | "invalid" | "refused" | "locked" | "error";

/** What the disk stage of a synth found and did: the part of `SynthResult` it fills in. */
export interface DiskOutcome {
  readonly status: SynthStatus;
  readonly plan?: Plan;
  readonly counts?: PlanCounts;
  /** What a writing synth did first about an interrupted one. */
  readonly recovery?: Recovery;
  /** What `--check` and `--dry-run` saw of an interrupted synth (they never recover). */
  readonly pending?: Pending;
  readonly lockTakenOverFrom?: LockOwner;
  /** Set for `locked`: who holds the lock (undefined when its file is unreadable). */
  readonly lockHolder?: LockOwner;
  readonly lockPath?: string;
}
