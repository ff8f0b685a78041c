import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * A sequence of docs printed one after the other. Its metrics (flat width, width up to the
 * first and after the last possible line break, flags) are computed here once. Plain text
 * only is joined into one string, and a single part is returned as is: most of a printed
 * tree is text, and fewer nodes mean less garbage to collect.
 * @example concat(["let", nest(concat([hardline, "a = 1;"])), hardline, "in"])
 */
export function concat(parts: readonly Doc[]): Doc {
  if (parts.length === 1) return parts[0] as Doc;
  let allText = true;
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] !== "string") {
      allText = false;
      break;
    }
  }
  if (allText) return (parts as readonly string[]).join("");
  let width = 0;
  let head = 0;
  let tail = 0;
  let flags = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Doc;
    if (typeof part === "string") {
      const w = part.length;
      width += w;
      if ((flags & Flag.Breakable) === 0) head += w;
      tail += w;
      continue;
    }
    const f = part.flags;
    width += part.width;
    if ((f & Flag.Breakable) === 0) {
      if ((flags & Flag.Breakable) === 0) head += part.width;
      tail += part.width;
    } else {
      if ((flags & Flag.Breakable) === 0) head += part.head;
      tail = part.tail;
    }
    flags |= f & (Flag.Hard | Flag.Breakable | Flag.HasPriority);
  }
  return new DocNode(Tag.Concat, parts, width, head, tail, flags);
}
