import type { NixNode } from "../src/ast/index.ts";
import { NODE_BRAND, node } from "../src/build/node.ts";

/**
 * A deep copy of a tree made of fresh objects (nodes re-branded, everything frozen), so a
 * test can check that printing depends on the tree's content, not on object identity.
 * @example expect(print(cloneTree(t))).toBe(print(t))
 */
export function cloneTree<T extends NixNode>(tree: T): T {
  return copy(tree) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(copy));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  const branded = (value as { [NODE_BRAND]?: boolean })[NODE_BRAND] === true;
  return branded ? node(out as unknown as NixNode) : Object.freeze(out);
}
