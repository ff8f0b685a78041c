import type { NixApply, NixAttrName, NixExpr, NixLambda, NixStringPart } from "../ast/index.ts";
import { INT64_MIN, isIdentifier, pathForm, pathProblem, preferIndented } from "../lexical/index.ts";
import { problem } from "./problem.ts";

/**
 * Shape predicates of nixfmt's layout (`isAbsorbable`, `isAbsorbableExpr`, `isSimple`),
 * on the AST as this printer writes it (parentheses come from precedence, so a "term" is a
 * node that prints without them).
 */

/**
 * Whether a path prints as a literal (`./a/b`) rather than as `./. + "/rest"`. A path that
 * is no path at all counts as a literal here: its own handler reports it, with its path in
 * the tree, rather than a parent asking about its shape.
 */
export function isPathLiteral(path: string): boolean {
  return pathProblem(path) !== undefined || pathForm(path).kind === "literal";
}

/** A static attribute name: a JS string, or a string node without interpolations. */
export function staticName(name: NixAttrName): string | undefined {
  if (typeof name === "string") return name;
  if (name.kind !== "string" && name.kind !== "indentedString") return undefined;
  let text = "";
  for (const part of name.parts) {
    if (typeof part !== "string") return undefined;
    text += part;
  }
  return text;
}

/** Whether some text part holds a line break. */
function hasLineBreak(parts: readonly NixStringPart[]): boolean {
  for (const part of parts) if (typeof part === "string" && part.includes("\n")) return true;
  return false;
}

/**
 * Whether a string node prints as a multi-line `''` string: a `string` whose text reads best
 * so (`preferIndented`), an `indentedString` with a line break. (nixfmt rewrites a one-line
 * `''…''` without `"` or backslash as `"…"`: see `strings.ts`.)
 * @example printsIndented(n.indented("a\nb")) // true; printsIndented(n.indented("a")) // false
 */
export function printsIndented(e: NixExpr): boolean {
  if (e.kind === "indentedString") return hasLineBreak(e.parts);
  return e.kind === "string" && preferIndented(e.parts);
}

/**
 * nixfmt's `isAbsorbable`: a term that may start at the end of a line and continue below:
 * a non-empty set or list, a multi-line `''` string (not a path).
 */
export function isAbsorbableTerm(e: NixExpr): boolean {
  switch (e.kind) {
    case "attrs":
      return e.bindings.length > 0;
    case "list":
      return e.items.length > 0;
    case "indentedString":
    case "string":
      return printsIndented(e);
    default:
      return false;
  }
}

/**
 * nixfmt's `canFlattenAttrs` for the pattern of a lambda: `{ a, b, ... }` — at most two
 * formals, none with a default, an optional `...`, and no `@` name (nixfmt's rules for
 * set patterns do not apply to `{ … }@x`).
 * @example isFlatPattern(n.fn({ formals: ["lib", "pkgs"] }, body)) // true
 */
export function isFlatPattern(e: NixLambda): boolean {
  const { param } = e;
  if (param.kind !== "formals" || param.bind !== undefined) return false;
  return param.formals.length <= 2 && param.formals.every((f) => f.default === undefined);
}

/**
 * nixfmt's `isAbsorbableExpr`: an absorbable term, `with e; <absorbable term>`, or a lambda
 * chain with identifier parameters ending in an absorbable term (`final: prev: {`). (nixfmt
 * also absorbs a lambda with a short set pattern whose body is on the pattern's line; this
 * printer puts such a body after a space-or-break — see `lambda.ts` — and either way is a
 * nixfmt fixed point.)
 */
export function isAbsorbableExpr(e: NixExpr): boolean {
  if (e.kind === "with") return isAbsorbableTerm(e.body);
  let cur: NixExpr = e;
  while (cur.kind === "lambda") {
    if (cur.param.kind !== "identParam") return false;
    cur = cur.body;
  }
  return isAbsorbableTerm(cur);
}

/**
 * Whether nixfmt sees `e`, printed without parentheses, as a term (`Term` in its syntax
 * tree): a literal, a variable, a string, a path literal, a set, a list, a selection, or a
 * parenthesised expression (the printer writes the smallest int as one).
 * @example isTerm(n.select("a.b")) // true; isTerm(n.int(-1)) // false (a negation)
 */
export function isTerm(e: NixExpr): boolean {
  if (e.kind === "int") return e.value >= 0n || e.value === INT64_MIN;
  return isBareTerm(e);
}

/** A term (prints without parentheses, not an operator or keyword construct). */
export function isBareTerm(e: NixExpr): boolean {
  switch (e.kind) {
    case "int":
      return e.value >= 0n;
    case "float":
      return !(e.value < 0);
    case "path":
      return isPathLiteral(e.path);
    case "bool":
    case "null":
    case "string":
    case "indentedString":
    case "searchPath":
    case "ident":
    case "attrs":
    case "list":
    case "select":
      return true;
    default:
      return false;
  }
}

/** The function and arguments of an application, nested applications flattened. */
export function flattenApply(e: NixApply): { fn: NixExpr; args: NixExpr[] } {
  const chain: NixApply[] = [e];
  let fn: NixExpr = e.fn;
  while (fn.kind === "apply") {
    chain.push(fn);
    fn = fn.fn;
  }
  for (const call of chain) {
    if (call.args.length === 0) problem(call, ".args", "an application needs at least one argument");
  }
  const args: NixExpr[] = [];
  for (let i = chain.length - 1; i >= 0; i--) args.push(...(chain[i] as NixApply).args);
  return { fn, args };
}

/**
 * Whether the printed text of `e` starts with a path literal (`./a 1` does). Nothing may
 * be glued before such text: `-./a` and `-../a` lex as paths.
 */
export function startsWithPathLiteral(e: NixExpr): boolean {
  let cur = e;
  while (cur.kind === "apply") cur = cur.fn;
  return cur.kind === "path" && isPathLiteral(cur.path);
}

/** Work budget of {@link isSimple}: nixfmt recurses freely; deep trees just are not simple. */
const SIMPLE_BUDGET = 64;

/**
 * nixfmt's `isSimple`: variables and literals (not negative numbers), selections of them by
 * identifiers (no `or`), strings, paths, and applications of at most two simple arguments to
 * a simple function.
 * Simple things are never broken across lines.
 */
export function isSimple(e: NixExpr): boolean {
  const todo: NixExpr[] = [e];
  let budget = SIMPLE_BUDGET;
  while (todo.length > 0) {
    if (--budget < 0) return false;
    const cur = todo.pop() as NixExpr;
    switch (cur.kind) {
      case "ident":
      case "bool":
      case "null":
      case "searchPath":
      case "string":
      case "indentedString":
        break;
      case "int":
        if (cur.value < 0n) return false;
        break;
      case "float":
        if (cur.value < 0) return false;
        break;
      case "path":
        if (!isPathLiteral(cur.path)) return false;
        break;
      case "select":
        if (cur.default !== undefined) return false;
        for (const name of cur.path) if (typeof name !== "string" || !isIdentifier(name)) return false;
        todo.push(cur.expr);
        break;
      case "apply": {
        const { fn, args } = flattenApply(cur);
        if (args.length > 2) return false;
        todo.push(fn, ...args);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}
