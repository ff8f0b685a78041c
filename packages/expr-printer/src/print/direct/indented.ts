import type { NixIndentedString, NixString } from "../../ast/index.ts";
import { newline, putText, type LayoutState } from "../../doc/index.ts";
import { encodeIndented, isVerbatimIndented, type IndentedEncoding } from "../../lexical/index.ts";
import { stringPartProblem } from "../strings.ts";

/*
 * Multi-line `''…''` strings without interpolation, written by the direct emitter after their
 * opening `''` (a binding's value, a list item), as `indented` in `strings.ts` lays them out.
 */

/**
 * The lines of a `''` string after its opening `''` (written at `level`) and its closing
 * `''`: content one level deeper, blank lines bare, as `strings.ts` lays them out.
 */
export function indentedBody(st: LayoutState, e: NixString | NixIndentedString, level: number): void {
  const text = e.parts[0];
  if (e.parts.length === 1 && typeof text === "string" && isVerbatimIndented(text)) {
    verbatimBody(st, text, level);
    return;
  }
  let encoding: IndentedEncoding;
  try {
    encoding = encodeIndented(e.parts);
  } catch (error) {
    return stringPartProblem(e, error);
  }
  let breaks = 1;
  const { lines } = encoding;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) breaks++;
    const chunks = lines[i] as IndentedEncoding["lines"][number];
    if (chunks.length === 0) continue;
    newline(st, breaks);
    breaks = 0;
    let text = "";
    for (const chunk of chunks) text += (chunk as { readonly text: string }).text;
    // The column after a content line only matters until the next line break, which
    // always follows (or the closing `''`, then `;` and a line break): no need to measure.
    if (text !== "") putText(st, level + 1, 0, text, text.length);
  }
  if (encoding.closeOnOwnLine) breaks++;
  if (breaks > 0) newline(st, breaks);
  putText(st, level, 0, "''", 2);
}

/**
 * {@link indentedBody} for text whose encoding is its own lines (`isVerbatimIndented`): the
 * lines are written straight from the text, with the same line breaks.
 */
function verbatimBody(st: LayoutState, text: string, level: number): void {
  const { out } = st;
  let breaks = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    if (stop > start) {
      newline(st, breaks);
      breaks = 0;
      putText(st, level + 1, 0, "", 0);
      out.writeRange(text, start, stop);
      st.cc = stop - start;
    }
    if (end === -1) break;
    breaks++;
    start = end + 1;
  }
  // A text ending in a line break closes on its own line: that break is already counted.
  if (breaks > 0) newline(st, breaks);
  putText(st, level, 0, "''", 2);
}
