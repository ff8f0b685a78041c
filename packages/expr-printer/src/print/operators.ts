import type { NixHasAttr, NixSelect, NixUnary } from "../ast/index.ts";
import { concat, hardspace, nest, softBreak, softline, softSpace, type Doc } from "../doc/index.ts";
import { Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { nameChildren, pathDoc } from "./names.ts";
import {
  parenAsArgument,
  parenAsHasAttrOperand,
  parenAsNegateOperand,
  parenAsNotOperand,
  parenAsSelectBase,
} from "./precedence.ts";

/**
 * `e.a.b` and `e.a.b or d`. The base is an atom (parenthesised otherwise); after a
 * parenthesised or literal base the `.a` may move to the next line, after a variable never.
 */
export const selectHandler: Handler<NixSelect> = {
  children: (node, ctx, out) => {
    out.add(node.expr, parenAsSelectBase(node.expr) ? Ctx.Paren : ctx & Ctx.Commented);
    nameChildren(node.path, out);
    if (node.default !== undefined) out.add(node.default, parenAsArgument(node.default) ? Ctx.Paren : Ctx.None);
  },
  build: (node, _ctx, docs, base) => {
    const cursor = { i: base + 1 };
    const path = pathDoc(node.path, node, ".path", docs, cursor);
    const baseDoc = docs[base] as Doc;
    const parens = parenAsSelectBase(node.expr);
    // nixfmt: after a token (a variable, `true`, `<path>`) never a break; after parentheses a
    // soft one; after anything else (a string, a set, a list) a break when the group breaks.
    const kind = node.expr.kind;
    const plain = !parens && (kind === "ident" || kind === "bool" || kind === "null" || kind === "searchPath");
    const parts: Doc[] = [baseDoc];
    if (!plain) parts.push(parens ? softBreak : softline);
    parts.push(".", path);
    if (node.default !== undefined) {
      parts.push(softSpace, nest(concat(["or", hardspace, docs[cursor.i] as Doc])));
    }
    return concat(parts);
  },
};

/** `e ? a.b` */
export const hasAttrHandler: Handler<NixHasAttr> = {
  children: (node, ctx, out) => {
    out.add(node.expr, parenAsHasAttrOperand(node.expr) ? Ctx.Paren : ctx & Ctx.Commented);
    nameChildren(node.path, out);
  },
  build: (node, _ctx, docs, base) => {
    const path = pathDoc(node.path, node, ".path", docs, { i: base + 1 });
    return concat([docs[base] as Doc, softSpace, "?", hardspace, path]);
  },
};

function unaryParens(node: NixUnary): boolean {
  return node.op === "-" ? parenAsNegateOperand(node.expr) : parenAsNotOperand(node.expr);
}

/** `-e` and `!e`. */
export const unaryHandler: Handler<NixUnary> = {
  children: (node, _ctx, out) => out.add(node.expr, unaryParens(node) ? Ctx.Paren : Ctx.None),
  build: (node, _ctx, docs, base) => concat([node.op, docs[base] as Doc]),
};
