import type { NixAttrBinding, NixExpr } from "../ast/index.ts";
import { isNixExpr, node } from "../build/node.ts";
import { NixValueError } from "../errors.ts";

/** Options of {@link toNix}. */
export interface ToNixOptions {
  /**
   * Converts values `toNix` does not know itself (class instances, branded references …).
   * Return `undefined` to fall back to the default (an error for unknown objects).
   * @example toNix(cfg, { convert: (v) => (v instanceof Ref ? v.toNix() : undefined) })
   */
  readonly convert?: (value: unknown, path: string) => NixExpr | undefined;
  /**
   * Write chains of single-key objects as attribute paths, as hand-written modules do:
   * `{ networking: { firewall: { enable: true } } }` → `networking.firewall.enable = true;`.
   * Default `true`.
   */
  readonly collapse?: boolean;
}

/**
 * Converts plain JS data to the Nix AST: objects → attribute sets (keys sorted, so the output
 * does not depend on declaration order), arrays → lists, strings, booleans, `null`; integers
 * (safe JS integers and bigints) → Nix integers, other finite numbers → floats; AST nodes are
 * kept as they are, wherever they are nested. `undefined` object members are left out.
 *
 * Throws {@link NixValueError} naming the path of a value Nix cannot represent.
 *
 * @example print(toNix({ services: { immich: { enable: true, port: 2283 } } }))
 */
export function toNix(value: unknown, options: ToNixOptions = {}): NixExpr {
  return convert(value, "$", options);
}

function convert(value: unknown, path: string, options: ToNixOptions): NixExpr {
  if (isNixExpr(value)) return value;
  const custom = options.convert?.(value, path);
  if (custom !== undefined) return custom;
  switch (typeof value) {
    case "string":
      if (value.includes("\0")) throw new NixValueError(path, "a Nix string cannot contain a NUL byte");
      return node({ kind: "string", parts: value === "" ? [] : [value] });
    case "boolean":
      return node({ kind: "bool", value });
    case "bigint":
      return node({ kind: "int", value });
    case "number":
      if (!Number.isFinite(value)) throw new NixValueError(path, `${value} has no Nix literal`);
      if (Number.isSafeInteger(value)) return node({ kind: "int", value: BigInt(value) });
      return node({ kind: "float", value });
    case "object": {
      if (value === null) return node({ kind: "null" });
      if (Array.isArray(value)) {
        return node({ kind: "list", items: value.map((v, i) => convert(v, `${path}[${i}]`, options)) });
      }
      const keys = Object.keys(value).sort();
      const bindings: NixAttrBinding[] = [];
      for (const key of keys) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        bindings.push({ kind: "binding", path: [key], value: convert(v, `${path}.${key}`, options) });
      }
      return node({ kind: "attrs", rec: false, bindings });
    }
    default:
      throw new NixValueError(path, `a ${typeof value} cannot be written as Nix`);
  }
}
