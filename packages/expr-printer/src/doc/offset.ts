import { DocNode, Flag, OFFSET_SHIFT, Tag, type Doc } from "./types.ts";

/**
 * Content whose lines, where they start with its text, are indented `columns` more than
 * their nesting level says (nixfmt's `offset`), without changing the levels: the code of an
 * interpolation broken over lines follows the indentation its string line has in the string.
 * @example concat(["  ", offset(2, group(concat(["${", nest(concat([softline, e, softline])), "}"]))))
 */
export function offset(columns: number, content: Doc): Doc {
  if (columns === 0 || typeof content === "string") return content;
  const f = content.flags & (Flag.Hard | Flag.Breakable | Flag.HasPriority);
  return new DocNode(Tag.Offset, content, content.width, content.head, content.tail, f | (columns << OFFSET_SHIFT));
}

/**
 * The engine's marker that ends an offset of `columns` (see `layout.ts`).
 * @example st.push(offsetEnd(2), level, flat)
 */
export function offsetEnd(columns: number): DocNode {
  return new DocNode(Tag.Offset, null, 0, 0, 0, columns << OFFSET_SHIFT);
}
