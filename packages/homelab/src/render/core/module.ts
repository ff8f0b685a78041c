import { n, type NixBinding, type NixExpr, type NixFile } from "@nixjs/expr-printer";
import { freeVariables } from "./free-vars.ts";
import { HOST_CONFIG } from "./guest-config.ts";

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A NixOS module function: the body, behind a head that lists exactly the arguments the body
 * uses (`{ config, domain, ... }:`), sorted; no head when it uses none.
 * @example moduleFunction(n.attrs([n.bind("x", n.select("config.y"))])) // { config, ... }: { … }
 */
function moduleFunction(body: NixExpr): NixExpr {
  const formals = [...freeVariables(body)].sort(byCodeUnit);
  return formals.length === 0 ? body : n.fn({ formals, ellipsis: true }, body);
}

/** A rendered module before its head: the body, `let` bindings, and the `hostConfig` need. */
export interface FileBody {
  readonly body: NixExpr;
  /** `let` bindings above the body (`cfg = …;`). */
  readonly bindings?: readonly NixBinding[];
  /** Bind `hostConfig = config;`: a guest module function shadows the host's `config`. */
  readonly usesHostConfig?: boolean;
}

/**
 * A whole module file: header line, function head, `let` (with `hostConfig = config;` when a
 * guest config needs the host's), body.
 */
export function moduleFile(header: string, file: FileBody): NixFile {
  const bindings = [
    ...(file.bindings ?? []),
    ...(file.usesHostConfig === true ? [n.bind(HOST_CONFIG, n.id("config"))] : []),
  ];
  const body = bindings.length === 0 ? file.body : n.let(bindings, file.body);
  return n.file(header, moduleFunction(body));
}
