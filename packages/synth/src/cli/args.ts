import { parseArgs } from "node:util";
import type { SynthMode } from "../synth.ts";

/** The options of `nixjs synth` (and `nixjs check`) after parsing. */
export interface CliArgs {
  readonly config: string;
  readonly out: string;
  readonly mode: SynthMode;
  readonly json: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly strict: boolean;
}

/** The options of `nixjs diff`. */
export interface DiffArgs {
  readonly config: string;
  readonly out: string;
  readonly strict: boolean;
  readonly quiet: boolean;
}

/** The options of `nixjs watch`: those of the synth it runs on every change. */
export interface WatchArgs {
  readonly config: string;
  readonly out: string;
  readonly force: boolean;
  readonly strict: boolean;
  readonly quiet: boolean;
}

/** The formats `nixjs graph` writes. */
export const GRAPH_FORMATS = ["svg", "mermaid", "json"] as const;
/** One of {@link GRAPH_FORMATS}. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The options of `nixjs graph`. */
export interface GraphArgs {
  readonly config: string;
  /** The file to write; stdout when absent. */
  readonly out?: string;
  readonly format: GraphFormat;
}

/** The templates `nixjs init` can start from. */
export const TEMPLATES = ["nspawn-traefik", "podman-caddy"] as const;
/** One of {@link TEMPLATES}. */
export type TemplateName = (typeof TEMPLATES)[number];

/** The options of `nixjs init`. */
export interface InitArgs {
  /** Where the new repository goes (created when missing). Default `"."`. */
  readonly dir: string;
  readonly template: TemplateName;
}

/** The commands, in the order `--help` lists them. */
export const COMMANDS = ["init", "synth", "check", "diff", "watch", "graph"] as const;
/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number];

/** What the command line asks for. */
export type Command =
  | { readonly kind: "synth"; readonly args: CliArgs }
  | { readonly kind: "diff"; readonly args: DiffArgs }
  | { readonly kind: "watch"; readonly args: WatchArgs }
  | { readonly kind: "init"; readonly args: InitArgs }
  | { readonly kind: "graph"; readonly args: GraphArgs }
  | { readonly kind: "help"; readonly command?: CommandName }
  | { readonly kind: "version" }
  | { readonly kind: "usage-error"; readonly message: string; readonly json: boolean; readonly command?: CommandName };

const TARGET = { config: { type: "string" }, out: { type: "string" } } as const;
const COMMON = { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } } as const;
const SYNTH_OPTIONS = {
  ...TARGET,
  ...COMMON,
  check: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  strict: { type: "boolean" },
} as const;
const OPTIONS = {
  synth: SYNTH_OPTIONS,
  // `check` is `synth --check`: the same options, bar the other modes.
  check: { ...TARGET, ...COMMON, json: SYNTH_OPTIONS.json, quiet: SYNTH_OPTIONS.quiet, strict: SYNTH_OPTIONS.strict },
  diff: { ...TARGET, ...COMMON, quiet: SYNTH_OPTIONS.quiet, strict: SYNTH_OPTIONS.strict },
  watch: { ...TARGET, ...COMMON, force: SYNTH_OPTIONS.force, quiet: SYNTH_OPTIONS.quiet, strict: SYNTH_OPTIONS.strict },
  init: { ...COMMON, template: { type: "string", short: "t" } },
  graph: { ...TARGET, ...COMMON, format: { type: "string", short: "f" } },
} as const;

/**
 * Parses `[command] [options]` with `node:util`'s `parseArgs`, strictly (an unknown option or
 * a stray argument is a usage error). Without a command word the command is `synth`, so the
 * root `synth.ts` (`npx tsx synth --check`) and the `nixjs` bin take the same arguments;
 * `help <command>` is `<command> --help`.
 * @example parseCommand(["--check", "--out", "server"]) // { kind: "synth", args: { mode: "check", … } }
 * @example parseCommand(["init", "my-homelab", "--template", "podman-caddy"])
 */
export function parseCommand(argv: readonly string[]): Command {
  const json = argv.includes("--json");
  const first = firstPositional(argv);
  const word = first === undefined ? undefined : argv[first];
  const rest = first === undefined ? [...argv] : [...argv.slice(0, first), ...argv.slice(first + 1)];
  if (word === "help") return helpFor(rest);
  if (!isCommand(word)) return parseFor("synth", argv, json, false);
  return parseFor(word, rest, json, true);
}

/** `rest` as the options of `command`; `named`: the command word was given (not the default). */
function parseFor(command: CommandName, rest: readonly string[], json: boolean, named: boolean): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage-error", message: (error as Error).message, json, command };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { positionals } = parsed;
  if (values["help"]) return named ? { kind: "help", command } : { kind: "help" };
  if (values["version"]) return { kind: "version" };
  if (command === "init") return initCommand(values, positionals);
  if (command === "graph") return graphCommand(values, positionals);
  if (positionals.length > 0) {
    const what = named ? `unexpected argument '${positionals[0]}'` : `unknown command '${positionals[0]}' (the commands are ${COMMANDS.join(", ")})`;
    return { kind: "usage-error", message: what, json, command };
  }
  for (const name of ["config", "out"] as const) {
    if (values[name] === "") return { kind: "usage-error", message: `--${name} needs a path`, json, command };
  }
  const target = { config: (values["config"] as string | undefined) ?? "homelab.config.ts", out: (values["out"] as string | undefined) ?? "server" };
  const flag = (name: string): boolean => values[name] === true;
  switch (command) {
    case "diff":
      return { kind: "diff", args: { ...target, strict: flag("strict"), quiet: flag("quiet") } };
    case "watch":
      return { kind: "watch", args: { ...target, force: flag("force"), strict: flag("strict"), quiet: flag("quiet") } };
    case "check":
    case "synth": {
      if (flag("check") && flag("dry-run")) return { kind: "usage-error", message: "--check and --dry-run cannot be combined", json, command };
      const mode: SynthMode = command === "check" || flag("check") ? "check" : flag("dry-run") ? "dry-run" : "write";
      return { kind: "synth", args: { ...target, mode, json: flag("json"), force: flag("force"), quiet: flag("quiet"), strict: flag("strict") } };
    }
  }
}

function initCommand(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Command {
  const usage = (message: string): Command => ({ kind: "usage-error", message, json: false, command: "init" });
  if (positionals.length > 1) return usage(`unexpected argument '${positionals[1]}' (init takes one directory)`);
  const template = (values["template"] as string | undefined) ?? "nspawn-traefik";
  if (!(TEMPLATES as readonly string[]).includes(template)) {
    return usage(`unknown template '${template}' (the templates are ${TEMPLATES.join(", ")})`);
  }
  const dir = positionals[0] ?? ".";
  if (dir === "") return usage("the directory needs a name");
  return { kind: "init", args: { dir, template: template as TemplateName } };
}

/** The format each `--out` extension means, when `--format` is not given. */
const EXTENSIONS: { readonly [extension: string]: GraphFormat } = { ".svg": "svg", ".mmd": "mermaid", ".mermaid": "mermaid", ".json": "json" };

function graphCommand(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Command {
  const usage = (message: string): Command => ({ kind: "usage-error", message, json: false, command: "graph" });
  if (positionals.length > 0) return usage(`unexpected argument '${positionals[0]}'`);
  const config = values["config"] as string | undefined;
  const out = values["out"] as string | undefined;
  if (config === "") return usage("--config needs a path");
  if (out === "") return usage("--out needs a path");
  const given = values["format"] as string | undefined;
  if (given !== undefined && !(GRAPH_FORMATS as readonly string[]).includes(given)) {
    return usage(`unknown format '${given}' (the formats are ${GRAPH_FORMATS.join(", ")})`);
  }
  const extension = out === undefined ? undefined : /\.[^./\\]+$/.exec(out)?.[0].toLowerCase();
  const implied = extension === undefined ? undefined : EXTENSIONS[extension];
  if (given === undefined && out !== undefined && implied === undefined) {
    return usage(`cannot tell the format of ${out} from its extension (.svg, .mmd, .json): give --format ${GRAPH_FORMATS.join("|")}`);
  }
  const format = (given as GraphFormat | undefined) ?? implied ?? "svg";
  return { kind: "graph", args: { config: config ?? "homelab.config.ts", ...(out === undefined ? {} : { out }), format } };
}

function helpFor(argv: readonly string[]): Command {
  const at = firstPositional(argv);
  const topic = at === undefined ? undefined : argv[at];
  if (topic === undefined) return { kind: "help" };
  if (isCommand(topic)) return { kind: "help", command: topic };
  return { kind: "usage-error", message: `unknown command '${topic}' (the commands are ${COMMANDS.join(", ")})`, json: false };
}

function isCommand(word: string | undefined): word is CommandName {
  return (COMMANDS as readonly (string | undefined)[]).includes(word);
}

/**
 * Where the first positional argument is (the command word, which may follow options): a
 * lenient parse with every command's options, so that an option's value (`--out watch`) is
 * never taken for a command.
 */
function firstPositional(argv: readonly string[]): number | undefined {
  const all = { ...SYNTH_OPTIONS, ...OPTIONS.init, ...OPTIONS.graph };
  const { tokens } = parseArgs({ args: [...argv], options: all, allowPositionals: true, strict: false, tokens: true });
  return tokens.find((t) => t.kind === "positional")?.index;
}
