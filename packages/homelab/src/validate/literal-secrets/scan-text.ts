/**
 * Secrets written inside a longer text: `KEY=value` pairs anywhere (a connection string, a
 * URL query, `Environment="K=V"`), command lines, and — in scripts and generated files —
 * lines that assign a value (`export K=V`, `password = "…"`, `password: …`, redis
 * `requirepass …`, `<password>…</password>`).
 */
import { classifyCommandLine } from "./command-line.ts";
import { judge } from "./judge.ts";
import { shellWords } from "./shell-words.ts";
import type { LiteralSecretFinding, ValueContext } from "./types.ts";

/** `[export|local|const|…] [- ]KEY = value`, `"key": value`, YAML `key: value`. */
const ASSIGNMENT_LINE =
  /^\s*(?:-\s+)?(?:(?:export|readonly|local|declare(?:\s+-[A-Za-z]+)?|typeset|const|let|var|my|our|set)\s+)?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1\s*(=|:)\s*(.*?)\s*[;,]?\s*$/;
/** `keyword value` on a line of its own, the redis/nginx/sshd style (`requirepass hunter2`). */
const KEYWORD_LINE = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(\S+?)\s*;?\s*$/;
const XML_ELEMENT = /<([A-Za-z_][A-Za-z0-9_.-]*)>([^<]+)<\/\1>/g;
/** `K=V` after a start, a blank, a quote or a list separator (`?`, `&`, `;`, `,`). */
const INLINE_PAIRS = /(?:^|[\s?&;,"'])([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s&;,"'#]*)/g;

/**
 * A value in code rather than data: a YAML block or alias (`|`, `>-`, `*alias`), an empty
 * collection, a call or index (`os.environ["X"]`, `get()`), a dotted name (`process.env.X`).
 */
const CODE_VALUE = /^(?:[|>][-+]?[0-9]?|\*[A-Za-z_]\S*|&[A-Za-z_]\S*|[[{]|\{\}|\[\])$|^[^"'].*[()[\]{}]|^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;

/**
 * After `key:`, unquoted words with blanks between them read as prose ("Passwords: Bitwarden
 * clients authenticate themselves") far more often than as a YAML password with spaces.
 */
const PROSE_AFTER_COLON = /^[^"'\s]\S*\s+\S/;

function firstPair(line: string, where: ValueContext, inShell: boolean): LiteralSecretFinding | undefined {
  INLINE_PAIRS.lastIndex = 0;
  for (let m = INLINE_PAIRS.exec(line); m !== null; m = INLINE_PAIRS.exec(line)) {
    const found = judge(m[1]!, m[2]!, { where, inShell, frame: "text" });
    if (found !== undefined) return found;
    // overlapping: a quoted value may hold pairs of its own (`Environment="API_TOKEN=…"`)
    INLINE_PAIRS.lastIndex = m.index + 1;
  }
  return undefined;
}

/** A line of a script or generated file that assigns a value to a key. */
function assignedOnLine(line: string): LiteralSecretFinding | undefined {
  const how = { where: "script", inShell: true, frame: "text" } as const;
  const a = ASSIGNMENT_LINE.exec(line);
  // an unquoted value ends at a comment (`password: x # old`)
  const value = a === null ? "" : /^["']/.test(a[4]!) ? a[4]! : a[4]!.replace(/\s+#.*$/, "");
  if (a !== null && !CODE_VALUE.test(value) && !(a[3] === ":" && PROSE_AFTER_COLON.test(value))) {
    const found = judge(a[2]!, value, how);
    if (found !== undefined) return found;
  }
  const k = KEYWORD_LINE.exec(line);
  if (k !== null) {
    const found = judge(k[1]!, k[2]!, how);
    if (found !== undefined) return found;
  }
  XML_ELEMENT.lastIndex = 0;
  for (let m = XML_ELEMENT.exec(line); m !== null; m = XML_ELEMENT.exec(line)) {
    const found = judge(m[1]!, m[2]!, how);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The first literal secret written inside `text`. Outside scripts the text is one line, and
 * only pairs and command-line options count (a value is not a file to be read line by line).
 * @example secretInText("host=db user=app password=hunter2", "config")?.severity // "error"
 * @example secretInText("export DB_PASSWORD=hunter2\nexec app", "script")?.severity // "error"
 * @example secretInText('export DB_PASSWORD="$(cat /run/agenix/db)"', "script") // undefined
 */
export function secretInText(text: string, where: ValueContext): LiteralSecretFinding | undefined {
  const script = where === "script";
  for (const line of script ? text.split(/\r?\n/) : [text]) {
    if (line.trim() === "") continue;
    // pairs need an `=`, options a `-`: most values have neither, and skip the work
    const pairs = line.includes("=");
    const options = pairs || /(?:^|\s)-/.test(line);
    const found = (script ? assignedOnLine(line) : undefined) ?? (pairs ? firstPair(line, where, script) : undefined) ?? (options ? commandIn(line) : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Options on a line that reads as a command (more than one word, or a lone option). */
function commandIn(line: string): LiteralSecretFinding | undefined {
  const words = shellWords(line);
  if (words.length < 2 && !(words[0]?.startsWith("-") ?? false)) return undefined;
  // errors only: a hash in the text is reported once, by the caller, as the value's
  return classifyCommandLine(words).find((f) => f.finding.severity === "error")?.finding;
}
