/**
 * The one walk over a `config` value (plain data with AST nodes, secrets and host references
 * anywhere). Checking user input, scanning for secrets and references, finding literal secrets:
 * each is a visitor of this walk, so they agree on what a config holds and where.
 */
import { isNixExpr, type NixExpr } from "@nixjs/expr-printer";
import type { ModelPath } from "../diagnostics/path.ts";
import { isPublicValue, isSecret } from "../model/brand.ts";
import type { PublicValue } from "../model/public.ts";
import type { Secret } from "../model/secret.ts";
import { isPlainObject } from "./plain.ts";

/** A value a config cannot hold, and why (for the input check's message). */
export type InvalidKind = "undefined-in-list" | "hole" | "function" | "symbol" | "cycle" | "file" | "not-plain";

/** What a walk is told about; every callback is optional. */
export interface ConfigVisitor {
  /** A secret (it stands for its path). */
  secret?(secret: Secret, path: ModelPath): void;
  /** A literal the user declared public (`publicValue`): it stands for its value. */
  publicValue?(value: PublicValue, path: ModelPath): void;
  /** An AST node, host references included; its inside is the visitor's business. */
  expr?(expr: NixExpr, path: ModelPath): void;
  /** A string, number, bigint, boolean or `null`; `key` is the name it is bound to (or its list index). */
  scalar?(value: string | number | bigint | boolean | null, path: ModelPath): void;
  /** An attribute name; return `false` to skip its value. */
  key?(key: string, path: ModelPath): boolean | void;
  /** Something Nix cannot hold. */
  invalid?(value: unknown, path: ModelPath, kind: InvalidKind): void;
}

/**
 * Walks `value`, calling the visitor for every leaf, in key order as given; `undefined`
 * members of objects are skipped (they are left out). Recursive in the depth of the data.
 * @example walkConfig(config, { secret: (s, path) => found.push(s.name) })
 */
export function walkConfig(value: unknown, visitor: ConfigVisitor, base: ModelPath = []): void {
  const onPath = new Set<object>();
  const walk = (v: unknown, path: ModelPath, inList: boolean): void => {
    if (isSecret(v)) return visitor.secret?.(v, path);
    if (isPublicValue(v)) return visitor.publicValue?.(v, path);
    if (isNixExpr(v)) return visitor.expr?.(v, path);
    switch (typeof v) {
      case "string":
      case "number":
      case "bigint":
      case "boolean":
        return visitor.scalar?.(v, path);
      case "undefined":
        if (inList) visitor.invalid?.(v, path, "undefined-in-list");
        return;
      case "function":
        return visitor.invalid?.(v, path, "function");
      case "symbol":
        return visitor.invalid?.(v, path, "symbol");
      case "object": {
        if (v === null) return visitor.scalar?.(null, path);
        if (onPath.has(v)) return visitor.invalid?.(v, path, "cycle");
        if ((v as { kind?: unknown }).kind === "file" && Object.isFrozen(v)) return visitor.invalid?.(v, path, "file");
        if (!Array.isArray(v) && !isPlainObject(v)) return visitor.invalid?.(v, path, "not-plain");
        onPath.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (i in v) walk(v[i], [...path, i], true);
            else visitor.invalid?.(undefined, [...path, i], "hole");
          }
        } else {
          for (const key of Object.keys(v)) {
            const at = [...path, key];
            if (visitor.key?.(key, at) === false) continue;
            walk((v as Record<string, unknown>)[key], at, false);
          }
        }
        onPath.delete(v);
        return;
      }
    }
  };
  walk(value, base, false);
}
