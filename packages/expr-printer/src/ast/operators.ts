import type { NixExpr } from "./expr.ts";
import type { NixAttrPath } from "./names.ts";

/** `expr.a.b` or `expr.a.b or default` */
export interface NixSelect {
  readonly kind: "select";
  readonly expr: NixExpr;
  readonly path: NixAttrPath;
  readonly default?: NixExpr;
}

/** `expr ? a.b` */
export interface NixHasAttr {
  readonly kind: "hasAttr";
  readonly expr: NixExpr;
  readonly path: NixAttrPath;
}

/** Arithmetic negation `-e` and logical not `!e`. */
export type NixUnaryOp = "-" | "!";

/** `-expr` or `!expr` */
export interface NixUnary {
  readonly kind: "unary";
  readonly op: NixUnaryOp;
  readonly expr: NixExpr;
}

/** Every binary operator of Nix 2.8 (the experimental pipe operators are not in 2.8). */
export type NixBinaryOp =
  | "++"
  | "*"
  | "/"
  | "+"
  | "-"
  | "//"
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "&&"
  | "||"
  | "->";

/** `left op right` */
export interface NixBinary {
  readonly kind: "binary";
  readonly op: NixBinaryOp;
  readonly left: NixExpr;
  readonly right: NixExpr;
}
