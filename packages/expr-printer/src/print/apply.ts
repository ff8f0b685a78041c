import type { NixApply, NixExpr } from "../ast/index.ts";
import {
  concat,
  flat,
  Flag,
  group,
  hardspace,
  line,
  nest,
  priorityGroup,
  softline,
  transparentGroup,
  type Doc,
} from "../doc/index.ts";
import { innerArgCtx, lastArgCtx, lastArgDoc } from "./arguments.ts";
import { Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { lastArgParenForm } from "./parens.ts";
import { parenAsFunction } from "./precedence.ts";
import { flattenApply, isSimple } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** `(f {` as the last argument: the function name and the absorbed body on one line. */
function isInlineParenForm(node: NixApply, ctx: number): boolean {
  return (ctx & (Ctx.Last | Ctx.Paren)) === (Ctx.Last | Ctx.Paren) && lastArgParenForm(node) === "inline";
}

/** How a call is embedded (nixfmt `prettyApp`'s `indentFunction`, `pre` and `hasPost`). */
export interface CallForm {
  /** In parentheses: the function may go on its own line, and `)` too. */
  readonly parens: boolean;
  /** What comes first inside the call's group (`line` after `=` or an operator). */
  readonly pre: Doc | null;
  /** Whether the call is simple (nixfmt `isSimple`): then it is never broken before its last argument. */
  readonly simple: boolean;
}

/**
 * The doc of a call `fn args…` (nixfmt `prettyApp`), from the function's doc and the
 * arguments' docs. Each call is a transparent group inside the next, so the engine keeps the
 * first arguments on the line and breaks the later ones; arguments are priority groups (a
 * selection is not: breaking only its `.attr` part would look odd), two list arguments in a
 * row break together; the last argument is absorbed when it can be (`mkIf cond {`).
 * @example callDoc("f", [a, b], [aDoc, bDoc], { parens: false, pre: null, simple: isSimple(call) })
 */
export function callDoc(fnDoc: Doc, args: readonly NixExpr[], docs: readonly Doc[], form: CallForm): Doc {
  const last = args.length - 1;
  const isList = (i: number): boolean => args[i]?.kind === "list";
  // Two list arguments at the end are laid out together, neither a priority group.
  const lastPair = last >= 1 && isList(last) && isList(last - 1);
  const end = lastPair ? last - 1 : last;
  // nixfmt's `absorbApp`, folded from the innermost call outwards.
  let chain: Doc = form.parens ? nest(group(concat([softline, fnDoc]))) : fnDoc;
  const steps: ("select" | "pair" | "arg")[] = [];
  for (let i = end - 1; i >= 0; ) {
    if (args[i]?.kind === "select") steps.push("select");
    else if (i >= 1 && isList(i) && isList(i - 1)) {
      steps.push("pair");
      i -= 2;
      continue;
    } else steps.push("arg");
    i--;
  }
  let i = 0;
  for (let s = steps.length - 1; s >= 0; s--) {
    const step = steps[s];
    if (step === "pair") {
      const pair = group(concat([line, group(docs[i] as Doc), line, group(docs[i + 1] as Doc)]));
      chain = transparentGroup(concat([transparentGroup(chain), nest(pair)]));
      i += 2;
      continue;
    }
    const arg = docs[i] as Doc;
    chain = concat([transparentGroup(chain), line, nest(step === "select" ? group(arg) : priorityGroup(arg))]);
    i++;
  }
  const post = form.parens ? softline : null;
  const head = form.pre === null ? transparentGroup(chain) : concat([form.pre, transparentGroup(chain)]);
  if (lastPair) {
    const parts = [head, line, nest(group(docs[last - 1] as Doc)), line, nest(group(docs[last] as Doc))];
    if (post !== null) parts.push(post);
    return group(concat(parts));
  }
  const lastDoc = lastArgDoc(args[last] as NixExpr, docs[last] as Doc);
  if (form.simple && (typeof head === "string" || (head.flags & Flag.Hard) === 0)) {
    return group(concat([flat(head), hardspace, lastDoc]));
  }
  return group(concat(post === null ? [head, line, lastDoc] : [head, line, lastDoc, post]));
}

/**
 * Function application, as nixfmt's `prettyApp` (see {@link callDoc}). As a binding's value
 * (`Rhs`) or after an operator (`OpPre`), a `line` starts the call's group, so that the call
 * moves below when more than its last argument does not fit.
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
      return concat([docs[base] as Doc, hardspace, ungroup(docs[base + 1] as Doc)]);
    }
    const { args } = flattenApply(node);
    const argDocs = docs.slice(base + 1, base + 1 + args.length);
    return callDoc(docs[base] as Doc, args, argDocs, {
      parens: (ctx & (Ctx.Paren | Ctx.Last)) === Ctx.Paren || (ctx & Ctx.Enclosed) !== 0,
      pre: (ctx & (Ctx.Rhs | Ctx.OpPre)) !== 0 ? line : null,
      simple: isSimple(node) && (ctx & Ctx.Commented) === 0,
    });
  },
};
