import type { Diagnostic } from "@nixjs/homelab";
import type { CliArgs } from "../cli/args.ts";
import { hasDrift } from "../plan/plan.ts";
import type { SynthResult } from "../synth.ts";
import { paint, useColor } from "./color.ts";
import { countLine, formatDiagnostics } from "./diagnostics.ts";
import { formatChanges, formatDrift, formatRefusals, summaryLine } from "./plan.ts";

interface Sink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where and how to print. */
export interface HumanReportContext {
  readonly args: CliArgs;
  readonly out: Sink;
  readonly err: Sink;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Prints the diagnostics on stderr, grouped (see `formatDiagnostics`); `--quiet` keeps only
 * errors. Called by synth as soon as they are known, before anything is written.
 * @example printDiagnostics(result.diagnostics, ctx)
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], ctx: HumanReportContext): void {
  const shown = ctx.args.quiet ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  if (shown.length > 0) ctx.err.write(formatDiagnostics(shown, paint(useColor(ctx.err.isTTY ?? false, ctx.env, false))));
}

/**
 * Prints the rest of a result for a person (the diagnostics went out earlier, through
 * {@link printDiagnostics}): notes on stderr, then the plan, the diffs of `--check`, and the
 * summary line on stdout. `--quiet` keeps only errors (and `--check`'s list of files).
 * @example await reportHuman(result, 412, { args, out: process.stdout, err: process.stderr, env: process.env })
 */
export async function reportHuman(result: SynthResult, ms: number, ctx: HumanReportContext): Promise<void> {
  const { args, out, err } = ctx;
  const pOut = paint(useColor(out.isTTY ?? false, ctx.env, false));
  const pErr = paint(useColor(err.isTTY ?? false, ctx.env, false));
  const quiet = args.quiet;

  if (!quiet && result.lockTakenOverFrom) {
    const { pid, host } = result.lockTakenOverFrom;
    err.write(`${pErr.yellow("note:")} took over the lock of a synth that is no longer running (pid ${pid} on ${host})\n`);
  }
  if (!quiet && result.recovery?.kind === "rolled-forward") {
    err.write(`${pErr.yellow("note:")} finished an interrupted synth in ${result.out}/ (it had committed; its files are now in place)\n`);
  } else if (!quiet && result.recovery?.kind === "discarded") {
    err.write(`${pErr.yellow("note:")} discarded an interrupted synth's staging area in ${result.out}/ (it had not committed; nothing of it was applied)\n`);
  }
  const pending = result.pending;
  const readOnly = `--${args.mode} changed nothing`;
  if (pending?.kind === "committed") {
    const left = pending.files === 0 ? "its files are in place, only its clean-up is left" : `${pending.files} file${pending.files === 1 ? "" : "s"} to finish`;
    err.write(`${pErr.yellow("note:")} an interrupted synth is pending in ${result.out}/: ${left}; run synth to complete it (${readOnly})\n`);
  } else if (pending?.kind === "unusable") {
    err.write(`${pErr.red("error:")} ${pending.problem}\n`);
  } else if (!quiet && pending?.kind === "uncommitted") {
    err.write(`${pErr.yellow("note:")} an interrupted synth left a staging area in ${result.out}/ that it never committed (nothing of it was applied); the next synth discards it (${readOnly})\n`);
  }

  if (result.status === "error" && result.error) {
    err.write(`${pErr.red("error:")} ${result.error.message}\n`);
    if (result.error.site) err.write(`  ${pErr.dim(`at ${result.error.site}`)}\n`);
    return;
  }

  if (result.status === "invalid") {
    err.write(`${pErr.red("synth stopped:")} ${countLine(result.diagnostics)} in ${result.config}; nothing was written\n`);
    return;
  }
  if (result.status === "locked") {
    const holder = result.lockHolder ? `another synth (pid ${result.lockHolder.pid} on ${result.lockHolder.host})` : "another synth that is starting";
    err.write(`${pErr.red("error:")} ${result.lockPath} is held by ${holder}; wait for it to finish (or delete the file if no synth is running)\n`);
    return;
  }
  const plan = result.plan;
  if (!plan || !result.counts) return;
  if (result.status === "refused") {
    err.write(formatRefusals(plan.refusals, result.out, pErr));
    return;
  }
  if (args.mode === "check") {
    const drift = result.status === "drift";
    if (drift) {
      (quiet ? err : out).write(formatDrift(plan, result.out, quiet ? pErr : pOut));
      if (!quiet) {
        // Loaded only to show drift (it loads the `diff` package in turn).
        const { formatDiffs } = await import("./diff.ts");
        out.write(await formatDiffs(plan, result.out, pOut));
      }
    }
    if (!quiet || drift) (drift ? err : out).write(`${summaryLine("check", result.counts, result.out, ms, drift, result.hosts)}\n`);
    return;
  }
  if (quiet) return;
  if (hasDrift(plan)) out.write(formatChanges(plan, result.out, pOut, args.mode));
  out.write(`${summaryLine(args.mode, result.counts, result.out, ms, false, result.hosts)}\n`);
}
