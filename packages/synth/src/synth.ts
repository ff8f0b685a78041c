import { existsSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Diagnostic, RenderOptions } from "@nixjs/homelab";
import { readDisk } from "./plan/disk.ts";
import { countPlan, hasDrift, InvalidTreeError, planTree } from "./plan/plan.ts";
import { missingSecretWarnings } from "./plan/secret-files.ts";
import type { Plan, PlanCounts } from "./plan/types.ts";
import type { Synthesized } from "./pipeline/synthesize.ts";
import { shellQuote } from "@nixjs/homelab";
import { sortDiagnostics } from "@nixjs/homelab";
import { makeDir, syncDir } from "./write/fs-ops.ts";
import { JournalError, recover, type Recovery } from "./write/journal.ts";
import { acquireLock, LockLostError, releaseLock, type HeldLock, type LockOwner } from "./write/lock.ts";

/** `write` (default) writes; `check` and `dry-run` never write generated files. */
export type SynthMode = "write" | "check" | "dry-run";

/** What the config stage gave: the synthesized files, a config rejected by a builder, or a failure. */
export type SynthesizeOutcome =
  | { readonly kind: "ok"; readonly synthesized: Synthesized }
  | { readonly kind: "invalid"; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: "failed"; readonly message: string; readonly site?: string };

/** What {@link SynthOptions.synthesize} is asked for. */
export interface SynthesizeRequest {
  readonly configPath: string;
  readonly configName: string;
  readonly renderOptions: RenderOptions;
}

/** Options of {@link synth}; every path is relative to `cwd`. */
export interface SynthOptions {
  /** Default `process.cwd()`. */
  readonly cwd?: string;
  /** The config module. Default `"homelab.config.ts"`. @example "examples/podman-media/homelab.config.ts" */
  readonly config?: string;
  /** The output directory. Default `"server"`. */
  readonly out?: string;
  /** Default `"write"`. */
  readonly mode?: SynthMode;
  /** Overwrite/delete hand-edited and foreign files instead of refusing. */
  readonly force?: boolean;
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /**
   * Replaces the config stage (load, validate, render, print): for tests and other front
   * ends. Default: import the config and run {@link synthesizeLab} on its default export.
   */
  readonly synthesize?: (request: SynthesizeRequest) => Promise<SynthesizeOutcome>;
  /**
   * Called once with every diagnostic (sorted), as soon as they are known: before the lock is
   * taken and before anything is written. The CLI prints them here.
   */
  readonly onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
}

/** How a synth ended; {@link exitCodeOf} maps it to the command's exit code. */
export type SynthStatus = "ok" | "drift" | "invalid" | "refused" | "locked" | "error";

/** Everything a synth found and did (the CLI prints it; `--json` serialises it). */
export interface SynthResult {
  readonly status: SynthStatus;
  readonly mode: SynthMode;
  /** Display paths (relative to cwd, `/`-separated). */
  readonly config: string;
  readonly out: string;
  /** Sorted: errors first, then by group and path. */
  readonly diagnostics: readonly Diagnostic[];
  readonly plan?: Plan;
  readonly counts?: PlanCounts;
  readonly recovery?: Recovery;
  readonly lockTakenOverFrom?: LockOwner;
  /** Set for `locked`: who holds the lock (undefined when its file is unreadable). */
  readonly lockHolder?: LockOwner;
  readonly lockPath?: string;
  /** Set for `error`: what went wrong, for the user. */
  readonly error?: { readonly kind: "config" | "io" | "internal"; readonly message: string; readonly site?: string };
}

/**
 * The exit code of a result: 0 ok; 1 drift (`--check`) or validation errors; 2 a usage,
 * config-loading or I/O error, a held lock, or a refusal to overwrite.
 * @example exitCodeOf(await synth({ mode: "check" }))
 */
export function exitCodeOf(result: Pick<SynthResult, "status">): 0 | 1 | 2 {
  switch (result.status) {
    case "ok":
      return 0;
    case "drift":
    case "invalid":
      return 1;
    case "refused":
    case "locked":
    case "error":
      return 2;
  }
}

/**
 * The whole pipeline: load and validate the config, render and print it, then (under the
 * output directory's lock, after recovering an interrupted synth) plan against the disk and
 * the manifest, and write atomically — or, in `check` and `dry-run` modes, only report.
 * Never throws for a user's mistake; the result says what happened.
 * @example const result = await synth({ mode: "check" }); process.exitCode = exitCodeOf(result)
 */
export async function synth(options: SynthOptions = {}): Promise<SynthResult> {
  const cwd = options.cwd ?? process.cwd();
  const mode = options.mode ?? "write";
  const configPath = resolve(cwd, options.config ?? "homelab.config.ts");
  const outDir = resolve(cwd, options.out ?? "server");
  const base = { mode, config: display(cwd, configPath), out: display(cwd, outDir) };
  const renderOptions = renderOptionsFor(base.config, base.out);

  const run = options.synthesize ?? defaultSynthesize;
  let outcome: SynthesizeOutcome;
  try {
    outcome = await run({ configPath, configName: base.config, renderOptions });
  } catch (error) {
    return { ...base, status: "error", diagnostics: [], error: internal(error) };
  }
  if (outcome.kind === "failed") {
    const site = outcome.site === undefined ? {} : { site: outcome.site };
    return { ...base, status: "error", diagnostics: [], error: { kind: "config", message: outcome.message, ...site } };
  }
  if (outcome.kind === "invalid") {
    const diagnostics = sortDiagnostics(outcome.diagnostics);
    options.onDiagnostics?.(diagnostics);
    return { ...base, status: "invalid", diagnostics };
  }

  const { files, secrets } = outcome.synthesized;
  let diagnostics = [
    ...outcome.synthesized.diagnostics,
    ...missingSecretWarnings(secrets, (p) => existsSync(join(outDir, p)), base.out),
  ];
  if (options.strict) diagnostics = diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d));
  diagnostics = sortDiagnostics(diagnostics);
  options.onDiagnostics?.(diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { ...base, status: "invalid", diagnostics };

  const createdOut = mode === "write" && !existsSync(outDir);
  let lock: HeldLock | undefined;
  try {
    if (createdOut) {
      makeDir(outDir);
      syncDir(dirname(outDir));
    }
    if (existsSync(outDir)) {
      const attempt = await tryLock(outDir, mode);
      if (attempt?.kind === "held") {
        return { ...base, status: "locked", diagnostics, lockPath: display(cwd, attempt.path), ...(attempt.holder ? { lockHolder: attempt.holder } : {}) };
      }
      lock = attempt?.lock;
    }
    const recovery: Recovery = lock ? await recover(outDir) : { kind: "clean" };
    const disk = await readDisk(outDir, files.keys());
    const plan = planTree(files, disk, { force: (options.force ?? false) || mode === "check" });
    const counts = countPlan(plan);
    const done = {
      ...base, diagnostics, plan, counts, recovery,
      ...(lock?.tookOverFrom ? { lockTakenOverFrom: lock.tookOverFrom } : {}),
    };
    if (mode === "check") return { ...done, status: hasDrift(plan) || plan.refusals.length > 0 ? "drift" : "ok" };
    if (plan.refusals.length > 0) return { ...done, status: "refused" };
    if (mode === "write" && hasDrift(plan)) {
      // Loaded only when there is something to write: a re-synth or --check never needs it.
      const { commitPlan } = await import("./write/commit.ts");
      await commitPlan(outDir, plan, lock!);
    }
    return { ...done, status: "ok" };
  } catch (error) {
    const known = error instanceof JournalError || error instanceof LockLostError || isErrno(error);
    return { ...base, status: "error", diagnostics, error: known ? { kind: "io", message: ioMessage(error, cwd) } : internal(error) };
  } finally {
    if (lock) await releaseLock(lock).catch(() => undefined);
    if (createdOut && isEmptyDir(outDir)) rmdirSync(outDir);
  }
}

/**
 * `check` and `dry-run` also take the lock (they recover first), but a read-only checkout
 * (CI) cannot hold one: there they read without it, as long as nothing needs recovery.
 */
async function tryLock(outDir: string, mode: SynthMode): Promise<Awaited<ReturnType<typeof acquireLock>> | undefined> {
  try {
    return await acquireLock(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const readOnly = code === "EACCES" || code === "EROFS" || code === "EPERM";
    if (mode !== "write" && readOnly) return undefined;
    throw error;
  }
}

async function defaultSynthesize(request: SynthesizeRequest): Promise<SynthesizeOutcome> {
  const { loadConfig } = await import("./config/load-config.ts");
  const loaded = await loadConfig(request.configPath, request.configName);
  if (loaded.kind !== "loaded") return loaded;
  const { synthesizeLab } = await import("./pipeline/synthesize.ts");
  return { kind: "ok", synthesized: synthesizeLab(loaded.lab, request.renderOptions) };
}

/**
 * What every generated file's header says: the config as the user names it (relative to the
 * working directory) and the command that regenerates the tree — `nixjs synth`, the command of
 * the installed package, which works wherever the tree lives (in this repository, `npx tsx
 * synth` takes the same arguments) — with `--config`/`--out` only when they are not the
 * defaults. The same invocation gives the same header on any machine.
 * @example renderOptionsFor("examples/media/homelab.config.ts", "examples/media/server")
 * // { configFile: "examples/media/homelab.config.ts",
 * //   command: "nixjs synth --config examples/media/homelab.config.ts --out examples/media/server" }
 */
export function renderOptionsFor(config: string, out: string): RenderOptions {
  const flags = [config === "homelab.config.ts" ? "" : ` --config ${shellQuote(config)}`, out === "server" ? "" : ` --out ${shellQuote(out)}`];
  return { configFile: config, command: `nixjs synth${flags.join("")}` };
}

/** Relative to cwd with `/` (never an absolute path of this machine, when avoidable). */
function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === "") return ".";
  return isAbsolute(rel) ? path : rel.split(sep).join("/");
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

function ioMessage(error: unknown, cwd: string): string {
  const message = (error as Error).message;
  return message.split(`${cwd}${sep}`).join("");
}

function internal(error: unknown): { kind: "internal"; message: string } {
  if (error instanceof InvalidTreeError) return { kind: "internal", message: `the renderer produced an invalid tree: ${error.message}` };
  const text = error instanceof Error ? (process.env["NIXJS_DEBUG"] ? error.stack ?? error.message : `${error.name}: ${error.message}`) : String(error);
  return { kind: "internal", message: `${text}\nThis is a bug in nixjs; set NIXJS_DEBUG=1 for the stack.` };
}

function isEmptyDir(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}
