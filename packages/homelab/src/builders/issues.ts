/** Helpers that make input problems readable: paths, short values, "did you mean". */
import type { Zod } from "../schema/zod.ts";

/**
 * A short description of a value for "got …".
 * @example describeValue(70000) // "70000"
 * @example describeValue({ a: 1 }) // "an object"
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return "a list";
      {
        const proto = Object.getPrototypeOf(value);
        const ctor = proto?.constructor?.name;
        return proto === Object.prototype || proto === null || ctor === undefined ? "an object" : `a ${ctor}`;
      }
  }
}

/** Levenshtein distance, for suggestions only (short strings). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The known name closest to `key`, when it is close enough to be a typo.
 * @example suggest("autostart", ["autoStart", "ephemeral"]) // "autoStart"
 */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of [...known].sort()) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;

function unwrap(schema: unknown): unknown[] {
  const def = defOf(schema);
  if (def === undefined) return [];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return unwrap(def["innerType"]);
    case "pipe":
      return [...unwrap(def["in"]), ...unwrap(def["out"])];
    case "union":
      return (def["options"] as unknown[]).flatMap(unwrap);
    case "lazy":
      return unwrap((def["getter"] as () => unknown)());
    default:
      return [schema];
  }
}

/** The option names of the object schema(s) at `path` inside `schema`, for suggestions. */
export function knownKeysAt(schema: Zod.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown[] = unwrap(schema);
  for (const key of path) {
    const next: unknown[] = [];
    for (const s of current) {
      const def = defOf(s)!;
      if (def.type === "object" && typeof key === "string") {
        const child = (def["shape"] as Record<string, unknown>)[key];
        if (child !== undefined) next.push(...unwrap(child));
      } else if (def.type === "array" && typeof key === "number") next.push(...unwrap(def["element"]));
      else if (def.type === "record") next.push(...unwrap(def["valueType"]));
    }
    current = next;
  }
  const keys = new Set<string>();
  for (const s of current) {
    const def = defOf(s)!;
    if (def.type === "object") for (const k of Object.keys(def["shape"] as object)) keys.add(k);
  }
  return [...keys];
}
