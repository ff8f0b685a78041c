/**
 * @nixjs/synth: the only part of nixjs that touches the disk. Turns a `homelab.config.ts`
 * into the `server/` tree of a NixOS flake: validate, render, print, plan against the disk and
 * the manifest, and write atomically (the whole tree switches at once).
 */
export { main, type CliIo } from "./cli/main.ts";
export { parseCommand, type CliArgs, type Command } from "./cli/args.ts";
export { loadConfig, type LoadedConfig } from "./config/load-config.ts";
export { compileConfig, type CompiledConfig, type CompileOptions } from "./config/compile-config.ts";
export {
  synth,
  exitCodeOf,
  renderOptionsFor,
  type SynthMode,
  type SynthOptions,
  type SynthResult,
  type SynthStatus,
  type SynthesizeOutcome,
  type SynthesizeRequest,
} from "./synth.ts";
export { synthInMemory, synthesizeLab, SynthValidationError, type SecretFile, type Synthesized } from "./pipeline/synthesize.ts";
export { planTree, countPlan, hasDrift, InvalidTreeError, type PlanOptions } from "./plan/plan.ts";
export { readDisk } from "./plan/disk.ts";
export { forceOverrides } from "./plan/refusals.ts";
export type { DiskEntry, DiskSnapshot, FileChange, FileChangeKind, Plan, PlanCounts, Refusal, RefusalKind } from "./plan/types.ts";
export { openRoot, look, reach, readRegular, type OutRoot, type Found } from "./contain/root.ts";
export { locateOutDir, createOutDir, OutDirError, type OutDirState } from "./contain/out-dir.ts";
export { ContainmentError, DiskError, type ContainmentProblem } from "./contain/errors.ts";
export { hasGeneratedHeader } from "./header.ts";
export { MANIFEST_VERSION, parseManifest, serializeManifest, isManifestProblem, type Manifest, type ManifestProblem } from "./manifest.ts";
export { commitPlan } from "./write/commit.ts";
export {
  recover,
  inspectPending,
  checkJournal,
  rollForward,
  parseJournal,
  JournalError,
  RollForwardError,
  type Journal,
  type JournalRename,
  type Pending,
  type Recovery,
} from "./write/journal.ts";
export { acquireLock, releaseLock, lockState, LockLostError, type HeldLock, type LockAttempt, type LockOwner, type LockState } from "./write/lock.ts";
export { MANIFEST_FILE, LOCK_FILE, STAGING_DIR, JOURNAL_FILE, compareCodeUnits } from "./paths.ts";
export { jsonReport, JSON_REPORT_VERSION } from "./report/json.ts";
