import type { NixExpr } from "../ast/index.ts";
import { concat, group, nest, priorityGroup, softline, type Doc } from "../doc/index.ts";
import { Ctx } from "./context.ts";
import { isAbsorbableExpr, isAbsorbableTerm } from "./shape.ts";

/**
 * The shape of a parenthesised last argument: nixfmt writes `(x: {` and `(f {` with the
 * body absorbed after the parenthesis ("inline"); anything else goes on its own lines
 * between `(` and `)` when it does not fit ("generic").
 */
export function lastArgParenForm(e: NixExpr): "inline" | "generic" {
  if (e.kind === "lambda" && e.param.kind === "identParam" && isAbsorbableTerm(e.body)) return "inline";
  // (`null`, `true` and `false` are identifiers for nixfmt.)
  const fn = e.kind === "apply" ? e.fn.kind : undefined;
  if (e.kind === "apply" && (fn === "ident" || fn === "null" || fn === "bool") && e.args.length === 1 && isAbsorbableTerm(e.args[0])) {
    return "inline";
  }
  return "generic";
}

/**
 * Wraps a node's doc in parentheses, laid out as nixfmt lays out a parenthesised
 * expression: on one line if it fits, else `(` ⏎ indented body ⏎ `)`; absorbable bodies
 * start right after `(`; a last argument is a priority group (`lib.mkIf cond (` … `)`).
 */
export function parenthesize(node: NixExpr, doc: Doc, ctx: number): Doc {
  if ((ctx & Ctx.Last) !== 0) {
    if (lastArgParenForm(node) === "inline") return priorityGroup(nest(concat(["(", doc, ")"])));
    return priorityGroup(nest(concat(["(", softline, group(nest(doc)), softline, ")"])));
  }
  return group(concat(["(", nest(enclosedInner(node, doc)), ")"]));
}

/**
 * What goes between `(` and `)`, or between `${` and `}` when an interpolation is all of its
 * string's line (nixfmt lays both out alike): absorbable expressions start right after the
 * opening token, a call is laid out for its parentheses (the node is printed in context
 * `Paren` or `Enclosed`), a selection may end its line, anything else goes on its own
 * lines when it does not fit.
 * @example group(concat(["(", nest(enclosedInner(node, doc)), ")"]))
 */
export function enclosedInner(node: NixExpr, doc: Doc): Doc {
  if (isAbsorbableExpr(node)) return group(doc);
  if (node.kind === "apply") return doc;
  if (node.kind === "select") {
    return isAbsorbableTerm(node.expr) ? concat([softline, group(doc), softline]) : concat([group(doc), softline]);
  }
  return concat([softline, group(doc), softline]);
}
