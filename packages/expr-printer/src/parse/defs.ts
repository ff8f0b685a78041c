import type { NixAttrPath, NixExpr } from "../ast/index.ts";
import { lineColumn } from "./errors.ts";
import type { Parser } from "./parser.ts";

/**
 * What a set being parsed defines under one static name, as Nix 2.8's `addAttr` (parser.y)
 * tracks it: `map` holds the names of a set, either one made for an attribute path
 * (`a.b = 1;` makes `a`) or a set literal bound to the name (`a = { … };`, whose names are
 * its own `setDefs`); `map` is undefined for any other value, or an `inherit`.
 */
export interface Def {
  readonly map: Map<string, Def> | undefined;
  readonly at: number;
}

/**
 * Adds a binding to the names of a set, failing as Nix does when a name is defined twice:
 * a path may go through a set made by another path or through a set literal, and two set
 * literals (or paths) under one name merge — their names must then be distinct — but any
 * other redefinition is an error. Dynamic names are not checked (Nix checks them when it
 * evaluates the set).
 */
export function addBinding(p: Parser, defs: Map<string, Def>, path: NixAttrPath, value: NixExpr, at: number): void {
  let map: Map<string, Def> | undefined = defs;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const name = path[i];
    if (typeof name !== "string") return; // below a dynamic name, a new set: nothing to check
    const def: Def | undefined = map.get(name);
    if (def === undefined) {
      const nested = new Map<string, Def>();
      map.set(name, { map: nested, at });
      map = nested;
    } else {
      if (def.map === undefined) duplicate(p, path.slice(0, i + 1), def, at);
      map = def.map;
    }
  }
  const name = path[last];
  if (typeof name !== "string") return;
  const def = map.get(name);
  const valueMap = value.kind === "attrs" ? p.setDefs.get(value) : undefined;
  if (def === undefined) {
    map.set(name, { map: valueMap, at });
    return;
  }
  if (def.map === undefined || valueMap === undefined) return duplicate(p, path, def, at);
  for (const [key, inner] of valueMap) {
    const existing = def.map.get(key);
    if (existing !== undefined) duplicate(p, [...path, key], existing, at);
    def.map.set(key, inner);
  }
}

/** `inherit name;`: the name must not be defined yet. */
export function addInherit(p: Parser, defs: Map<string, Def>, name: string, at: number): void {
  const def = defs.get(name);
  if (def !== undefined) duplicate(p, [name], def, at);
  defs.set(name, { map: undefined, at });
}

function duplicate(p: Parser, path: readonly (string | NixExpr)[], first: Def, at: number): never {
  const shown = path.map((n) => (typeof n === "string" ? n : "${…}")).join(".");
  const { line, column } = lineColumn(p.lx.src, first.at);
  return p.fail(`attribute "${shown}" is already defined (at ${line}:${column})`, at);
}

