import type { NixAttrName, NixBinding, NixExpr, NixParam } from "@nixjs/expr-printer";
import { isFleetRef } from "../../model/fleet-refs.ts";

/**
 * Names every Nix file can use without binding them: the global builtins. A module's function
 * head never lists them.
 */
const NIX_GLOBALS: ReadonlySet<string> = new Set([
  "abort",
  "baseNameOf",
  "break",
  "builtins",
  "derivation",
  "derivationStrict",
  "dirOf",
  "false",
  "fetchGit",
  "fetchMercurial",
  "fetchTarball",
  "fetchTree",
  "fetchurl",
  "fromTOML",
  "import",
  "isNull",
  "map",
  "null",
  "placeholder",
  "removeAttrs",
  "scopedImport",
  "throw",
  "toString",
  "true",
]);

/**
 * The module arguments NixOS (and our flake's `specialArgs`) pass. Under a `with`, and in raw
 * text we cannot parse, only these are taken to be free: anything else may come from the
 * `with` scope.
 */
const MODULE_ARGS: ReadonlySet<string> = new Set([
  "config",
  "domain",
  "inputs",
  "lib",
  "modulesPath",
  "options",
  "pkgs",
  "specialArgs",
  "utils",
]);

type Scope = ReadonlySet<string>;

interface Walk {
  readonly free: Set<string>;
}

function extend(scope: Scope, names: Iterable<string>): Scope {
  const next = new Set(scope);
  for (const name of names) next.add(name);
  return next;
}

function use(walk: Walk, scope: Scope, name: string, underWith: boolean): void {
  if (scope.has(name)) return;
  if (underWith && !MODULE_ARGS.has(name)) return;
  walk.free.add(name);
}

/** The names a set of bindings introduces (for `let` and `rec`): first static path names. */
function boundNames(bindings: readonly NixBinding[]): string[] {
  const names: string[] = [];
  for (const b of bindings) {
    if (b.kind === "inherit") {
      for (const name of b.names) if (typeof name === "string") names.push(name);
    } else if (typeof b.path[0] === "string") {
      names.push(b.path[0]);
    }
  }
  return names;
}

function attrName(walk: Walk, scope: Scope, name: NixAttrName, underWith: boolean): void {
  if (typeof name !== "string") expr(walk, scope, name, underWith);
}

function bindings(
  walk: Walk,
  outer: Scope,
  inner: Scope,
  list: readonly NixBinding[],
  underWith: boolean,
): void {
  for (const b of list) {
    if (b.kind === "inherit") {
      // `inherit x;` reads `x` from the enclosing scope, even in `let` and `rec`.
      if (b.from !== undefined) expr(walk, inner, b.from, underWith);
      else for (const name of b.names) if (typeof name === "string") use(walk, outer, name, underWith);
      continue;
    }
    for (const name of b.path) attrName(walk, inner, name, underWith);
    expr(walk, inner, b.value, underWith);
  }
}

function paramNames(param: NixParam): string[] {
  if (param.kind === "identParam") return [param.name];
  const names = param.formals.map((f) => f.name);
  if (param.bind !== undefined) names.push(param.bind.name);
  return names;
}

function expr(walk: Walk, scope: Scope, e: NixExpr, underWith: boolean): void {
  switch (e.kind) {
    case "int":
    case "float":
    case "bool":
    case "null":
    case "path":
    case "searchPath":
      return;
    case "string":
    case "indentedString":
      for (const part of e.parts) if (typeof part !== "string") expr(walk, scope, part, underWith);
      return;
    case "ident":
      use(walk, scope, e.name, underWith);
      return;
    case "attrs": {
      const inner = e.rec ? extend(scope, boundNames(e.bindings)) : scope;
      bindings(walk, scope, inner, e.bindings, underWith);
      return;
    }
    case "list":
      for (const item of e.items) {
        expr(walk, scope, item.kind === "commented" ? item.value : item, underWith);
      }
      return;
    case "let": {
      const inner = extend(scope, boundNames(e.bindings));
      bindings(walk, scope, inner, e.bindings, underWith);
      expr(walk, inner, e.body, underWith);
      return;
    }
    case "with":
      expr(walk, scope, e.scope, underWith);
      expr(walk, scope, e.body, true);
      return;
    case "if":
      expr(walk, scope, e.cond, underWith);
      expr(walk, scope, e.then, underWith);
      expr(walk, scope, e.else, underWith);
      return;
    case "assert":
      expr(walk, scope, e.cond, underWith);
      expr(walk, scope, e.body, underWith);
      return;
    case "lambda": {
      const inner = extend(scope, paramNames(e.param));
      if (e.param.kind === "formals") {
        for (const f of e.param.formals) if (f.default !== undefined) expr(walk, inner, f.default, underWith);
      }
      expr(walk, inner, e.body, underWith);
      return;
    }
    case "apply":
      expr(walk, scope, e.fn, underWith);
      for (const arg of e.args) expr(walk, scope, arg, underWith);
      return;
    case "select":
      // A fleet reference (`hostRef("nas").address`) means the module argument `fleet` even under a `with`.
      if (isFleetRef(e)) use(walk, scope, "fleet", false);
      expr(walk, scope, e.expr, underWith);
      for (const name of e.path) attrName(walk, scope, name, underWith);
      if (e.default !== undefined) expr(walk, scope, e.default, underWith);
      return;
    case "hasAttr":
      expr(walk, scope, e.expr, underWith);
      for (const name of e.path) attrName(walk, scope, name, underWith);
      return;
    case "unary":
      expr(walk, scope, e.expr, underWith);
      return;
    case "binary":
      expr(walk, scope, e.left, underWith);
      expr(walk, scope, e.right, underWith);
      return;
    case "raw":
      // Unparsed text: only the well-known module arguments can be recognised in it.
      for (const match of e.text.matchAll(/(?<![\w.'-])([A-Za-z_][\w'-]*)/g)) {
        const name = match[1] as string;
        if (MODULE_ARGS.has(name)) use(walk, scope, name, false);
      }
      return;
    default: {
      const never: never = e;
      throw new Error(`free variables: unknown node ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The variables `e` uses without binding them, Nix's global builtins excluded: what a module
 * file's function head must list.
 * @example freeVariables(n.select("config.age.secrets.x.path")) // Set { "config" }
 */
export function freeVariables(e: NixExpr): ReadonlySet<string> {
  const walk: Walk = { free: new Set() };
  expr(walk, new Set(), e, false);
  for (const name of NIX_GLOBALS) walk.free.delete(name);
  return walk.free;
}
