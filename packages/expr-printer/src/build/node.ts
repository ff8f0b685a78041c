import type { NixExpr, NixFile } from "../ast/index.ts";

/**
 * Every node made by a builder carries this (non-enumerable) brand, so `toNix` can tell an
 * AST node from user data that merely has a `kind` field (a Kubernetes manifest, say).
 * `Symbol.for` keeps two copies of this package interoperable.
 */
export const NODE_BRAND: unique symbol = Symbol.for("@nixjs/expr-printer.node") as never;

/** Freezes `node` and brands it as an AST node. */
export function node<T extends NixExpr | NixFile>(value: T): T {
  Object.defineProperty(value, NODE_BRAND, { value: true, enumerable: false });
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
