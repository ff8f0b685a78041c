import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * Docs one per line: `items` separated by hard line breaks (the body of an expanded set or
 * list). Equivalent to `concat` of the items with `hardline` between them, but the engine
 * prints a run of plain-text items in one loop instead of scheduling two commands per item:
 * most lines of a generated configuration are such text.
 * @example concat(["{", nest(concat([hardline, lines(["a = 1;", "b = 2;"])])), hardline, "}"])
 */
export function lines(items: readonly Doc[]): Doc {
  if (items.length === 1) return items[0] as Doc;
  let width = 0;
  let flags = items.length > 1 ? Flag.Hard | Flag.Breakable : 0;
  let head = 0;
  let tail = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Doc;
    if (typeof item === "string") {
      width += item.length;
      if (i === 0) head = item.length;
      if (i === items.length - 1) tail = item.length;
      continue;
    }
    width += item.width;
    flags |= item.flags & (Flag.Hard | Flag.Breakable | Flag.HasPriority);
    if (i === 0) head = item.head;
    if (i === items.length - 1) tail = item.tail;
  }
  return new DocNode(Tag.Lines, items, width, head, tail, flags);
}
