/**
 * Secrets in command lines (Podman `cmd`, `entrypoint`, `extraOptions`, `ExecStart`): options
 * named like a secret with a literal value, environment variables and labels set on the
 * command line, program-specific password flags, credentials by their shape, and the same
 * inside `sh -c "…"`.
 */
import { hashLiteral, secretLiteral } from "./findings.ts";
import { literalOf } from "./harmless.ts";
import { judge, type Frame, type How } from "./judge.ts";
import { shellWords } from "./shell-words.ts";
import { ENV_FLAGS, HTPASSWD, LABEL_FLAGS, REFERENCE_FLAGS, TOOL_FLAGS } from "./tool-flags.ts";
import type { CommandLineFinding, LiteralSecretFinding } from "./types.ts";
import { credentialIn, hashIn } from "./value-shapes.ts";

/** Nested `sh -c "…"` levels read; deeper text is unusual enough to leave. */
const MAX_DEPTH = 2;

const LONG_WITH_VALUE = /^--?([A-Za-z][A-Za-z0-9_.-]+)=(.*)$/s;
const LONG_FLAG = /^--?([A-Za-z][A-Za-z0-9_.-]+)$/;
const JAVA_PROPERTY = /^-D([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s;
const GLUED_ENV = /^-e([A-Za-z_][A-Za-z0-9_]*=.*)$/s;
/** `K=V` pairs in a word: a bare `K=V` (`env K=V cmd`), or a list (`-o user=a,password=b`, `?token=x`). */
const PAIRS = /(?:^|[,;&?])([A-Za-z_][A-Za-z0-9_.-]*)=([^,;&]*)/g;

const basename = (word: string) => word.slice(word.lastIndexOf("/") + 1);
const how = (frame: Frame, display?: string): How =>
  display === undefined ? { where: "command", inShell: true, frame } : { where: "command", inShell: true, frame, display };

/** `K=V` of `-e K=V` / `--label K=V`, judged as an environment variable or a label. */
function assignment(kv: string, frame: "variable" | "label"): LiteralSecretFinding | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(kv);
  return m === null ? undefined : judge(m[1]!, m[2]!, how(frame));
}

function pairsIn(word: string): LiteralSecretFinding | undefined {
  PAIRS.lastIndex = 0;
  for (let m = PAIRS.exec(word); m !== null; m = PAIRS.exec(word)) {
    const found = judge(m[1]!, m[2]!, how("argument"));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A program-specific password flag at `args[i]`: the finding and the index of the secret. */
function toolFlag(args: readonly string[], i: number, tools: ReadonlySet<string>): CommandLineFinding | undefined {
  const arg = args[i]!;
  if (tools.size === 0 || !arg.startsWith("-")) return undefined;
  for (const rule of TOOL_FLAGS) {
    if (![...tools].some((t) => rule.tools.has(t))) continue;
    if (rule.with !== undefined && !args.includes(rule.with)) continue;
    for (const flag of rule.flags) {
      let value: string | undefined;
      let index = i;
      if (flag.length === 2 && arg.startsWith(flag) && arg.length > 2) value = arg.slice(2); // -phunter2
      else if (flag.startsWith("--") && arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1); // --user=a:b
      else if (arg === flag && rule.form === "both" && i + 1 < args.length) [value, index] = [args[i + 1]!, i + 1];
      if (value === undefined) continue;
      const secret = rule.secretPart === undefined ? value : rule.secretPart(value);
      if (literalOf(secret, true) === undefined) continue;
      return { index, finding: secretLiteral("command-password-flag", `the command passes a literal password on its command line (${rule.why})`, "command") };
    }
  }
  return undefined;
}

/** `htpasswd -b[c…] [file] user password` (`-n`: no file): the password is a positional argument. */
function htpasswdBatch(args: readonly string[], start: number): CommandLineFinding | undefined {
  const rest = args.slice(start + 1);
  const flags = rest.filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
  if (!flags.includes("b")) return undefined;
  const positional = rest.map((a, k) => ({ a, k })).filter(({ a }) => !a.startsWith("-"));
  const pw = positional[flags.includes("n") ? 1 : 2];
  if (pw === undefined || literalOf(pw.a, true) === undefined) return undefined;
  return { index: start + 1 + pw.k, finding: secretLiteral("command-password-flag", "the command passes a literal password on its command line (htpasswd -b … <password>)", "command") };
}

/** The finding for one argument that stands alone (its shape, its own `--name=value`, pairs, nested text). */
function single(arg: string, depth: number): LiteralSecretFinding | undefined {
  const shape = credentialIn(arg);
  if (shape !== undefined) return secretLiteral(shape.rule, `the argument holds ${shape.what}`, "command");
  const java = JAVA_PROPERTY.exec(arg);
  if (java !== null) return judge(java[1]!, java[2]!, how("property"));
  const glued = GLUED_ENV.exec(arg);
  if (glued !== null) return assignment(glued[1]!, "variable");
  const long = LONG_WITH_VALUE.exec(arg);
  if (long !== null) {
    const [name, value] = [long[1]!, long[2]!];
    if (REFERENCE_FLAGS.has(name.toLowerCase())) return undefined;
    if (ENV_FLAGS.has(`--${name}`) || LABEL_FLAGS.has(`--${name}`)) return assignment(value, LABEL_FLAGS.has(`--${name}`) ? "label" : "variable");
    return judge(name, value, how("option", arg.slice(0, arg.indexOf("=")))) ?? pairsIn(value);
  }
  if (!arg.startsWith("-") && arg.includes("=")) {
    const pair = pairsIn(arg);
    if (pair !== undefined) return pair;
  }
  if (depth < MAX_DEPTH && /\s/.test(arg.trim())) {
    const inner = classifyArgs(shellWords(arg), depth + 1)[0];
    if (inner !== undefined) return inner.finding;
  }
  const hash = hashIn(arg);
  return hash === undefined ? undefined : hashLiteral(hash.rule, `the argument holds ${hash.what}`);
}

function classifyArgs(args: readonly string[], depth: number): CommandLineFinding[] {
  const out: CommandLineFinding[] = [];
  const tools = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = basename(arg);
    if (TOOL_FLAGS.some((r) => r.tools.has(name)) || HTPASSWD.has(name)) {
      tools.add(name);
      if (HTPASSWD.has(name)) {
        const found = htpasswdBatch(args, i);
        if (found !== undefined) out.push(found);
      }
      continue;
    }
    const tool = toolFlag(args, i, tools);
    if (tool !== undefined) {
      out.push(tool);
      if (tool.index > i) i++;
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && (ENV_FLAGS.has(arg) || LABEL_FLAGS.has(arg))) {
      const found = assignment(next, LABEL_FLAGS.has(arg) ? "label" : "variable");
      if (found !== undefined) out.push({ index: i + 1, finding: found });
      i++;
      continue;
    }
    const flag = LONG_FLAG.exec(arg);
    if (flag !== null && next !== undefined && !next.startsWith("-") && !REFERENCE_FLAGS.has(flag[1]!.toLowerCase())) {
      const found = judge(flag[1]!, next, how("option", arg));
      if (found !== undefined) {
        out.push({ index: i + 1, finding: found });
        i++;
        continue;
      }
    }
    if (out.some((f) => f.index === i)) continue; // htpasswd's password, already reported
    const found = single(arg, depth);
    if (found !== undefined) out.push({ index: i, finding: found });
  }
  return out;
}

/**
 * A command line, one argument per element: each argument that holds a literal secret, with
 * its index (for `--password X`, the index of `X`).
 * @example classifyCommandLine(["--db-pass", "hunter2"]).map((f) => f.index) // [1]
 * @example classifyCommandLine(["mysql", "-uroot", "-phunter2"]).map((f) => f.index) // [2]
 * @example classifyCommandLine(["--password-file", "/run/agenix/db"]) // []
 */
export function classifyCommandLine(args: readonly string[]): readonly CommandLineFinding[] {
  return classifyArgs(args, 0);
}
