import { parseArgs } from "node:util";
import type { SynthMode } from "../synth.ts";

/** The options of `nixjs synth` after parsing. */
export interface CliArgs {
  readonly config: string;
  readonly out: string;
  readonly mode: SynthMode;
  readonly json: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly strict: boolean;
}

/** What the command line asks for. */
export type Command =
  | { readonly kind: "synth"; readonly args: CliArgs }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "usage-error"; readonly message: string; readonly json: boolean };

const OPTIONS = {
  config: { type: "string" },
  out: { type: "string" },
  check: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/**
 * Parses `[synth] [options]` with `node:util`'s `parseArgs` (strict: an unknown option or a
 * stray argument is a usage error). The command word `synth` is optional, so the root
 * `synth.ts` and the `nixjs synth` bin take the same arguments.
 * @example parseCommand(["--check", "--out", "server"])
 */
export function parseCommand(argv: readonly string[]): Command {
  const json = argv.includes("--json");
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage-error", message: (error as Error).message, json };
  }
  const { values, positionals } = parsed;
  const rest = positionals[0] === "synth" ? positionals.slice(1) : positionals;
  if (rest.length > 0) return { kind: "usage-error", message: `unexpected argument '${rest[0]}' (the only command is synth)`, json };
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  if (values.check && values["dry-run"]) return { kind: "usage-error", message: "--check and --dry-run cannot be combined", json };
  for (const name of ["config", "out"] as const) {
    if (values[name] === "") return { kind: "usage-error", message: `--${name} needs a path`, json };
  }
  return {
    kind: "synth",
    args: {
      config: values.config ?? "homelab.config.ts",
      out: values.out ?? "server",
      mode: values.check ? "check" : values["dry-run"] ? "dry-run" : "write",
      json: values.json ?? false,
      force: values.force ?? false,
      quiet: values.quiet ?? false,
      strict: values.strict ?? false,
    },
  };
}
