import type { NixBinding, NixExpr, NixListItem } from "../../ast/index.ts";
import { group, type Doc } from "../../doc/index.ts";
import { bindingDocs, rhsCtx } from "../bindings.ts";
import { Ctx } from "../context.ts";
import { childDoc, type HandlerTable, type PrintEnv } from "../driver.ts";
import { leafDoc } from "../leaves.ts";
import { itemCtx } from "../collections.ts";

/**
 * The docs the general printer makes for one entry of an expanded set or list: what the
 * direct emitter hands back to the layout engine for entries it does not write itself.
 * Built exactly as the set and list handlers build them (`bindingChildren` + `bindingDocs`,
 * `listHandler`), so either way the bytes are the same.
 */

/** The doc of binding `b` as a line of an expanded set. */
export function bindingDoc(b: NixBinding, table: HandlerTable, env: PrintEnv): Doc {
  const docs: Doc[] = [];
  if (b.kind === "binding") {
    const { path } = b;
    if (path.length !== 1 || typeof path[0] !== "string") {
      for (const name of path) {
        if (typeof name === "string") continue;
        const quoted = name.kind === "string" || name.kind === "indentedString";
        docs.push(childDoc(name, quoted ? Ctx.Quoted : Ctx.None, table, env));
      }
    }
    docs.push(leafDoc(b.value, env) ?? childDoc(b.value, rhsCtx(b.value), table, env));
  } else if (b.from !== undefined) {
    docs.push(childDoc(b.from, Ctx.Paren, table, env));
  }
  return bindingDocs([b], docs, { i: 0 }, env)[0] as Doc;
}

/** The doc of list element `item` (its value `value`) as a line of an expanded list. */
export function itemDoc(item: NixListItem, value: NixExpr, table: HandlerTable, env: PrintEnv): Doc {
  const leaf = leafDoc(value, env);
  if (leaf !== undefined) return group(leaf);
  return group(childDoc(value, itemCtx(item, value), table, env));
}
