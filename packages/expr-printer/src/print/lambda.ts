import type { NixExpr, NixFormalsParam, NixLambda } from "../ast/index.ts";
import {
  concat,
  group,
  hardline,
  hardspace,
  line,
  nest,
  priorityGroup,
  softline,
  trailing,
  type Doc,
} from "../doc/index.ts";
import { binderProblem } from "../lexical/index.ts";
import { rhsCtx, rhsDoc } from "./bindings.ts";
import { CHAIN_SHIFT, Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { lastArgParenForm } from "./parens.ts";
import { problem } from "./problem.ts";
import { isAbsorbableExpr, isAbsorbableTerm, isFlatPattern } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

function isChainLink(body: NixExpr): boolean {
  return body.kind === "lambda" && body.param.kind === "identParam";
}

function isInlineParenForm(node: NixLambda, ctx: number): boolean {
  return (ctx & (Ctx.Last | Ctx.Paren)) === (Ctx.Last | Ctx.Paren) && lastArgParenForm(node) === "inline";
}

/** Checks a name a lambda binds: an identifier, and not `true`, `false` or `null`. */
function checkBinder(name: string, at: object, suffix: string): void {
  const reason = binderProblem(name);
  if (reason !== undefined) problem(at, suffix, reason);
}

/** Checks an attribute-set pattern the way Nix's parser does. */
function checkFormals(param: NixFormalsParam): void {
  const names = new Set<string>();
  param.formals.forEach((formal, i) => {
    checkBinder(formal.name, param, `.formals[${i}].name`);
    if (names.has(formal.name)) {
      problem(param, `.formals[${i}].name`, `duplicate formal function argument '${formal.name}'`);
    }
    names.add(formal.name);
  });
  if (param.bind !== undefined) {
    checkBinder(param.bind.name, param, ".bind.name");
    if (names.has(param.bind.name)) {
      problem(param, ".bind.name", `'${param.bind.name}' is both the @-name and a formal of the function`);
    }
  }
}

/**
 * `{ a, b ? 1, ... }`: on one line with at most two names and no default, else one formal
 * per line, each followed by a comma (the last one's comma only when expanded), `}` alone.
 */
function formalsDoc(param: NixFormalsParam, docs: readonly Doc[], base: number): Doc {
  const items: Doc[] = [];
  let next = base;
  const last = param.formals.length - 1;
  param.formals.forEach((formal, i) => {
    const comma = i < last || param.ellipsis ? "," : trailing(",");
    if (formal.default === undefined) {
      items.push(concat([formal.name, comma]));
      return;
    }
    const value = rhsDoc(formal.default, docs[next++] as Doc);
    // nixfmt: a comma is part of the formal's group, except the last formal's trailing comma,
    // which shows when the formals are expanded, whatever the default does.
    const formalDoc = [formal.name, hardspace, nest(concat(["?", value]))];
    if (typeof comma === "string") items.push(group(concat([...formalDoc, comma])));
    else items.push(concat([group(concat(formalDoc)), comma]));
  });
  if (param.ellipsis) items.push("...");
  let pattern: Doc;
  if (items.length === 0) pattern = "{ }";
  else {
    const compact = param.formals.length <= 2 && param.formals.every((f) => f.default === undefined);
    const sep = compact ? line : hardline;
    const joined: Doc[] = [];
    items.forEach((item, i) => {
      if (i > 0) joined.push(sep);
      joined.push(item);
    });
    pattern = group(concat(["{", sep, nest(concat(joined)), sep, "}"]));
  }
  if (param.bind === undefined) return pattern;
  return param.bind.position === "before"
    ? concat([param.bind.name, "@", pattern])
    : concat([pattern, "@", param.bind.name]);
}

/**
 * Where the body of a lambda with a set pattern goes: an absorbable term after a
 * space-or-break, expanded ("wide"), anything else after a space-or-break ("plain"); after a
 * pattern of one formal per line, that break is a line break. nixfmt keeps a body on the
 * pattern's line when it was there (`{ lib, ... }: {`, its choice from one-line source) and
 * below when it was below: both are fixed points, and generated files put it below.
 */
function patternBody(node: NixLambda): "below" | "wide" | "plain" {
  if (isAbsorbableTerm(node.body)) return "wide";
  if (node.param.kind === "formals" && node.param.bind === undefined && !isFlatPattern(node)) return "below";
  return "plain";
}

/** Context of the body after `x:` (nixfmt `absorbAbs`). */
function identBodyCtx(body: NixExpr, depth: number): number {
  // Only "two parameters or fewer" matters to the layout: cap the depth kept in the context.
  if (isChainLink(body)) return Ctx.Chain | (Math.min(depth + 1, 3) << CHAIN_SHIFT);
  if (body.kind === "with" && isAbsorbableExpr(body)) return Ctx.Absorb;
  return Ctx.None;
}

/** The part after `x:`: the next `y:` of a chain, an absorbed term, or the body below. */
function identBodyDoc(body: NixExpr, doc: Doc, depth: number): Doc {
  if (isChainLink(body)) return doc;
  if (isAbsorbableExpr(body)) {
    // An absorbed `with` starts with its own line break/space (see control.ts).
    return body.kind === "with" ? priorityGroup(doc) : concat([hardspace, priorityGroup(ungroup(doc))]);
  }
  return concat([depth <= 2 ? line : hardline, doc]);
}

/**
 * Lambdas: `x: y: body` chains share a line and an absorbable body starts on it
 * (`final: prev: {`); after an attribute-set pattern the body starts on the next line,
 * not indented, unless everything fits on one line.
 */
export const lambdaHandler: Handler<NixLambda> = {
  children: (node, ctx, out) => {
    const { param, body } = node;
    if (param.kind === "formals") {
      checkFormals(param);
      for (const formal of param.formals) if (formal.default !== undefined) out.add(formal.default, rhsCtx(formal.default));
      out.add(body, patternBody(node) === "wide" ? Ctx.Wide : Ctx.None);
      return;
    }
    checkBinder(param.name, param, ".name");
    if (isInlineParenForm(node, ctx)) {
      out.add(body, Ctx.Wide);
      return;
    }
    const depth = (ctx & Ctx.Chain) !== 0 ? ctx >>> CHAIN_SHIFT : 1;
    out.add(body, identBodyCtx(body, depth));
  },
  build: (node, ctx, docs, base) => {
    const { param, body } = node;
    if (param.kind === "formals") {
      const defaults = param.formals.filter((f) => f.default !== undefined).length;
      const pattern = formalsDoc(param, docs, base);
      const bodyDoc = docs[base + defaults] as Doc;
      switch (patternBody(node)) {
        case "below":
          return concat([pattern, ":", hardline, bodyDoc]);
        case "wide":
          return concat([pattern, ":", line, group(bodyDoc)]);
        case "plain":
          return concat([pattern, ":", line, bodyDoc]);
      }
    }
    const bodyDoc = docs[base] as Doc;
    if (isInlineParenForm(node, ctx)) return concat([param.name, ":", hardspace, ungroup(bodyDoc)]);
    if ((ctx & Ctx.Chain) !== 0) {
      const depth = ctx >>> CHAIN_SHIFT;
      return concat([hardspace, param.name, ":", identBodyDoc(body, bodyDoc, depth)]);
    }
    return group(concat([softline, param.name, ":", identBodyDoc(body, bodyDoc, 1)]));
  },
};
