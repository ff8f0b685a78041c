import { DocNode, Tag, type Doc } from "./types.ts";

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The width of `s` in code points (what nixfmt counts), not UTF-16 units: an astral
 * character such as 😀 is one column, not two.
 * @example textWidth("a😀") // 2
 */
export function textWidth(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) width++;
  }
  return width;
}

/**
 * Text without line breaks. Plain strings are docs already; use this for text of unknown
 * content (user strings, comments) so astral characters are measured correctly.
 * @example concat([text("😀"), " = 1;"])
 */
export function text(s: string): Doc {
  const width = textWidth(s);
  return width === s.length ? s : new DocNode(Tag.Text, s, width, width, width, 0);
}
