import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import type { Diagnostic, RenderOptions } from "@nixjs/homelab";
import { ContainmentError, DiskError } from "./contain/errors.ts";
import { locateOutDir, OutDirError, type OutDirState } from "./contain/out-dir.ts";
import { look } from "./contain/root.ts";
import { InvalidTreeError } from "./plan/plan.ts";
import { missingModuleWarnings, missingSecretWarnings } from "./plan/secret-files.ts";
import type { Synthesized } from "./pipeline/synthesize.ts";
import { shellQuote, sortDiagnostics } from "@nixjs/homelab";
import { inspectStage } from "./stages/inspect.ts";
import type { DiskOutcome, SynthStatus } from "./stages/result.ts";
import { writeStage } from "./stages/write.ts";
import { NotCommittedError } from "./write/commit.ts";
import { JournalError, RollForwardError } from "./write/journal.ts";
import { LockLostError } from "./write/lock.ts";

export type { SynthStatus } from "./stages/result.ts";

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

/**
 * Everything a synth found and did (the CLI prints it; `--json` serialises it): what the disk
 * stage found and did (plan, counts, recovery, pending, lock), and the rest.
 */
export interface SynthResult extends DiskOutcome {
  readonly mode: SynthMode;
  /** Display paths (relative to cwd, `/`-separated). */
  readonly config: string;
  readonly out: string;
  /** Sorted: errors first, then by group and path. */
  readonly diagnostics: readonly Diagnostic[];
  /** A fleet's host names, sorted (the summary names them); absent for a homelab of one host. */
  readonly hosts?: readonly string[];
  /** Set for `error`: what went wrong, for the user. */
  readonly error?: { readonly kind: "config" | "io" | "containment" | "internal"; readonly message: string; readonly site?: string };
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
 * the manifest, and write atomically — or, in `check` and `dry-run` modes, only read and
 * report (no lock, no recovery). Every path below the output directory is contained: never
 * through a symbolic link (see `contain/root.ts`).
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
  const hosts = outcome.synthesized.hosts;
  const lab = hosts === undefined ? base : { ...base, hosts };
  let located: OutDirState;
  try {
    located = locateOutDir(outDir, base.out);
  } catch (error) {
    return { ...lab, status: "error", diagnostics: [], error: failure(error, cwd) };
  }
  let diagnostics = [
    ...outcome.synthesized.diagnostics,
    ...missingSecretWarnings(secrets, (p) => presentBelow(located, p), base.out),
    ...missingModuleWarnings(outcome.synthesized.modules, (p) => presentBelow(located, p), base.out),
  ];
  if (options.strict) diagnostics = diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d));
  diagnostics = sortDiagnostics(diagnostics);
  options.onDiagnostics?.(diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { ...lab, status: "invalid", diagnostics };

  const force = options.force ?? false;
  const userFiles = new Set([...secrets.map((s) => posix.normalize(s.file)), ...outcome.synthesized.modules.map((m) => posix.normalize(m.path))]);
  try {
    const outcome: DiskOutcome = mode === "write"
      ? await writeStage({ located, outDir, display: base.out, files, force, userFiles })
      : await inspectStage({ located, files, mode, force, userFiles });
    return { ...lab, diagnostics, ...outcome };
  } catch (error) {
    return { ...lab, status: "error", diagnostics, error: failure(error, cwd) };
  }
}

/**
 * Whether a file the tree needs (an encrypted secret, a hand-written module) is there. One
 * behind a symbolic link is not looked for (never followed) and not reported missing; nor is one
 * whose path cannot be below the output directory.
 */
function presentBelow(located: OutDirState, path: string): boolean {
  if (located.kind === "missing") return false;
  try {
    return look(located.root, path).kind !== "missing";
  } catch {
    return true;
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

/** A thrown error as the result's `error`: what the user can act on, or a bug. */
function failure(error: unknown, cwd: string): NonNullable<SynthResult["error"]> {
  if (error instanceof ContainmentError) return { kind: "containment", message: error.message };
  const known = error instanceof JournalError || error instanceof RollForwardError || error instanceof LockLostError ||
    error instanceof DiskError || error instanceof OutDirError || error instanceof NotCommittedError;
  if (known) return { kind: "io", message: error.message };
  // A raw system error (not from the choke point) names an absolute path: shown relative to the working directory.
  if (isErrno(error)) return { kind: "io", message: error.message.split(`${cwd}${sep}`).join("") };
  return internal(error);
}

function internal(error: unknown): { kind: "internal"; message: string } {
  if (error instanceof InvalidTreeError) return { kind: "internal", message: `the renderer produced an invalid tree: ${error.message}` };
  const text = error instanceof Error ? (process.env["NIXJS_DEBUG"] ? error.stack ?? error.message : `${error.name}: ${error.message}`) : String(error);
  return { kind: "internal", message: `${text}\nThis is a bug in nixjs; set NIXJS_DEBUG=1 for the stack.` };
}
