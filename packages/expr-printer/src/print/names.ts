import type { NixAttrName, NixAttrPath } from "../ast/index.ts";
import { concat, text, type Doc } from "../doc/index.ts";
import { formatAttrName, isIdentifier } from "../lexical/index.ts";
import { Ctx } from "./context.ts";
import type { ChildSink } from "./driver.ts";
import { problem } from "./problem.ts";
import { interpolation } from "./strings.ts";

/**
 * String nodes of either kind print as `"…"` names: Nix reads `"lit"` as a static name, but
 * `${''lit''}` as dynamic as soon as the indented string has an escape.
 */
function isStringNode(name: NixAttrName): boolean {
  return typeof name !== "string" && (name.kind === "string" || name.kind === "indentedString");
}

/** Cursor into the children's docs, shared by the helpers that consume them in order. */
export interface DocCursor {
  i: number;
}

/** Lists the dynamic names of an attribute path as children: `"${host}.conf"`, `${e}`. */
export function nameChildren(path: NixAttrPath, out: ChildSink): void {
  for (const name of path) {
    if (typeof name !== "string") out.add(name, isStringNode(name) ? Ctx.Quoted : Ctx.None);
  }
}

/**
 * One static attribute name: bare when it is an identifier, else quoted and escaped.
 * `cache` (per print) remembers formatted names: configurations repeat `enable`, `port` …
 */
export function staticNameDoc(name: string, at: object, suffix: string, cache?: Map<string, Doc>): Doc {
  const known = cache?.get(name);
  if (known !== undefined) return known;
  let doc: Doc;
  if (isIdentifier(name)) doc = name;
  else {
    try {
      doc = text(formatAttrName(name));
    } catch (error) {
      if (error instanceof RangeError) problem(at, suffix, `attribute name ${error.message}`);
      throw error;
    }
  }
  cache?.set(name, doc);
  return doc;
}

/**
 * An attribute path `a.b."c d".${e}` from its names and the docs of its dynamic names
 * (consumed from `docs` at `cursor`). A string node (of either kind) is a `"…"` literal,
 * any other expression `${expr}`.
 */
export function pathDoc(
  path: NixAttrPath,
  at: object,
  suffix: string,
  docs: readonly Doc[],
  cursor: DocCursor,
  cache?: Map<string, Doc>,
): Doc {
  if (path.length === 0) problem(at, suffix, "an attribute path needs at least one name");
  if (path.length === 1 && typeof path[0] === "string") return staticNameDoc(path[0], at, `${suffix}[0]`, cache);
  const parts: Doc[] = [];
  path.forEach((name: NixAttrName, k) => {
    if (k > 0) parts.push(".");
    if (typeof name === "string") {
      parts.push(staticNameDoc(name, at, `${suffix}[${k}]`, cache));
      return;
    }
    const doc = docs[cursor.i++] as Doc;
    parts.push(isStringNode(name) ? doc : interpolation(name, doc));
  });
  return concat(parts);
}
