import { textWidth } from "./text.ts";
import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * Text printed exactly as given, line breaks included, without re-indenting its later
 * lines (for unchecked raw source, which may hold a multi-line string). Text without a
 * line break is an ordinary text doc.
 * @example verbatim("''\n  raw\n''")
 */
export function verbatim(s: string): Doc {
  const first = s.indexOf("\n");
  if (first === -1) {
    const w = textWidth(s);
    return w === s.length ? s : new DocNode(Tag.Text, s, w, w, w, 0);
  }
  const last = s.lastIndexOf("\n");
  const head = textWidth(s.slice(0, first));
  const tail = textWidth(s.slice(last + 1));
  return new DocNode(Tag.Verbatim, s, head + tail, head, tail, Flag.Hard | Flag.Breakable);
}
