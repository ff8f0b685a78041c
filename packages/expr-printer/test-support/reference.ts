import type {
  NixAttrName,
  NixAttrPath,
  NixBinding,
  NixExpr,
  NixListItem,
  NixNode,
  NixParam,
  NixStringPart,
} from "../src/ast/index.ts";

/**
 * An independent, deliberately naive renderer used as the oracle of the printer's property
 * tests: one line, every sub-expression in parentheses, every static name quoted, every
 * string double-quoted with every `$` escaped, every path as `anchor + "/rest"`, floats with
 * 17 significant digits. It shares no code with `lexical/` or `print/`, so a bug there cannot
 * hide in both. It does not validate: feed it trees the printer accepts. Recursive (keep test
 * trees a few hundred levels deep at most). Comments and blank lines are dropped.
 * @example reference(n.list([1, -2])) // "[ (1) ((-2)) ]"
 */
export function reference(tree: NixNode): string {
  return tree.kind === "file" ? expr(tree.body) : expr(tree);
}

/** A `"…"` literal: `\`, `"`, every `$`, LF, CR, TAB escaped; interpolations as `${(e)}`. */
export function referenceString(parts: readonly NixStringPart[]): string {
  const body = parts
    .map((p) =>
      typeof p === "string"
        ? p.replace(/[\\"$\n\r\t]/g, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\${c}`)
        : `\${${expr(p)}}`,
    )
    .join("");
  return `"${body}"`;
}

function name(attr: NixAttrName): string {
  if (typeof attr === "string") return referenceString([attr]);
  return attr.kind === "string" ? referenceString(attr.parts) : `\${${expr(attr)}}`;
}

function attrPath(path: NixAttrPath): string {
  return path.map(name).join(".");
}

function bindings(list: readonly NixBinding[]): string {
  return list
    .map((b) => {
      if (b.kind === "binding") return `${attrPath(b.path)} = ${expr(b.value)}; `;
      const from = b.from === undefined ? "" : `(${expr(b.from)}) `;
      return `inherit ${from}${b.names.map(name).join(" ")}; `;
    })
    .join("");
}

function item(value: NixListItem): string {
  return expr(value.kind === "commented" ? value.value : value);
}

function param(p: NixParam): string {
  if (p.kind === "identParam") return p.name;
  const formals = p.formals.map((f) => (f.default === undefined ? f.name : `${f.name} ? ${expr(f.default)}`));
  if (p.ellipsis) formals.push("...");
  const set = `{ ${formals.join(", ")} }`;
  if (p.bind === undefined) return set;
  return p.bind.position === "before" ? `${p.bind.name} @ ${set}` : `${set} @ ${p.bind.name}`;
}

function path(text: string): string {
  const [anchor, rest] = text.startsWith("/")
    ? ["/.", text]
    : text.startsWith("~")
      ? ["~/.", text.slice(1)]
      : ["./.", `/${text}`];
  return `(${anchor} + ${referenceString([rest === "" ? "/" : rest])})`;
}

function float(value: number): string {
  const magnitude = Math.abs(value).toExponential(16);
  return value < 0 ? `(-${magnitude})` : magnitude;
}

function int(value: bigint): string {
  if (value >= 0n) return value.toString();
  return value === -(2n ** 63n) ? "(-9223372036854775807 - 1)" : `(-${(-value).toString()})`;
}

/** Every expression in parentheses, so precedence never matters. */
function expr(e: NixExpr): string {
  return `(${bare(e)})`;
}

function bare(e: NixExpr): string {
  switch (e.kind) {
    case "int":
      return int(e.value);
    case "float":
      return float(e.value);
    case "bool":
      return e.value ? "true" : "false";
    case "null":
      return "null";
    case "string":
    case "indentedString":
      return referenceString(e.parts);
    case "path":
      return path(e.path);
    case "searchPath":
      return `<${e.path}>`;
    case "ident":
      return e.name;
    case "attrs":
      return `${e.rec ? "rec " : ""}{ ${bindings(e.bindings)}}`;
    case "list":
      return `[ ${e.items.map((i) => `${item(i)} `).join("")}]`;
    case "let":
      return `let ${bindings(e.bindings)}in ${expr(e.body)}`;
    case "with":
      return `with ${expr(e.scope)}; ${expr(e.body)}`;
    case "if":
      return `if ${expr(e.cond)} then ${expr(e.then)} else ${expr(e.else)}`;
    case "assert":
      return `assert ${expr(e.cond)}; ${expr(e.body)}`;
    case "lambda":
      return `${param(e.param)}: ${expr(e.body)}`;
    case "apply":
      return [e.fn, ...e.args].map(expr).join(" ");
    case "select":
      return `${expr(e.expr)}.${attrPath(e.path)}${e.default === undefined ? "" : ` or ${expr(e.default)}`}`;
    case "hasAttr":
      return `${expr(e.expr)} ? ${attrPath(e.path)}`;
    case "unary":
      return `${e.op}${expr(e.expr)}`;
    case "binary":
      return `${expr(e.left)} ${e.op} ${expr(e.right)}`;
    case "raw":
      return `${e.text}\n`;
    default:
      return unreachable(e);
  }
}

function unreachable(e: never): never {
  throw new Error(`reference: unknown node ${JSON.stringify(e)}`);
}
