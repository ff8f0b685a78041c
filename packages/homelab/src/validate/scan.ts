/**
 * One walk over a `config` value collecting what the checks need: secrets it uses (secret
 * values and `config.age.secrets.<name>` selections inside AST nodes), references to the
 * host's configuration, and upper-case keys that name a secret but hold a literal string.
 */
import { isNixExpr, visitExprs, type NixExpr } from "@nixjs/expr-printer";
import { isHostRef, isSecret, type HostRef } from "../model/index.ts";
import { segment } from "./paths.ts";
import { saysSecret } from "./secret-names.ts";

export interface ConfigScan {
  readonly secretUses: readonly { readonly name: string; readonly path: string }[];
  readonly refs: readonly { readonly ref: HostRef; readonly path: string }[];
  readonly literalSecrets: readonly { readonly key: string; readonly path: string }[];
}

const ENV_KEY = /^[A-Z][A-Z0-9_]*$/;

/** The secret name of `config.age.secrets.<name>…`, if `node` is such a selection. */
function selectedSecret(node: NixExpr): string | undefined {
  if (node.kind !== "select") return undefined;
  const { expr, path } = node;
  if (expr.kind !== "ident" || expr.name !== "config") return undefined;
  if (path[0] !== "age" || path[1] !== "secrets" || typeof path[2] !== "string") return undefined;
  return path[2];
}

/** Finds `config.age.secrets.<name>` selections and host references anywhere inside an AST node. */
function scanAst(root: NixExpr, path: string, scan: Scan): void {
  visitExprs(root, (e) => {
    if (isHostRef(e)) {
      scan.refs.push({ ref: e, path });
      return false;
    }
    const name = selectedSecret(e);
    if (name !== undefined) scan.secretUses.push({ name, path });
    return true;
  });
}

/**
 * Scans one config value; `base` is its model path (`containers.immich.config`).
 * @example scanConfig({ a: jwt.path }, "containers.authelia.config").secretUses // [{ name: "authelia_jwtSecret", … }]
 */
export function scanConfig(config: unknown, base: string): ConfigScan {
  if (typeof config === "object" && config !== null && Object.keys(config).length === 0) return EMPTY;
  const scan = { secretUses: [], refs: [], literalSecrets: [] } as { -readonly [K in keyof ConfigScan]: ConfigScan[K][number][] };
  walk(scan, config, base, undefined);
  return scan;
}

const EMPTY: ConfigScan = Object.freeze({ secretUses: [], refs: [], literalSecrets: [] });

type Scan = { secretUses: { name: string; path: string }[]; refs: { ref: HostRef; path: string }[]; literalSecrets: { key: string; path: string }[] };

function walk(
  scan: Scan,
  value: unknown,
  path: string,
  key: string | undefined,
): void {
  if (typeof value === "string") {
    if (key !== undefined && value !== "" && ENV_KEY.test(key) && saysSecret(key)) scan.literalSecrets.push({ key, path });
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (isSecret(value)) scan.secretUses.push({ name: value.name, path });
  else if (isNixExpr(value)) scanAst(value, path, scan);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(scan, v, `${path}[${i}]`, undefined));
  else for (const k of Object.keys(value)) walk(scan, (value as Record<string, unknown>)[k], `${path}${segment(k)}`, k);
}
