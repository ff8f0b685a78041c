import type { NixBinding } from "./bindings.ts";
import type { NixExpr } from "./expr.ts";

/** `let bindings in body` */
export interface NixLet {
  readonly kind: "let";
  readonly bindings: readonly NixBinding[];
  readonly body: NixExpr;
}

/** `with scope; body` */
export interface NixWith {
  readonly kind: "with";
  readonly scope: NixExpr;
  readonly body: NixExpr;
}

/** `if cond then then else else` */
export interface NixIf {
  readonly kind: "if";
  readonly cond: NixExpr;
  readonly then: NixExpr;
  readonly else: NixExpr;
}

/** `assert cond; body` */
export interface NixAssert {
  readonly kind: "assert";
  readonly cond: NixExpr;
  readonly body: NixExpr;
}
