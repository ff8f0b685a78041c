import type { NixAttrs, NixExpr, NixList, NixListItem, NixTrivia } from "../ast/index.ts";
import { concat, group, hardline, line, nest, type Doc } from "../doc/index.ts";
import { itemLines } from "./comments.ts";
import { Ctx } from "./context.ts";
import { bindingChildren, bindingDocs, hasTrivia } from "./bindings.ts";
import { hasDistinctNames } from "../build/nodes.ts";
import { checkBindings } from "./duplicates.ts";
import { fastBindingLines } from "./fast-bindings.ts";
import { leafDoc } from "./leaves.ts";
import type { Handler } from "./driver.ts";
import { parenAsArgument } from "./precedence.ts";

/**
 * `{ … }` and `rec { … }`: empty `{ }`; two or more bindings (or a `Wide` context, such
 * as a binding's value) one per line; a single binding stays on one line when the group the
 * set is in does.
 */
export const attrsHandler: Handler<NixAttrs> = {
  children: (node, _ctx, out, env) => {
    // A set of leaf bindings needs no children: its lines are ready for `build`, which the
    // driver calls right after (no frame runs in between).
    const lines = node.bindings.length > 0 ? fastBindingLines(node, env) : undefined;
    if (lines !== undefined) env.ready = { node, lines };
    else bindingChildren(node.bindings, out, env);
  },
  build: (node, ctx, docs, base, env) => {
    const open = node.rec ? "rec {" : "{";
    // nixfmt: an empty set whose `{` carries comments (a file's header) is no token `{ }`
    // but a set whose line break is that of the group it is in.
    if (node.bindings.length === 0) return !node.rec && (ctx & Ctx.Commented) !== 0 ? concat(["{", line, "}"]) : `${open} }`;
    let items: Doc[];
    if (env.ready?.node === node) {
      items = env.ready.lines;
      env.ready = undefined;
    } else {
      if (!hasDistinctNames(node)) checkBindings(node.bindings, false, node.rec);
      items = bindingDocs(node.bindings, docs, { i: base }, env);
    }
    const body = itemLines(items, hasTrivia(node.bindings) ? node.bindings : null, hardline);
    if ((ctx & Ctx.Wide) !== 0 || items.length > 1) return concat([open, hardline, nest(body), hardline, "}"]);
    // Not a group of its own (nixfmt): its line breaks are those of the group it is in.
    return concat([open, line, nest(body), line, "}"]);
  },
};

function itemValue(item: NixListItem): NixExpr {
  return item.kind === "commented" ? item.value : item;
}

/**
 * The context of a list item's value: parenthesised as needed; comments on its first token.
 * @example out.add(value, itemCtx(item, value))
 */
export function itemCtx(item: NixListItem, value: NixExpr): number {
  if (parenAsArgument(value)) return Ctx.Paren;
  return item.kind === "commented" && item.comments !== undefined && item.comments.length > 0 ? Ctx.Commented : Ctx.None;
}

/**
 * `[ … ]`: empty `[ ]`; two or more items one per line, a single item may stay inline;
 * in the `Inline` context (a short list of simple function arguments) items are separated
 * by `line`, so the list stays on one line when it fits.
 */
export const listHandler: Handler<NixList> = {
  children: (node, _ctx, out, env) => {
    const { items } = node;
    for (let i = 0; i < items.length; i++) {
      const value = itemValue(items[i] as NixListItem);
      const leaf = leafDoc(value, env);
      if (leaf !== undefined) out.addDoc(leaf);
      else out.add(value, itemCtx(items[i] as NixListItem, value));
    }
  },
  build: (node, ctx, docs, base) => {
    const n = node.items.length;
    // A list is a group of its own in nixfmt, even `[ ]` (see `asGroup` in strings.ts).
    if (n === 0) return group("[ ]");
    const items: Doc[] = [];
    for (let i = 0; i < n; i++) items.push(group(docs[base + i] as Doc));
    let trivia: (NixTrivia | undefined)[] | null = null;
    for (let i = 0; i < n; i++) {
      const item = node.items[i] as NixListItem;
      if (item.kind === "commented") {
        trivia ??= new Array<NixTrivia | undefined>(n).fill(undefined);
        trivia[i] = item;
      }
    }
    // A short list of simple arguments is bare: the priority group of its argument position
    // is its group (nixfmt `absorbInner`).
    if ((ctx & Ctx.Inline) !== 0) return concat(["[", line, nest(itemLines(items, trivia, line)), line, "]"]);
    if (n === 1) return group(concat(["[", line, nest(itemLines(items, trivia, line)), line, "]"]));
    return concat(["[", hardline, nest(itemLines(items, trivia, hardline)), hardline, "]"]);
  },
};
