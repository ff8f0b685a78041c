import type { NixExpr } from "../ast/index.ts";
import { Converter } from "./convert.ts";

/** Options of {@link toNix}. */
export interface ToNixOptions {
  /**
   * Consulted first for every value that is not already an AST node (class instances,
   * branded references, or plain values you want written differently): return an AST node
   * to use it, or `undefined` to fall back to the default conversion (an error for values
   * that are not plain data). `path` is the JS path of the value (`$.services.web`).
   * @example toNix(cfg, { convert: (v) => (v instanceof Ref ? v.toNix() : undefined) })
   * @example toNix({ at: new Date(0) }, { convert: (v) => (v instanceof Date ? n.str(v.toISOString()) : undefined) })
   */
  readonly convert?: (value: unknown, path: string) => NixExpr | undefined;
  /**
   * Write chains of single-member plain objects as attribute paths, as hand-written modules
   * do: `{ networking: { firewall: { enable: true } } }` → `networking.firewall.enable = true;`.
   * A chain stops at an AST node, an empty object, an object with several members, and any
   * non-object. Default `true`.
   * @example toNix({ a: { b: { c: 1 } } }, { collapse: false }) // { a = { b = { c = 1; }; }; }
   */
  readonly collapse?: boolean;
}

/**
 * Converts plain JS data to the Nix AST:
 * - objects → attribute sets, members sorted by key (code units), so the output does not
 *   depend on declaration order; `undefined` members are left out; single-member chains
 *   become attribute paths (see {@link ToNixOptions.collapse});
 * - arrays → lists; strings, booleans, `null` → themselves;
 * - safe integers and bigints → Nix integers (`-0` → `0`); other finite numbers → floats
 *   (an integer-valued number beyond 2^53 is a double and prints as the float literal that
 *   reads back as the same double; pass a bigint for an exact integer);
 * - AST nodes (made by `n.*`) are kept as they are, wherever they are nested; a member whose
 *   value is the variable of its own name (`{ domain: n.id("domain") }`) is written
 *   `inherit domain;`, as Nix authors write it (several: one sorted `inherit a b c;`, first
 *   in the set; the same meaning, since `toNix` sets are never `rec`).
 *
 * Works iteratively: nesting depth is bounded by memory, not the call stack.
 *
 * Throws {@link NixValueError} naming the JS path of the first value Nix cannot represent
 * (`$.services.web.ports[2]`, `$["odd key"]`): bigints beyond 64 bits, NaN, ±Infinity,
 * subnormal floats, NUL or lone surrogates in strings and keys, functions, symbols,
 * class instances (Date, Map, RegExp …), sparse-array holes, cycles, and `undefined` at the
 * top or in arrays.
 *
 * @example print(toNix({ services: { immich: { enable: true, port: 2283 } } }))
 * // { services.immich = { enable = true; port = 2283; }; } (layout by `print`)
 * @example toNix([1, 2.5, 2n ** 62n, "x", null]) // a list of int, float, int, string, null
 * @example print(toNix({ domain: n.id("domain"), port: 80 })) // { inherit domain; port = 80; } (laid out)
 */
export function toNix(value: unknown, options: ToNixOptions = {}): NixExpr {
  return new Converter(options).run(value);
}
