import { DocNode, Flag, Tag, type Thunk } from "./types.ts";

/**
 * A doc that always breaks, built only when the layout engine reaches it. Its metrics are
 * given up front: it is hard (never flat), `head` wide up to its first line break and `tail`
 * wide after its last one — all the engine needs to lay out what surrounds it.
 *
 * This keeps doc nodes short-lived: a multi-line set or list becomes a doc just before it is
 * printed and garbage just after, instead of the whole document living until the end. The
 * printer uses it for the collections nixfmt always expands.
 * @example lazy({ force: () => concat(["{", nest(concat([hardline, "a = 1;", hardline, "b = 2;"])), hardline, "}"]) }, 1, 1)
 */
export function lazy(thunk: Thunk, head: number, tail: number): DocNode {
  return new DocNode(Tag.Lazy, thunk, head + tail, head, tail, Flag.Hard | Flag.Breakable);
}
