import type {
  NixBool,
  NixExpr,
  NixFloat,
  NixIdent,
  NixInt,
  NixNull,
  NixPath,
  NixRaw,
  NixSearchPath,
} from "../ast/index.ts";
import { concat, group, hardspace, line, nest, softline, verbatim, type Doc } from "../doc/index.ts";
import {
  escapeDoubleQuotedText,
  floatProblem,
  formatUnsignedFloat,
  identifierProblem,
  INT64_MIN,
  intProblem,
  pathForm,
  pathProblem,
  searchPathProblem,
  stringProblem,
} from "../lexical/index.ts";
import { Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { problem } from "./problem.ts";


/** A handler for a node without sub-expressions. */
function leaf<N extends NixExpr>(build: (node: N, ctx: number) => Doc): Handler<N> {
  return { leaf: true, children: () => {}, build: (node, ctx) => build(node, ctx) };
}

/** Integers: negative ones are a negation (`-5`); the minimum has no literal at all. */
export const intHandler: Handler<NixInt> = leaf((node: NixInt, ctx) => {
  const reason = intProblem(node.value);
  if (reason !== undefined) problem(node, ".value", reason);
  if (node.value >= 0n) return String(node.value);
  if (node.value === INT64_MIN) {
    // No literal is 2^63: write it as arithmetic, parenthesised as one value (laid out as
    // nixfmt lays out that operation and those parentheses).
    const op = group(concat(["-9223372036854775807", line, "-", nest(concat([hardspace, "1"]))]));
    if ((ctx & Ctx.Paren) !== 0) return op;
    return group(concat(["(", nest(concat([softline, op, softline])), ")"]));
  }
  return `-${String(-node.value)}`;
});

/** Floats: always with a dot, negatives as a negation; NaN, ±∞ and subnormals rejected. */
export const floatHandler: Handler<NixFloat> = leaf((node: NixFloat) => {
  const reason = floatProblem(node.value);
  if (reason !== undefined) problem(node, ".value", reason);
  return node.value < 0 ? `-${formatUnsignedFloat(-node.value)}` : formatUnsignedFloat(node.value);
});

export const boolHandler: Handler<NixBool> = leaf((node: NixBool) => (node.value ? "true" : "false"));

export const nullHandler: Handler<NixNull> = leaf(() => "null");

/** Paths: a literal when the lexer allows it, else `./. + "/rest"` (same path). */
export const pathHandler: Handler<NixPath> = leaf((node: NixPath) => {
  const reason = pathProblem(node.path);
  if (reason !== undefined) problem(node, ".path", reason);
  const form = pathForm(node.path);
  if (form.kind === "literal") return form.text;
  const rest = `"${escapeDoubleQuotedText(form.rest, false)}"`;
  return group(concat([form.base, line, "+", nest(concat([hardspace, rest]))]));
});

/** `<nixpkgs>`: only path characters, no empty segment. */
export const searchPathHandler: Handler<NixSearchPath> = leaf((node: NixSearchPath) => {
  const reason = searchPathProblem(node.path);
  if (reason !== undefined) problem(node, ".path", reason);
  return `<${node.path}>`;
});

/** A variable: must be an identifier, and not a keyword (`or` included). */
export const identHandler: Handler<NixIdent> = leaf((node: NixIdent) => {
  const reason = identifierProblem(node.name);
  if (reason !== undefined) problem(node, ".name", reason);
  return node.name;
});

/**
 * Unchecked source, verbatim. Refused only when it can never be right: empty, or holding a
 * NUL (Nix 2.8 stops reading the file there) or a lone surrogate (no UTF-8 for it).
 */
export const rawHandler: Handler<NixRaw> = leaf((node: NixRaw) => {
  if (node.text.trim() === "") problem(node, ".text", "raw Nix text is empty");
  const reason = stringProblem(node.text);
  if (reason !== undefined) problem(node, ".text", `raw Nix text ${reason}`);
  return verbatim(node.text);
});
