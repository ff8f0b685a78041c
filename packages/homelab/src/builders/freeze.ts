import { MODEL_BRAND, type ModelKind } from "../model/brand.ts";

/**
 * Freezes `value` and everything reachable from it that is not frozen yet. Already frozen
 * objects (AST nodes, secrets, other model objects) are shared, not walked again.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** Brands a freshly built model object with its kind and freezes it deeply. */
export function branded<T extends object>(kind: ModelKind, value: T): T {
  Object.defineProperty(value, MODEL_BRAND, { value: kind, enumerable: false });
  return deepFreeze(value);
}

/** `{ key: value }` when `value` is defined, `{}` otherwise: for `exactOptionalPropertyTypes`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
