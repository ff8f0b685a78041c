import type { NixExpr } from "../ast/index.ts";
import { group, nest, priorityGroup, type Doc } from "../doc/index.ts";
import { Ctx } from "./context.ts";
import { parenAsArgument } from "./precedence.ts";
import { isAbsorbableTerm, isSimple } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** A list argument short and simple enough to stay on one line (nixfmt `absorbInner`). */
const INLINE_LIST_MAX = 6;

function isInlineList(e: NixExpr): boolean {
  if (e.kind !== "list" || e.items.length > INLINE_LIST_MAX) return false;
  return e.items.every((item) => item.kind !== "commented" && isSimple(item));
}

/** Context of an argument that is not the last: parenthesised as needed, short lists inline. */
export function innerArgCtx(arg: NixExpr): number {
  return (parenAsArgument(arg) ? Ctx.Paren : Ctx.None) | (isInlineList(arg) ? Ctx.Inline : Ctx.None);
}

/**
 * Context of the last argument (`parens`: whether the position accepts only a selection).
 * When the argument before it is a list too, a short simple list stays inline like the
 * arguments before it (`f [ "a" "b" ] [ "c" "d" ]`).
 */
export function lastArgCtx(arg: NixExpr, parens = true, previous?: NixExpr): number {
  if (parens && parenAsArgument(arg)) return Ctx.Paren | Ctx.Last;
  return previous?.kind === "list" && isInlineList(arg) ? Ctx.Inline : Ctx.None;
}

/**
 * The last argument (nixfmt `absorbLast`): an absorbable term is a priority group, so
 * `mkDerivation {` keeps the `{` on the call's line; a parenthesised argument already is
 * one (see `parens.ts`); anything else is a plain group.
 */
export function lastArgDoc(arg: NixExpr, doc: Doc, parens = true): Doc {
  if (parens && parenAsArgument(arg)) return doc;
  if (isAbsorbableTerm(arg)) return priorityGroup(nest(ungroup(doc)));
  return group(nest(doc));
}
