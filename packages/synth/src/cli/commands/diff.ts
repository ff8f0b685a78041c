/**
 * `nixjs diff`: what `nixjs synth` would change, as a unified diff per file (as `cdk diff`
 * shows a stack's changes). It runs the synth pipeline in `check` mode (nothing is written),
 * prints the diffs on stdout — a patch `git apply` takes, with the output directory's path —
 * and a summary on stderr, and exits 0 whether or not anything differs.
 */
import { performance } from "node:perf_hooks";
import type { FileChange, Plan } from "../../plan/types.ts";
import { paint, useColor, type Paint } from "../../report/color.ts";
import type { SynthResult } from "../../synth.ts";
import type { CliArgs, DiffArgs } from "../args.ts";
import type { CommandIo } from "../main.ts";

/**
 * Runs `nixjs diff`: 0 when the diff was shown (empty or not), 1 for validation errors, 2 for
 * a config that does not load, an I/O error or a held lock.
 * @example process.exitCode = await runDiff({ config: "homelab.config.ts", out: "server", strict: false, quiet: false }, { stdout: process.stdout, stderr: process.stderr })
 */
export async function runDiff(args: DiffArgs, io: CommandIo): Promise<number> {
  const start = performance.now();
  if (io.synthesize === undefined) (await import("../../config/compile-config.ts")).warmCompiler();
  const { synth, exitCodeOf } = await import("../../synth.ts");
  const { printDiagnostics, reportHuman } = await import("../../report/human.ts");
  const env = io.env ?? process.env;
  // The report context of the synth this diff is (`--check`), for what the two share.
  const asSynth: CliArgs = { config: args.config, out: args.out, mode: "check", json: false, force: false, quiet: args.quiet, strict: args.strict };
  const context = { args: asSynth, out: io.stdout, err: io.stderr, env };
  const result = await synth({
    onDiagnostics: (diagnostics) => printDiagnostics(diagnostics, context),
    cwd: io.cwd ?? process.cwd(),
    config: args.config,
    out: args.out,
    mode: "check",
    strict: args.strict,
    ...(io.synthesize ? { synthesize: io.synthesize } : {}),
  });
  const ms = performance.now() - start;
  if (result.plan === undefined || (result.status !== "ok" && result.status !== "drift")) {
    await reportHuman(result, ms, context);
    return exitCodeOf(result);
  }
  const pOut = paint(useColor(io.stdout.isTTY ?? false, env, false));
  const pErr = paint(useColor(io.stderr.isTTY ?? false, env, false));
  const { formatDiffs } = await import("../../report/diff.ts");
  io.stdout.write(await formatDiffs(result.plan, result.out, pOut));
  if (!args.quiet) io.stderr.write(notes(result.plan, result.out, pErr));
  io.stderr.write(`${diffSummary(result, ms)}\n`);
  return 0;
}

/** What synth would refuse to do: files edited by hand or not written by nixjs, blocked paths. */
function notes(plan: Plan, out: string, p: Paint): string {
  const path = (relative: string): string => (out === "." ? relative : `${out}/${relative}`);
  const lines: string[] = [];
  for (const c of plan.changes) {
    const why = refusedWithoutForce(c);
    if (why !== undefined) lines.push(`${p.yellow("note:")} ${path(c.path)} ${why}; synth refuses to touch it unless given --force`);
  }
  for (const r of plan.refusals) lines.push(`${p.yellow("note:")} ${path(r.path)}: ${r.message}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function refusedWithoutForce(c: FileChange): string | undefined {
  if (c.kind === "create" || c.kind === "unchanged" || c.forced === undefined) return undefined;
  switch (c.forced) {
    case "edited":
    case "edited-removed":
      return "was edited by hand";
    case "unowned":
      return "was not written by nixjs";
    case "manifest-unreadable":
      return "is listed in an unreadable manifest";
    case "blocked":
      return "is blocked";
  }
}

/**
 * `diff: 2 files differ in server/ (1 to write, 1 to remove) (0.21 s)`, or
 * `diff: server/ is up to date (12 files) (0.18 s)`.
 */
function diffSummary(result: SynthResult, ms: number): string {
  const time = `${(ms / 1000).toFixed(2)} s`;
  const counts = result.counts!;
  const differing = result.plan!.changes.filter((c) => c.kind !== "unchanged").length;
  if (differing === 0 && !result.plan!.manifest.changed) return `diff: ${result.out}/ is up to date (${counts.unchanged} files) (${time})`;
  if (differing === 0) return `diff: only ${result.out}/.nixjs-manifest.json differs (synth would record the files it wrote) (${time})`;
  const files = `${differing} file${differing === 1 ? "" : "s"}`;
  return `diff: ${files} differ${differing === 1 ? "s" : ""} in ${result.out}/ (${counts.written} to write, ${counts.removed} to remove) (${time})`;
}
