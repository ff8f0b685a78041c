import type { NixAttrPath, NixAttrs, NixExpr } from "../ast/index.ts";
import { lineColumn } from "./errors.ts";
import type { Parser } from "./parser.ts";

/*
 * Duplicate attributes, checked as Nix 2.8's `addAttr` (parser.y) checks them while it
 * parses a set or `let`: each static name holds either a set or something else. A path walks
 * through sets (made by another path, `a.b = 1;` makes `a`, or a set literal bound to the
 * name); a set literal bound to a name that holds a set merges into it one level deep (their
 * names must be distinct: `a = { b.c = 1; }; a = { b.d = 1; };` is an error, `a.b.c = 1;
 * a.b.d = 1;` is not); anything else defined twice is an error. Dynamic names are not
 * checked (Nix checks them when it evaluates the set).
 *
 * The names of a set literal that is a value are read from its node only when a later
 * binding walks into it or merges with it (`SetDef.sources`): a set's own names were checked
 * when it was parsed, and keeping them all would hold a second copy of every set.
 */

/**
 * Under each name: a set (a set literal not looked into yet is its node), or the offset of
 * another kind of definition.
 */
export type Names = Map<string, SetDef | NixAttrs | number>;

/** A set literal bound to a name, or the rest of a path below a name: `a.b.c = v` below `a`. */
type Source = NixAttrs | { readonly path: NixAttrPath; readonly i: number; readonly value: NixExpr };

interface SetDef {
  /** What defines names of the set not read into `names` yet (already checked). */
  sources: Source[] | null;
  names: Names | null;
  /** Where it was defined (unknown for a set literal looked into late). */
  readonly at: number | undefined;
}

/** The set under `name`, as a `SetDef` (a set literal's node becomes one). */
function setDef(names: Names, name: string, def: SetDef | NixAttrs): SetDef {
  if (!("kind" in def)) return def;
  const made: SetDef = { sources: [def], names: null, at: undefined };
  names.set(name, made);
  return made;
}

/**
 * The names of a set, its sources read in first. Reading a source adds its names one level
 * deep; what lies below them becomes sources of the sets under those names (so nothing here
 * recurses, however deep the sets).
 */
function namesOf(def: SetDef, at: number): Names {
  const names = (def.names ??= new Map());
  const sources = def.sources;
  if (sources === null) return names;
  def.sources = null;
  const where = def.at ?? at;
  for (const source of sources) {
    if ("kind" in source) {
      for (const b of source.bindings) {
        if (b.kind === "binding") addChecked(names, b.path, 0, b.value, where);
        else for (const name of b.names) if (typeof name === "string") names.set(name, where);
      }
    } else addChecked(names, source.path, source.i, source.value, where);
  }
  return names;
}

/** Adds `path[i…] = value` to names known to be free of duplicates (no check). */
function addChecked(names: Names, path: NixAttrPath, i: number, value: NixExpr, at: number): void {
  const name = path[i];
  if (typeof name !== "string") return;
  const last = i === path.length - 1;
  if (last && value.kind !== "attrs") {
    names.set(name, at);
    return;
  }
  const source: Source = last ? (value as NixAttrs) : { path, i: i + 1, value };
  const found = names.get(name);
  if (found === undefined || typeof found === "number") {
    names.set(name, { sources: [source], names: null, at });
    return;
  }
  const def = setDef(names, name, found);
  (def.sources ??= []).push(source);
}

/**
 * Adds a binding to the names of the set being parsed, failing as Nix does when it defines
 * a name twice.
 */
export function addBinding(p: Parser, names: Names, path: NixAttrPath, value: NixExpr, at: number): void {
  let current = names;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const name = path[i];
    if (typeof name !== "string") return; // below a dynamic name, a new set: nothing to check
    const def = current.get(name);
    if (def === undefined) {
      // A new set: the rest of the path cannot clash with anything yet.
      current.set(name, { sources: [{ path, i: i + 1, value }], names: null, at });
      return;
    } else {
      if (typeof def === "number") duplicate(p, path.slice(0, i + 1), def, at);
      current = namesOf(setDef(current, name, def), at);
    }
  }
  const name = path[last];
  if (typeof name !== "string") return;
  const def = current.get(name);
  const isSet = value.kind === "attrs";
  if (def === undefined) {
    current.set(name, isSet ? value : at);
    return;
  }
  if (typeof def === "number" || !isSet) return duplicate(p, path, def, at);
  const into = namesOf(setDef(current, name, def), at);
  for (const [key, inner] of namesOf({ sources: [value], names: null, at }, at)) {
    const existing = into.get(key);
    if (existing !== undefined) duplicate(p, [...path, key], existing, at);
    into.set(key, inner);
  }
}

/** `inherit name;`: the name must not be defined yet. */
export function addInherit(p: Parser, names: Names, name: string, at: number): void {
  const def = names.get(name);
  if (def !== undefined) duplicate(p, [name], def, at);
  names.set(name, at);
}

function duplicate(p: Parser, path: readonly (string | NixExpr)[], first: SetDef | NixAttrs | number, at: number): never {
  const shown = path.map((n) => (typeof n === "string" ? n : "${…}")).join(".");
  const where = typeof first === "number" ? first : "kind" in first ? undefined : first.at;
  const { line, column } = lineColumn(p.lx.src, where ?? at);
  return p.fail(`attribute "${shown}" is already defined${where === undefined ? "" : ` (at ${line}:${column})`}`, at);
}

/** Sets of at most this many one-name bindings are checked by a scan, without a map. */
const SMALL = 16;

/**
 * The names of one set or `let` being parsed. Most sets are a few bindings of one static
 * name each: those are checked by comparing names, and only a set with a path, or more
 * names, gets a map.
 */
export class SetNames {
  private names: Names | null = null;
  /** Until a map is needed: names and their definitions, alternating. */
  private readonly simple: (string | NixAttrs | number)[] = [];

  add(p: Parser, path: NixAttrPath, value: NixExpr, at: number): void {
    if (this.names === null) {
      const name = path[0];
      if (path.length === 1 && typeof name === "string" && this.isNew(name)) {
        this.simple.push(name, value.kind === "attrs" ? value : at);
        return;
      }
      this.names = this.toMap();
    }
    addBinding(p, this.names, path, value, at);
  }

  inherit(p: Parser, name: string, at: number): void {
    if (this.names === null) {
      if (this.isNew(name)) {
        this.simple.push(name, at);
        return;
      }
      this.names = this.toMap();
    }
    addInherit(p, this.names, name, at);
  }

  /** Whether `name` can join the simple names: not there yet, and room left. */
  private isNew(name: string): boolean {
    const simple = this.simple;
    if (simple.length >= 2 * SMALL) return false;
    for (let i = 0; i < simple.length; i += 2) if (simple[i] === name) return false;
    return true;
  }

  private toMap(): Names {
    const names: Names = new Map();
    const simple = this.simple;
    for (let i = 0; i < simple.length; i += 2) names.set(simple[i] as string, simple[i + 1] as NixAttrs | number);
    return names;
  }
}
