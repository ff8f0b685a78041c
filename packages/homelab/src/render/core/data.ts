import { isNixExpr, mapExpr, n, NixValueError, toNix, type NixExpr } from "@nixjs/expr-printer";
import { isHostRef, isPublicValue, isSecret } from "../../model/brand.ts";
import type { HostRef } from "../../model/index.ts";
import { isPlainObject } from "../../config/plain.ts";
import { AttrTree } from "./tree.ts";

/** How values that stand for Nix references are written where the data lands. */
export interface DataContext {
  /**
   * The name the HOST's configuration has in scope: `config` in a host module and in a guest
   * configuration written as a plain set, `hostConfig` inside a guest module function (whose
   * own `config` argument shadows the host's).
   */
  readonly hostConfig: string;
  /** Model path of the data, for error messages: `containers.immich.config`. */
  readonly path: string;
}

/** `config.containers.authelia.localAddress`, from the host's configuration. */
export function hostRefExpr(ref: HostRef, hostConfig: string): NixExpr {
  return n.select(n.id(hostConfig), ref.path);
}

/**
 * `expr` with every host reference in it (itself included) reaching the host's configuration
 * under the name `hostConfig`: unchanged where that name is `config`.
 * @example withHostRefs(n.str`http://${containerRef("a").localAddress}`, "hostConfig")
 */
export function withHostRefs(expr: NixExpr, hostConfig: string): NixExpr {
  if (hostConfig === "config") return expr;
  return mapExpr(expr, (e) => (isHostRef(e) ? hostRefExpr(e, hostConfig) : undefined));
}

/**
 * Converts user data (plain JS with AST nodes, secrets, host references and {@link AttrTree}s
 * nested anywhere)
 * to a Nix expression. Objects keep their key order (callers sort or merge first); chains of
 * single-key objects collapse into attribute paths. A secret becomes its `path`
 * (`config.age.secrets.<name>.path`, the `config` in scope where it lands), a host reference
 * `<hostConfig>.<path>`.
 * @example dataToNix({ networking: { firewall: { enable: false } } }, ctx)
 * // { networking.firewall.enable = false; }
 */
export function dataToNix(value: unknown, ctx: DataContext): NixExpr {
  return convert(value, ctx.path, ctx);
}

/** Like {@link dataToNix} for an object, as a tree the caller can add to. */
export function dataToTree(
  value: { readonly [key: string]: unknown },
  ctx: DataContext,
): AttrTree {
  return toTree(value, ctx.path, ctx);
}

function toTree(value: { readonly [key: string]: unknown }, path: string, ctx: DataContext): AttrTree {
  const tree = new AttrTree();
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const at = `${path}.${key}`;
    const sub = v instanceof AttrTree ? v : isPlainObject(v) ? toTree(v, at, ctx) : undefined;
    tree.set([key], sub ?? convert(v, at, ctx));
  }
  return tree;
}

function convert(value: unknown, path: string, ctx: DataContext): NixExpr {
  if (isNixExpr(value)) return withHostRefs(value, ctx.hostConfig);
  if (value instanceof AttrTree) return value.toAttrs();
  if (isSecret(value)) return value.path;
  if (isPublicValue(value)) return toNix(value.value);
  if (Array.isArray(value)) return n.list(value.map((v, i) => convert(v, `${path}[${i}]`, ctx)));
  if (isPlainObject(value)) return toTree(value, path, ctx).toAttrs();
  if (typeof value === "object" && value !== null) {
    const name = (value as object).constructor?.name ?? "object";
    throw new NixValueError(path, `a ${name} cannot be written as Nix (use plain objects, arrays and n.* nodes)`);
  }
  try {
    return toNix(value);
  } catch (error) {
    if (error instanceof NixValueError) throw new NixValueError(path, error.reason);
    throw error;
  }
}
