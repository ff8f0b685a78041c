import type { NixExpr } from "./expr.ts";

/** `x: body` — a single identifier parameter. */
export interface NixIdentParam {
  readonly kind: "identParam";
  readonly name: string;
}

/** One formal of an attribute-set pattern: `name` or `name ? default`. */
export interface NixFormal {
  readonly name: string;
  readonly default?: NixExpr;
}

/**
 * `{ a, b ? 1, ... }: body`, optionally bound as a whole with `@`:
 * `args@{ … }` (`bind.position: "before"`) or `{ … }@args` (`"after"`).
 */
export interface NixFormalsParam {
  readonly kind: "formals";
  readonly formals: readonly NixFormal[];
  readonly ellipsis: boolean;
  readonly bind?: { readonly name: string; readonly position: "before" | "after" };
}

/** A lambda's parameter. */
export type NixParam = NixIdentParam | NixFormalsParam;

/** `param: body` */
export interface NixLambda {
  readonly kind: "lambda";
  readonly param: NixParam;
  readonly body: NixExpr;
}

/** `fn a b c` — application of `fn` to one or more arguments (left-associative). */
export interface NixApply {
  readonly kind: "apply";
  readonly fn: NixExpr;
  readonly args: readonly [NixExpr, ...NixExpr[]];
}
