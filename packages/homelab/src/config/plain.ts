/** What counts as an attribute set in user data: the one predicate every walker uses. */
import { isNixExpr } from "@nixjs/expr-printer";
import { isModelObject } from "../model/brand.ts";

/**
 * A JS object that is a Nix attribute set: a plain object (`{}` or `Object.create(null)`),
 * not an array, an AST node, a model object (a secret, a public value …) or a class instance.
 * @example isPlainObject({ a: 1 }) // true
 * @example isPlainObject(new Map()) // false
 */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (isNixExpr(value) || isModelObject(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A record whose every key, `__proto__` included, is an own property: user data may name any
 * attribute (on a plain `{}`, assigning `__proto__` would set the prototype instead).
 * @example const out = ownRecord(); out["__proto__"] = 1; Object.keys(out) // ["__proto__"]
 */
export function ownRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}
