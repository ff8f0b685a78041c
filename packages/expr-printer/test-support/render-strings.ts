import type { NixExpr } from "../src/ast/index.ts";
import type { EncodedChunk, IndentedEncoding } from "../src/lexical/index.ts";

/** How a test writes an interpolated expression (`${…}` is added around it). */
export type ExprSource = (expr: NixExpr) => string;

function chunkSource(chunk: EncodedChunk, expr: ExprSource): string {
  return "text" in chunk ? chunk.text : `\${${expr(chunk.expr)}}`;
}

/**
 * Writes an {@link IndentedEncoding} the way its contract tells the printer to: `''`, LF,
 * each line at `indent` spaces (empty lines bare), then the closing `''` on its own line at
 * `closeIndent` spaces, or right after the last line.
 * @example renderIndented(encodeIndented(["a\n"]), 2, 0, String) // "''\n  a\n''"
 */
export function renderIndented(
  encoding: IndentedEncoding,
  indent: number,
  closeIndent: number,
  expr: ExprSource,
): string {
  const pad = " ".repeat(indent);
  const body = encoding.lines
    .map((line) => (line.length === 0 ? "" : pad + line.map((c) => chunkSource(c, expr)).join("")))
    .join("\n");
  const close = encoding.closeOnOwnLine ? `\n${" ".repeat(closeIndent)}''` : "''";
  return `''\n${body}${close}`;
}

/** Writes the chunks of `encodeDoubleQuoted` as a `"…"` literal. */
export function renderDoubleQuoted(chunks: readonly EncodedChunk[], expr: ExprSource): string {
  return `"${chunks.map((c) => chunkSource(c, expr)).join("")}"`;
}
