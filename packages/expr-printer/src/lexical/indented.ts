import type { NixStringPart } from "../ast/index.ts";
import type { EncodedChunk } from "./strings.ts";

/**
 * The body of an indented string, independent of the indentation it is printed at: the
 * printer writes `''`, a newline, then each line as (indentation + chunks) — an empty line
 * without indentation — joined by newlines; then, if `closeOnOwnLine`, a newline, the
 * indentation of the line that opened the string and `''`, else `''` right after the last
 * line.
 */
export interface IndentedEncoding {
  readonly lines: readonly (readonly EncodedChunk[])[];
  readonly closeOnOwnLine: boolean;
}

/**
 * Encodes string parts as an indented string that reads back exactly (nix-language.md §2.3).
 * @example encodeIndented(["line1\nline2\n"]) // lines [["line1"], ["line2"]], closeOnOwnLine
 */
export function encodeIndented(_parts: readonly NixStringPart[]): IndentedEncoding {
  throw new Error("encodeIndented: not implemented yet");
}

/**
 * Whether a `string` node (printer's choice of form) reads best as an indented string:
 * multi-line text, when the indented form is exact and not uglier than `"…"`.
 */
export function preferIndented(parts: readonly NixStringPart[]): boolean {
  return parts.some((p) => typeof p === "string" && p.includes("\n"));
}
