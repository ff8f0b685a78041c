import type { NixApply, NixExpr } from "../ast/index.ts";
import {
  concat,
  flat,
  Flag,
  group,
  hardspace,
  line,
  nest,
  softline,
  transparentGroup,
  type Doc,
} from "../doc/index.ts";
import { innerArgCtx, innerArgDoc, lastArgCtx, lastArgDoc } from "./arguments.ts";
import { Ctx, OP_SHIFT } from "./context.ts";
import type { Handler } from "./driver.ts";
import { lastArgParenForm } from "./parens.ts";
import { OPERATORS, parenAsFunction } from "./precedence.ts";
import { flattenApply, isSimple } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** `(f {` as the last argument: the function name and the absorbed body on one line. */
function isInlineParenForm(node: NixApply, ctx: number): boolean {
  return (ctx & (Ctx.Last | Ctx.Paren)) === (Ctx.Last | Ctx.Paren) && lastArgParenForm(node) === "inline";
}

/**
 * Function application, as nixfmt's `prettyApp`: as many arguments as fit on the first
 * line; the last argument absorbed when it is a set, list, `''` string or parenthesised
 * expression (`lib.mkIf cfg.enable {`); otherwise every argument that did not fit on its
 * own line, indented. Each call is a group inside the next, so the engine keeps the first
 * arguments on the line and breaks the later ones; arguments are priority groups, expanded
 * first, from the last.
 */
export const applyHandler: Handler<NixApply> = {
  children: (node, ctx, out) => {
    if (isInlineParenForm(node, ctx)) {
      out.add(node.fn, Ctx.None);
      out.add(node.args[0], Ctx.Wide);
      return;
    }
    const { fn, args } = flattenApply(node);
    out.add(fn, parenAsFunction(fn) ? Ctx.Paren : Ctx.None);
    const last = args.length - 1;
    for (let i = 0; i < last; i++) out.add(args[i] as NixExpr, innerArgCtx(args[i] as NixExpr));
    out.add(args[last] as NixExpr, lastArgCtx(args[last] as NixExpr, true, args[last - 1]));
  },
  build: (node, ctx, docs, base) => {
    if (isInlineParenForm(node, ctx)) {
      return concat([docs[base] as Doc, " ", ungroup(docs[base + 1] as Doc)]);
    }
    const { args } = flattenApply(node);
    // Parenthesised (but not as a last argument): `(` ⏎ f args ⏎ `)` when it does not fit.
    const inParens = (ctx & Ctx.Paren) !== 0 && (ctx & Ctx.Last) === 0;
    const fnDoc = docs[base] as Doc;
    let chain: Doc = inParens ? nest(group(concat([softline, fnDoc]))) : fnDoc;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      chain = concat([transparentGroup(chain), line, innerArgDoc(args[i] as NixExpr, docs[base + 1 + i] as Doc)]);
    }
    const pre: Doc | null =
      (ctx & Ctx.Rhs) !== 0 ? line : (ctx & Ctx.OpPre) !== 0 ? concat([OPERATORS[ctx >>> OP_SHIFT] as string, hardspace]) : null;
    const rendered: Doc = pre === null ? transparentGroup(chain) : concat([pre, transparentGroup(chain)]);
    const lastDoc = lastArgDoc(args[last] as NixExpr, docs[base + 1 + last] as Doc);
    if (isSimple(node) && (typeof rendered === "string" || (rendered.flags & Flag.Hard) === 0)) {
      return group(concat([flat(rendered), hardspace, lastDoc]));
    }
    return group(concat(inParens ? [rendered, line, lastDoc, softline] : [rendered, line, lastDoc]));
  },
};
