import type { NixExpr, NixListItem, NixTrivia } from "../ast/index.ts";
import { listNode } from "../build/nodes.ts";
import type { Frame, Parser } from "./parser.ts";
import { selectTail, startSimple, STARTS_SIMPLE } from "./simple.ts";
import { T } from "./tokens.ts";
import { itemTrivia } from "./trivia.ts";

const L = { NEXT: 0, SIMPLE: 1, ITEM: 2 } as const;

/**
 * `[ a b c ]`: elements are selections or simple expressions (`f x` or `-1` need
 * parentheses). Comments on their own lines before an element, and a blank line, become a
 * commented item.
 */
export class ListFrame implements Frame {
  private readonly items: NixListItem[] = [];
  private state: number = L.NEXT;
  private trivia: NixTrivia | undefined;

  resume(p: Parser): void {
    let v = p.value;
    for (;;) {
      if (this.state === L.NEXT) {
        if (p.kind === T.RBRACK) {
          p.advance();
          return p.finish(listNode(Object.freeze(this.items)));
        }
        if (STARTS_SIMPLE[p.kind] !== 1) p.unexpected('a list element or "]" to close the list');
        this.trivia = itemTrivia(p, this.items.length === 0);
        this.state = L.SIMPLE;
        const r = startSimple(p, null);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === L.SIMPLE) {
        this.state = L.ITEM;
        const r = selectTail(p, v);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === L.ITEM) {
        const t = this.trivia;
        this.items.push(t === undefined ? v : Object.freeze({ kind: "commented", value: v as NixExpr, ...t }));
        this.state = L.NEXT;
        continue;
      }
      return;
    }
  }
}
