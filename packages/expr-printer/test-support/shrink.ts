import type { NixNode } from "../src/ast/index.ts";
import { NODE_BRAND, node } from "../src/build/node.ts";

/**
 * Smaller variants of a syntax tree, for shrinking a counterexample found by a batch check
 * (fast-check's own shrinking would run the check once per candidate; these are checked a
 * whole step at a time). Generic over the tree's shape: any node may be replaced by one of
 * its sub-expressions or by the variable `x`, any array loses one element. Variants may be
 * invalid (a name defined twice): the caller drops those the printer refuses.
 */

type Value = unknown;

function isNode(value: Value): value is Record<string, Value> {
  return typeof value === "object" && value !== null && (value as { [NODE_BRAND]?: boolean })[NODE_BRAND] === true;
}

function rebuild(original: Record<string, Value>, key: string, replacement: Value): Record<string, Value> {
  const out: Record<string, Value> = { ...original, [key]: replacement };
  return isNode(original) ? (node(out as never) as Record<string, Value>) : Object.freeze(out);
}

/** The expression nodes directly below `value` (through bindings, items, formals …). */
function childNodes(value: Value, out: Record<string, Value>[], top = true): void {
  if (typeof value !== "object" || value === null) return;
  if (!top && isNode(value)) {
    out.push(value);
    return;
  }
  const fields = Array.isArray(value) ? value : Object.values(value);
  for (const v of fields) childNodes(v, out, false);
}

/** Arrays that must keep one element (an application's arguments, an attribute path). */
function minLength(parent: Record<string, Value>, key: string): number {
  return (parent["kind"] === "apply" && key === "args") || key === "path" ? 1 : 0;
}

function variants(value: Value, min = 0): Value[] {
  if (typeof value !== "object" || value === null) return [];
  const out: Value[] = [];
  if (Array.isArray(value)) {
    if (value.length > min) {
      value.forEach((_, i) => out.push(Object.freeze(value.filter((__, j) => j !== i))));
    }
    value.forEach((v, i) => {
      for (const w of variants(v)) out.push(Object.freeze(value.map((u, j) => (j === i ? w : u))));
    });
    return out;
  }
  const obj = value as Record<string, Value>;
  if (isNode(obj)) {
    const children: Record<string, Value>[] = [];
    childNodes(obj, children);
    out.push(...children);
    if (!(obj["kind"] === "ident" && obj["name"] === "x")) out.push(node({ kind: "ident", name: "x" }));
  }
  for (const key of Object.keys(obj)) {
    for (const w of variants(obj[key], minLength(obj, key))) out.push(rebuild(obj, key, w));
  }
  return out;
}

/**
 * Every tree one step smaller than `tree`.
 * @example shrinkCandidates(n.list([1, 2])) // [n.list([2]), n.list([1]), 1, 2, n.id("x"), …]
 */
export function shrinkCandidates(tree: NixNode): NixNode[] {
  return variants(tree) as NixNode[];
}
