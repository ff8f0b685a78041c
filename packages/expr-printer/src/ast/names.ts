import type { NixExpr } from "./expr.ts";

/**
 * One attribute name. A JS string is a static name, printed bare when it is an identifier
 * (`foo`, `a-b'`) and quoted otherwise (`"a.b"`, `"if"`, `"or"`, `""`). A Nix expression
 * is a dynamic name: a string node prints as a string literal (`"${host}.conf"`), any
 * other expression as `${expr}`.
 */
export type NixAttrName = string | NixExpr;

/** A non-empty attribute path: `a.b."c d".${e}`. */
export type NixAttrPath = readonly [NixAttrName, ...NixAttrName[]];
