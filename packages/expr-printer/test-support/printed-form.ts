import type {
  NixAttrName,
  NixAttrPath,
  NixBinding,
  NixExpr,
  NixFile,
  NixListItem,
  NixParam,
  NixStringPart,
  NixTrivia,
} from "../src/ast/index.ts";
import { node } from "../src/build/node.ts";
import { encodeIndented, INT64_MIN, mergeTextParts, pathForm, preferIndented } from "../src/lexical/index.ts";
import { parse } from "../src/parse/index.ts";

/**
 * The tree `parse(print(tree))` gives: `tree` with exactly what `print` normalises applied
 * (bottom-up, as plain frozen objects, for `toEqual`):
 * - a `raw` node is the tree its text parses to;
 * - `true`, `false`, `null` as variables are the literal nodes;
 * - a `-` applied to a nonzero number literal is the negative literal (both print as `-5`);
 *   `-0.0` is `0.0`; the int64 minimum is `-9223372036854775807 - 1`;
 * - a `string` node that prints as `''…''` (multi-line text) is an `indentedString`; an
 *   `indentedString` on one line whose written text holds no `"` or backslash is a `string`
 *   (nixfmt writes it `"…"`);
 *   adjacent text parts are merged, empty ones dropped;
 * - a path is the path its literal says (`a/b` → `./a/b`, `/a//b/` → `/a/b`), or, when it
 *   has characters a literal cannot hold, `base + "/rest"`;
 * - `f a` applied to `b` is `f a b` (the printer writes no parentheses there);
 * - an attribute name that is a string without interpolation is the static name;
 * - comments are split into lines, without trailing whitespace; a blank line before the
 *   first binding or element, empty trivia and commented elements without trivia vanish;
 * - header comments likewise.
 * @example expect(parse(print(t))).toEqual(printedForm(t))
 */
export function printedForm(file: NixFile): NixFile {
  return node({ kind: "file", header: Object.freeze(commentLines(file.header)), body: expr(file.body) });
}

function commentLines(comments: readonly string[]): string[] {
  return comments.flatMap((c) => c.split(/\r\n|\r|\n/).map((l) => l.trimEnd()));
}

function trivia(t: NixTrivia, first: boolean): NixTrivia {
  const out: { comments?: readonly string[]; blankLineBefore?: boolean } = {};
  const lines = commentLines(t.comments ?? []);
  if (lines.length > 0) out.comments = Object.freeze(lines);
  if (t.blankLineBefore === true && !first) out.blankLineBefore = true;
  return out;
}

function parts(ps: readonly NixStringPart[]): NixStringPart[] {
  return mergeTextParts(ps.map((p) => (typeof p === "string" ? p : expr(p))));
}

function name(n: NixAttrName): NixAttrName {
  if (typeof n === "string") return n;
  if (n.kind !== "string" && n.kind !== "indentedString") return expr(n);
  // String nodes of either kind print as `"…"` names.
  if (n.parts.every((p) => typeof p === "string")) return n.parts.join("");
  return node({ kind: "string", parts: Object.freeze(parts(n.parts)) });
}

function attrPath(path: NixAttrPath): NixAttrPath {
  return Object.freeze(path.map(name)) as unknown as NixAttrPath;
}

function binding(b: NixBinding, first: boolean): NixBinding {
  const t = trivia(b, first);
  if (b.kind === "binding") return Object.freeze({ kind: "binding", path: attrPath(b.path), value: expr(b.value), ...t });
  const names = Object.freeze(b.names.map(name));
  return Object.freeze(b.from === undefined ? { kind: "inherit", names, ...t } : { kind: "inherit", names, from: expr(b.from), ...t });
}

function item(i: NixListItem, first: boolean): NixListItem {
  if (i.kind !== "commented") return expr(i);
  const t = trivia(i, first);
  return t.comments === undefined && t.blankLineBefore === undefined ? expr(i.value) : Object.freeze({ kind: "commented", value: expr(i.value), ...t });
}

function param(p: NixParam): NixParam {
  if (p.kind === "identParam") return p;
  const formals = p.formals.map((f) => Object.freeze(f.default === undefined ? { name: f.name } : { name: f.name, default: expr(f.default) }));
  return Object.freeze({ ...p, formals: Object.freeze(formals) });
}

/** A number that prints as an unsigned literal other than zero. */
function isPositive(e: NixExpr): boolean {
  return (e.kind === "int" && e.value > 0n) || (e.kind === "float" && e.value > 0);
}

function expr(e: NixExpr): NixExpr {
  switch (e.kind) {
    case "int":
      if (e.value === INT64_MIN) {
        return node({ kind: "binary", op: "-", left: node({ kind: "int", value: INT64_MIN + 1n }), right: node({ kind: "int", value: 1n }) });
      }
      return e;
    case "float":
      return Object.is(e.value, -0) ? node({ kind: "float", value: 0 }) : e;
    case "bool":
    case "null":
    case "searchPath":
      return e;
    case "ident":
      if (e.name === "true" || e.name === "false") return node({ kind: "bool", value: e.name === "true" });
      return e.name === "null" ? node({ kind: "null" }) : e;
    case "raw":
      return parse(e.text).body;
    case "string":
      return node({ kind: preferIndented(e.parts) ? "indentedString" : "string", parts: Object.freeze(parts(e.parts)) });
    case "indentedString":
      return node({ kind: quotedOneLine(e.parts) ? "string" : "indentedString", parts: Object.freeze(parts(e.parts)) });
    case "path": {
      const form = pathForm(e.path);
      if (form.kind === "literal") return node({ kind: "path", path: form.text });
      return node({ kind: "binary", op: "+", left: node({ kind: "path", path: form.base }), right: node({ kind: "string", parts: Object.freeze([form.rest]) }) });
    }
    case "attrs":
      return node({ kind: "attrs", rec: e.rec, bindings: Object.freeze(e.bindings.map((b, i) => binding(b, i === 0))) });
    case "list":
      return node({ kind: "list", items: Object.freeze(e.items.map((it, i) => item(it, i === 0))) });
    case "let":
      return node({ kind: "let", bindings: Object.freeze(e.bindings.map((b, i) => binding(b, i === 0))), body: expr(e.body) });
    case "with":
      return node({ kind: "with", scope: expr(e.scope), body: expr(e.body) });
    case "if":
      return node({ kind: "if", cond: expr(e.cond), then: expr(e.then), else: expr(e.else) });
    case "assert":
      return node({ kind: "assert", cond: expr(e.cond), body: expr(e.body) });
    case "lambda":
      return node({ kind: "lambda", param: param(e.param), body: expr(e.body) });
    case "apply": {
      const fn = expr(e.fn);
      const args = e.args.map(expr);
      // A raw function is parenthesised by the printer: `(f a) b` stays two applications.
      if (fn.kind === "apply" && e.fn.kind === "apply") return node({ kind: "apply", fn: fn.fn, args: Object.freeze([...fn.args, ...args]) as never });
      return node({ kind: "apply", fn, args: Object.freeze(args) as never });
    }
    case "select": {
      const base = { kind: "select" as const, expr: expr(e.expr), path: attrPath(e.path) };
      return node(e.default === undefined ? base : { ...base, default: expr(e.default) });
    }
    case "hasAttr":
      return node({ kind: "hasAttr", expr: expr(e.expr), path: attrPath(e.path) });
    case "unary": {
      const inner = expr(e.expr);
      if (e.op === "-" && isPositive(inner)) {
        return inner.kind === "int" ? node({ kind: "int", value: -inner.value }) : node({ kind: "float", value: -(inner as { value: number }).value });
      }
      return node({ kind: "unary", op: e.op, expr: inner });
    }
    case "binary":
      return node({ kind: "binary", op: e.op, left: expr(e.left), right: expr(e.right) });
  }
}

/** Whether an indented string is one line whose written text has no `"` or backslash. */
function quotedOneLine(ps: readonly NixStringPart[]): boolean {
  const encoding = encodeIndented(ps);
  const [line, ...rest] = encoding.lines;
  if (line === undefined || rest.length > 0 || encoding.closeOnOwnLine) return false;
  return line.every((chunk) => !("text" in chunk) || !/["\\]/.test(chunk.text));
}
