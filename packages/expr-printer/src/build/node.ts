import type { NixExpr, NixFile } from "../ast/index.ts";

/**
 * Every node made by a builder carries this brand, so `toNix` can tell an AST node from user
 * data that merely has a `kind` field (a Kubernetes manifest, say). `Symbol.for` keeps two
 * copies of this package interoperable.
 */
export const NODE_BRAND: unique symbol = Symbol.for("@nixjs/expr-printer.node") as never;

/**
 * The prototype of the nodes the builders and `toNix` make: it carries the brand, so a node
 * needs no brand of its own. An own property defined with `Object.defineProperty` on every
 * node made each node slower to read everywhere (V8 gives such objects a slower shape: the
 * printer's walk over a large tree took 2.5× as long).
 */
export const NODE_PROTO: object = Object.freeze(
  Object.create(Object.prototype, { [NODE_BRAND]: { value: true, enumerable: false } }) as object,
);

/**
 * Freezes `value` and brands it as an AST node, for nodes built by hand (the builders are
 * the usual way). The brand is an own, non-enumerable property here: `value` keeps its
 * prototype and its identity.
 * @example node({ kind: "int", value: 1n })
 */
export function node<T extends NixExpr | NixFile>(value: T): T {
  if ((value as { [NODE_BRAND]?: boolean })[NODE_BRAND] !== true) {
    Object.defineProperty(value, NODE_BRAND, { value: true, enumerable: false });
  }
  return Object.freeze(value);
}

/** True when `value` was made by a builder of this package (or branded with {@link node}). */
export function isNixExpr(value: unknown): value is NixExpr {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [NODE_BRAND]?: boolean })[NODE_BRAND] === true &&
    (value as { kind?: unknown }).kind !== "file"
  );
}

/**
 * Plain JS data or AST nodes: what builders accept wherever a Nix value goes. Plain data is
 * converted with `toNix`.
 */
export type NixInput =
  | NixExpr
  | string
  | number
  | bigint
  | boolean
  | null
  | readonly NixInput[]
  | { readonly [key: string]: NixInput | undefined };
