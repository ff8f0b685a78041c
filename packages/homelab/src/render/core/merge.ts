import { isPlainObject, ownRecord } from "../../config/plain.ts";
import { structuralKey } from "./structural-key.ts";

/**
 * The order of option names in a set: code units, except that `enable` leads, as in every
 * NixOS module and hand-written config (`services.immich = { enable = true; host = …; }`).
 * Deterministic whatever the declaration order.
 */
export function byOptionName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "enable") return -1;
  if (b === "enable") return 1;
  return a < b ? -1 : 1;
}

/** Port lists: merged as a set, sorted, because their order carries no meaning. */
const PORT_LISTS: ReadonlySet<string> = new Set(["allowedTCPPorts", "allowedUDPPorts"]);

/**
 * Sorts the keys of every plain object (declaration order must not reach the output).
 * `first` names keys that lead their object, e.g. `imports` in a module.
 */
export function sortKeysDeep(value: unknown, first: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v, first));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value).sort(byOptionName);
  const lead = first.filter((k) => keys.includes(k));
  const out = ownRecord();
  for (const key of [...lead, ...keys.filter((k) => !lead.includes(k))]) {
    out[key] = sortKeysDeep(value[key], first);
  }
  return out;
}

/**
 * Merges what nixjs generates with what the user wrote, NixOS-module style:
 * - plain objects merge recursively; the generated keys keep their order, the user's other
 *   keys follow, sorted;
 * - lists concatenate, generated items first, without the generated items the user's list
 *   already holds; port lists (`allowedTCPPorts`, `allowedUDPPorts`) become sorted sets;
 * - anything else both sides define (a scalar, an AST node, a list against an object): the
 *   USER's value wins, so a user can always override a generated default.
 * @example mergeConfig({ a: [1], b: 1 }, { a: [2], b: 2 }) // { a: [1, 2], b: 2 }
 */
export function mergeConfig(generated: unknown, user: unknown, key = ""): unknown {
  if (user === undefined) return generated;
  if (generated === undefined) return sortKeysDeep(user);
  if (isPlainObject(generated) && isPlainObject(user)) {
    const out = ownRecord();
    for (const [k, v] of Object.entries(generated)) out[k] = mergeConfig(v, Object.hasOwn(user, k) ? user[k] : undefined, k);
    for (const k of Object.keys(user).sort(byOptionName)) {
      if (!Object.hasOwn(generated, k)) out[k] = sortKeysDeep(user[k]);
    }
    return out;
  }
  if (Array.isArray(generated) && Array.isArray(user)) {
    if (PORT_LISTS.has(key) && [...generated, ...user].every((p) => typeof p === "number")) {
      return [...new Set<number>([...generated, ...user] as number[])].sort((a, b) => a - b);
    }
    const mine = new Set(user.map((v) => structuralKey(v)));
    return [...generated.filter((v) => !mine.has(structuralKey(v))), ...(sortKeysDeep(user) as unknown[])];
  }
  return sortKeysDeep(user);
}
