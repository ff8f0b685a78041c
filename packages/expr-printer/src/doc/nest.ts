import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * Content one nesting level deeper. As in nixfmt, levels are not columns: a line that
 * starts at a deeper level than the line before it is indented by one step more, however
 * many levels were opened on the line before. So `x = {` opens two levels (the binding's
 * and the set's) but the set's content is indented once, and its `}` lines up with `x`.
 * @example concat(["{", nest(concat([hardline, "a = 1;"])), hardline, "}"])
 */
export function nest(content: Doc): DocNode {
  if (typeof content === "string") {
    const w = content.length;
    return new DocNode(Tag.Nest, content, w, w, w, 0);
  }
  const f = content.flags & (Flag.Hard | Flag.Breakable | Flag.HasPriority);
  return new DocNode(Tag.Nest, content, content.width, content.head, content.tail, f);
}
