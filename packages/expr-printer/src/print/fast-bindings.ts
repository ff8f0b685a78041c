import type { NixAttrs, NixBinding } from "../ast/index.ts";
import type { Doc } from "../doc/index.ts";
import type { PrintEnv } from "./driver.ts";
import { leafDoc } from "./leaves.ts";
import { staticNameDoc } from "./names.ts";

/**
 * The lines of a set whose bindings are all `name = leaf;` (one static name, a leaf value,
 * no comments) and fit the width — the bulk of a generated configuration — computed in one
 * pass over the bindings, duplicate names included. Returns `undefined` as soon as one
 * binding is anything else (or a name repeats): the general path then prints the set, and
 * reports what is wrong.
 *
 * One pass matters: a large tree is mostly cache misses, and the general path reads every
 * binding three times (children, duplicates, docs).
 */
export function fastBindingLines(node: NixAttrs, env: PrintEnv): Doc[] | undefined {
  if (node.rec) return undefined;
  const { bindings } = node;
  const n = bindings.length;
  const { width, names } = env;
  const lines: Doc[] = new Array<Doc>(n);
  const seen = n > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < n; i++) {
    const b = bindings[i] as NixBinding;
    if (b.kind !== "binding" || b.comments !== undefined || b.blankLineBefore !== undefined) return undefined;
    const { path } = b;
    const name = path[0];
    if (path.length !== 1 || typeof name !== "string") return undefined;
    if (seen !== undefined) {
      if (seen.has(name)) return undefined;
      seen.add(name);
    } else {
      for (let j = 0; j < i; j++) if ((bindings[j] as { path: readonly unknown[] }).path[0] === name) return undefined;
    }
    const value = leafDoc(b.value, env);
    if (typeof value !== "string") return undefined;
    const key = names.get(name) ?? staticNameDoc(name, b, ".path[0]", names);
    if (typeof key !== "string" || key.length + value.length + 4 > width) return undefined;
    lines[i] = `${key} = ${value};`;
  }
  return lines;
}
