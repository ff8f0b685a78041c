import type { NixAssert, NixExpr, NixIf, NixLet, NixWith } from "../ast/index.ts";
import {
  concat,
  group,
  hardline,
  hardspace,
  hardspaceThen,
  line,
  nest,
  priorityGroup,
  softline,
  transparentGroup,
  type Doc,
} from "../doc/index.ts";
import { callDoc } from "./apply.ts";
import { bindingChildren, bindingDocs, hasTrivia } from "./bindings.ts";
import { itemLines } from "./comments.ts";
import { Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { checkBindings } from "./duplicates.ts";
import { flattenApply, isAbsorbableTerm } from "./shape.ts";
import { ungroup } from "./ungroup.ts";
import { innerArgCtx, lastArgCtx, lastArgDoc } from "./arguments.ts";

/** `let` ⏎ bindings ⏎ `in` ⏎ body: always multi-line, the body not indented. */
export const letHandler: Handler<NixLet> = {
  children: (node, _ctx, out, env) => {
    bindingChildren(node.bindings, out, env);
    out.add(node.body, Ctx.None);
  },
  build: (node, _ctx, docs, base, env) => {
    checkBindings(node.bindings, true, true);
    const cursor = { i: base };
    const items = bindingDocs(node.bindings, docs, cursor, env);
    const body = docs[cursor.i] as Doc;
    const letPart =
      items.length === 0
        ? group("let")
        : group(concat(["let", nest(concat([hardline, itemLines(items, hasTrivia(node.bindings) ? node.bindings : null, hardline)]))]));
    return concat([letPart, hardline, group(concat(["in", hardline, body]))]);
  },
};

/**
 * Whether the body is absorbed (nixfmt `absorbExpr`): after `=` (`Absorb`) and in
 * parentheses — but not as a parenthesised last argument, whose content nixfmt prints plain.
 */
function absorbsBody(node: NixWith, ctx: number): boolean {
  const absorbing = (ctx & (Ctx.Absorb | Ctx.Enclosed)) !== 0 || (ctx & (Ctx.Paren | Ctx.Last)) === Ctx.Paren;
  return absorbing && isAbsorbableTerm(node.body);
}

/**
 * `with e; body`: after `=`, in parentheses and as a lambda body, an absorbable body stays on
 * the `with` line and a set in it is expanded (`meta = with lib; {`); elsewhere the body
 * follows on the next line unless everything fits on one.
 */
export const withHandler: Handler<NixWith> = {
  children: (node, ctx, out) => {
    out.add(node.scope, Ctx.None);
    out.add(node.body, absorbsBody(node, ctx) ? Ctx.Wide : Ctx.None);
  },
  build: (node, ctx, docs, base) => {
    const head = concat(["with", hardspaceThen(nest(group(docs[base] as Doc))), ";"]);
    const body = docs[base + 1] as Doc;
    if (!absorbsBody(node, ctx)) return concat([group(head), line, body]);
    // After `=` the leading break doubles as the space after `=` (nixfmt merges them).
    const lead = (ctx & Ctx.Absorb) !== 0 ? line : softline;
    return group(concat([lead, head, hardspace, priorityGroup(ungroup(body))]));
  },
};

/**
 * `if c then a else b` on one line when it fits and is not an `else if` chain; otherwise
 * `if c then` ⏎ branch ⏎ `else` ⏎ branch, with `else if` chains flat.
 */
export const ifHandler: Handler<NixIf> = {
  children: (node, _ctx, out) => {
    out.add(node.cond, Ctx.None);
    out.add(node.then, Ctx.None);
    out.add(node.else, node.else.kind === "if" ? Ctx.ElseIf : Ctx.None);
  },
  build: (node, ctx, docs, base) => {
    const sep = (ctx & Ctx.ElseIf) !== 0 ? hardline : line;
    const head = group(concat(["if", line, nest(docs[base] as Doc), line, "then"]));
    const otherwise = docs[base + 2] as Doc;
    const tail = node.else.kind === "if" ? concat([hardspace, otherwise]) : concat([line, nest(group(otherwise))]);
    const parts = concat([head, sep, nest(group(docs[base + 1] as Doc)), sep, "else", tail]);
    return (ctx & Ctx.ElseIf) !== 0 ? parts : group(parts);
  },
};

/**
 * `assert c;` ⏎ body. nixfmt lays the condition out as if `assert` were a function applied
 * to it: `assert f x;` is the call `assert f x`, `assert c;` the call `assert c`.
 */
export const assertHandler: Handler<NixAssert> = {
  children: (node, _ctx, out) => {
    const { cond } = node;
    if (cond.kind === "apply") {
      const { fn, args } = flattenApply(cond);
      out.add(fn, innerArgCtx(fn));
      const last = args.length - 1;
      for (let i = 0; i < last; i++) out.add(args[i] as NixExpr, innerArgCtx(args[i] as NixExpr));
      out.add(args[last] as NixExpr, lastArgCtx(args[last] as NixExpr, true, last > 0 ? args[last - 1] : fn));
    } else out.add(cond, lastArgCtx(cond, false));
    out.add(node.body, Ctx.None);
  },
  build: (node, _ctx, docs, base) => {
    const { cond } = node;
    let call: Doc;
    let n: number;
    if (cond.kind === "apply") {
      const { fn, args } = flattenApply(cond);
      n = args.length + 1;
      call = callDoc("assert", [fn, ...args], docs.slice(base, base + n), { parens: false, pre: null, simple: false });
    } else {
      n = 1;
      call = group(concat([transparentGroup("assert"), line, lastArgDoc(cond, docs[base] as Doc, false)]));
    }
    return group(concat([call, ";", hardline, docs[base + n] as Doc]));
  },
};
