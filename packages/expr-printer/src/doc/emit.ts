import { DocNode, Flag, Tag, type Emitter } from "./types.ts";

/**
 * A doc that always breaks and whose text an {@link Emitter} writes straight into the output
 * when the engine reaches it, instead of building docs for it. Like a lazy doc, its metrics
 * are given up front: it is hard (never flat), `head` wide up to its first line break and
 * `tail` wide after its last one — all the engine needs to lay out what surrounds it.
 *
 * The printer uses it for the sets and lists nixfmt always expands, whose layout is mostly
 * forced (one entry per line): writing them directly is several times faster than building
 * and laying out their docs. An emitter hands what it does not handle itself back to the
 * engine as docs.
 * @example emitted({ emit: (st, level) => putText(st, level, 0, "{ }", 3) }, 3, 3)
 */
export function emitted(emitter: Emitter, head: number, tail: number): DocNode {
  return new DocNode(Tag.Emit, emitter, head + tail, head, tail, Flag.Hard | Flag.Breakable);
}
