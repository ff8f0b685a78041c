import { performance } from "node:perf_hooks";
import type { SynthOptions, SynthResult } from "../synth.ts";
import { parseCommand, type CliArgs } from "./args.ts";

/** Where the command reads and writes; every field defaults to the real process. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Replaces the config stage (tests, other front ends); see `SynthOptions.synthesize`. */
  readonly synthesize?: SynthOptions["synthesize"];
}

/** What a command module gets: the streams resolved, the rest as given. */
export type CommandIo = Partial<CliIo> & Pick<CliIo, "stdout" | "stderr">;

/**
 * The `nixjs` command (and the root `synth.ts`): parses `argv` (without the node and script
 * names), runs the command (`synth` when none is named; `init`, `check`, `diff`, `watch`, `graph`),
 * prints its report, and returns the exit code (0 ok, 1 drift or validation errors, 2
 * usage/config/I/O error, held lock or refusal; see each command's `--help`).
 * @example process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  const command = parseCommand(argv);
  switch (command.kind) {
    case "help":
      // Loaded only here and for --version: a synth never needs the help text.
      out.write((await import("./help.ts")).helpText(command.command));
      return 0;
    case "version":
      out.write(`${(await import("./help.ts")).version()}\n`);
      return 0;
    case "usage-error": {
      const help = command.command === undefined || command.command === "synth" ? "with --help" : `\`nixjs ${command.command} --help\``;
      if (command.json) out.write(`${JSON.stringify({ version: 1, status: "usage-error", exitCode: 2, error: { kind: "usage", message: command.message } }, null, 2)}\n`);
      else err.write(`error: ${command.message}\nRun ${help} for usage.\n`);
      return 2;
    }
    case "synth":
      return runSynth(command.args, io, out, err);
    case "diff":
      return (await import("./commands/diff.ts")).runDiff(command.args, { ...io, stdout: out, stderr: err });
    case "watch":
      return (await import("./commands/watch.ts")).runWatch(command.args, { ...io, stdout: out, stderr: err });
    case "init":
      return (await import("./commands/init.ts")).runInit(command.args, { ...io, stdout: out, stderr: err });
    case "graph":
      return (await import("./commands/graph.ts")).runGraph(command.args, { ...io, stdout: out, stderr: err });
  }
}

async function runSynth(args: CliArgs, io: Partial<CliIo>, out: NonNullable<CliIo["stdout"]>, err: NonNullable<CliIo["stderr"]>): Promise<number> {
  const start = performance.now();
  // esbuild's process starts while the rest loads (see `warmCompiler`).
  if (io.synthesize === undefined) (await import("../config/compile-config.ts")).warmCompiler();
  // Loaded after parsing, so that --help and usage errors stay instant.
  const { synth, exitCodeOf } = await import("../synth.ts");
  const env = io.env ?? process.env;
  const { printDiagnostics, reportHuman } = await import("../report/human.ts");
  const context = { args, out, err, env };
  const result = await synth({
    // Printed as soon as they are known: before anything is written.
    ...(args.json ? {} : { onDiagnostics: (diagnostics) => printDiagnostics(diagnostics, context) }),
    cwd: io.cwd ?? process.cwd(),
    config: args.config,
    out: args.out,
    mode: args.mode,
    force: args.force,
    strict: args.strict,
    ...(io.synthesize ? { synthesize: io.synthesize } : {}),
  });
  const ms = performance.now() - start;
  if (args.json) {
    const { jsonReport } = await import("../report/json.ts");
    out.write(`${JSON.stringify(jsonReport(result, ms), null, 2)}\n`);
  } else {
    await reportHuman(result, ms, context);
  }
  return exitCodeOf(result);
}

export type { SynthResult };
