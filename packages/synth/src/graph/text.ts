/**
 * Text in the picture: a fixed metric (every character one cell of a monospace font, 0.6 em
 * wide — DejaVu Sans Mono's and Menlo's advance), so box sizes follow from the label's length
 * alone and the SVG is the same bytes on any machine, without a browser to measure; shortening
 * with an ellipsis past a width; and XML escaping.
 */

/** A font size and weight the picture uses, with its line height. */
export interface TextStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly lineHeight: number;
}

/** A box's first line (the name). */
export const NAME: TextStyle = { size: 13, bold: true, lineHeight: 17 };
/** A box's further lines (what it is, its address, its ports). */
export const DETAIL: TextStyle = { size: 11, bold: false, lineHeight: 14 };
/** A host's name. */
export const HOST_TITLE: TextStyle = { size: 15, bold: true, lineHeight: 20 };

/** The advance of one character, as a fraction of the font size. */
const ADVANCE = 0.6;

/**
 * The width of `text` in `style`: one cell per code point.
 * @example textWidth("jellyfin", NAME) // 62.4
 */
export function textWidth(text: string, style: TextStyle): number {
  return [...text].length * style.size * ADVANCE;
}

/**
 * `text`, cut to at most `max` characters with a trailing `…` when longer (whole code points).
 * @example shorten("immich-machine-learning", 12) // "immich-mach…"
 */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Text or an attribute value made safe for XML.
 * @example escapeXml('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * A coordinate as the SVG writes it: rounded to a tenth, no trailing zeros, never `-0`.
 * @example num(12.345) // "12.3"
 */
export function num(value: number): string {
  const r = Math.round(value * 10) / 10;
  return String(r === 0 ? 0 : r);
}
