import type { NixExpr, NixStringPart } from "../ast/index.ts";
import { assertEncodable, mergeTextParts, type EncodedChunk } from "./strings.ts";

/**
 * The body of an indented string, independent of the indentation it is printed at: the
 * printer writes `''`, a newline, then each line as (indentation + chunks) — an empty line
 * without indentation — joined by newlines; then, if `closeOnOwnLine`, a newline, the
 * indentation of the line that opened the string and `''`, else `''` right after the last
 * line.
 *
 * Any indentation works (0 included) as long as every non-empty line gets the same one: the
 * encoding pins Nix's indentation stripping to exactly that many spaces.
 */
export interface IndentedEncoding {
  readonly lines: readonly (readonly EncodedChunk[])[];
  readonly closeOnOwnLine: boolean;
}

/** One line of content: literal text (no LF) and interpolations, in order. */
type Line = readonly NixStringPart[];

/** What the output of a text run is followed by on its line. */
type Follower = "interpolation" | "newline" | "close";

/**
 * Encodes string parts as an indented string that reads back exactly (nix-language.md §2.3):
 * `''` → `'''`; the `$` of `${` and a `$` before an interpolation → `''$`; CR → `''\r`; a lone
 * `'` that would touch a following `'` (an escape or the closing `''`) → `''\'`; if no line
 * starts with a non-space, the first space of the first indented line → `''\ ` (so Nix strips
 * exactly the printer's indentation); a final line of only spaces starts with `''\ ` (Nix
 * would drop it); everything else (TAB, `\`, `"`, `{`, non-ASCII) raw. Content lines are never
 * re-indented: a tab stays a tab, and empty lines carry no spaces.
 *
 * Throws a `RangeError` on NUL or a lone surrogate (check `stringProblem` first).
 * @example encodeIndented(["line1\nline2\n"]) // lines [["line1"], ["line2"]], closeOnOwnLine
 * @example encodeIndented(["  a\n  b"]) // lines [["''\\  a"], ["  b"]] — indentation pinned
 */
export function encodeIndented(parts: readonly NixStringPart[]): IndentedEncoding {
  const lines = splitLines(mergeTextParts(parts));
  // Content ending in LF: the last line is empty and the closing `''` gets its own line,
  // whose indentation Nix drops (final all-space line). Empty content stays one empty line.
  const closeOnOwnLine = lines.length > 1 && lines[lines.length - 1]?.length === 0;
  if (closeOnOwnLine) lines.pop();
  const encoded = lines.map((line, i) =>
    encodeLine(line, i === lines.length - 1 && !closeOnOwnLine ? "close" : "newline"),
  );
  pinIndentation(encoded);
  const last = encoded[encoded.length - 1];
  if (!closeOnOwnLine && last !== undefined && isAllSpaces(last)) escapeFirstSpace(last);
  return { lines: encoded.map(freezeLine), closeOnOwnLine };
}

/** Characters that make some line of an indented string differ from the text. */
const NOT_VERBATIM = /['$\r\0\uD800-\uDFFF]/;

/**
 * Whether {@link encodeIndented} of this one text writes every line exactly as it is: no
 * character to escape, the indentation already pinned by a line that starts with something
 * other than a space, and no final line of spaces only. True for most multi-line text
 * (scripts, config files); a printer may then write the lines of `text` directly, the
 * closing `''` on its own line when `text` ends with a line break.
 * @example isVerbatimIndented("PORT=80\nHOST=::\n") // true
 * @example isVerbatimIndented("  a\n  b\n") // false: the first space must be escaped
 */
export function isVerbatimIndented(text: string): boolean {
  if (NOT_VERBATIM.test(text)) return false;
  let pinned = false;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    if (stop > start && text.charCodeAt(start) !== 0x20) pinned = true;
    if (end === -1) {
      // A last line (not followed by a line break) of spaces only would be dropped by Nix.
      for (let i = start; i < stop; i++) if (text.charCodeAt(i) !== 0x20) return pinned;
      return pinned && stop === start;
    }
    start = end + 1;
  }
}

/** Splits parts at LF into lines of parts; interpolations stay on their line. */
function splitLines(parts: readonly NixStringPart[]): NixStringPart[][] {
  const lines: NixStringPart[][] = [[]];
  for (const part of parts) {
    const current = lines[lines.length - 1] as NixStringPart[];
    if (typeof part !== "string") {
      current.push(part);
      continue;
    }
    assertEncodable(part);
    const pieces = part.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== "") (lines[lines.length - 1] as NixStringPart[]).push(piece);
    });
  }
  return lines;
}

/** A line as mutable chunks; text chunks are already escaped. */
type Chunks = ({ text: string } | { expr: NixExpr })[];

function encodeLine(line: Line, end: "newline" | "close"): Chunks {
  return line.map((part, i) => {
    if (typeof part !== "string") return { expr: part };
    const follower: Follower = i + 1 < line.length ? "interpolation" : end;
    return { text: escapeText(part, follower) };
  });
}

/** Characters {@link escapeText} may have to escape; most lines of text have none. */
const SPECIAL = /['$\r]/;

/** Escapes one literal run of a line (no LF inside) given what follows it. */
function escapeText(text: string, follower: Follower): string {
  if (!SPECIAL.test(text)) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      let run = 0;
      while (text[i + run] === "'") run++;
      i += run;
      out += "'''".repeat(run >> 1);
      if (run % 2 === 1) out += startsWithQuote(text, i, follower) ? "''\\'" : "'";
      continue;
    }
    if (c === "$") out += needsDollarEscape(text, i, follower) ? "''$" : "$";
    else if (c === "\r") out += "''\\r";
    else out += c;
    i++;
  }
  return out;
}

/** `$` is escaped before `{` and before an interpolation (`$${` would be literal text). */
function needsDollarEscape(text: string, i: number, follower: Follower): boolean {
  return text[i + 1] === "{" || (i === text.length - 1 && follower === "interpolation");
}

/**
 * Whether the output from content index `i` on starts with `'`. Then a lone `'` before it
 * would fuse with it into `'''` (or `''$`, `''\`, or end the string early).
 */
function startsWithQuote(text: string, i: number, follower: Follower): boolean {
  if (i === text.length) return follower === "close";
  const c = text[i];
  return c === "\r" || (c === "$" && needsDollarEscape(text, i, follower));
}

/** Line has content and every output character is a raw space. */
function isAllSpaces(line: Chunks): boolean {
  return line.length > 0 && line.every((c) => "text" in c && /^ +$/.test(c.text));
}

/**
 * Nix strips the smallest indentation of the non-blank lines. When every content line starts
 * with a space, that minimum would exceed the printer's indentation and eat content spaces:
 * escape the first space of the first such line (an escape counts as content, so the
 * minimum becomes exactly the printer's indentation).
 */
function pinIndentation(lines: Chunks[]): void {
  let firstIndented: Chunks | undefined;
  for (const line of lines) {
    const first = line[0];
    if (first === undefined) continue; // empty line: not counted by Nix
    if (!("text" in first) || !first.text.startsWith(" ")) return; // this line pins already
    firstIndented ??= line;
  }
  if (firstIndented !== undefined) escapeFirstSpace(firstIndented);
}

function escapeFirstSpace(line: Chunks): void {
  const first = line[0];
  if (first !== undefined && "text" in first) line[0] = { text: `''\\ ${first.text.slice(1)}` };
}

function freezeLine(line: Chunks): readonly EncodedChunk[] {
  for (let i = 0; i < line.length; i++) Object.freeze(line[i]);
  return Object.freeze(line);
}

/**
 * Whether a `string` node (the printer chooses its form) reads best as an indented string:
 * it has several lines of text (an LF, and more than LFs), and no CR. CR is the exception
 * because in `''…''` each one is a `''\r` escape glued to a line end, invisible in intent
 * and noisy in CRLF text, where `"…\r\n…"` states the line endings plainly. Everything else
 * an indented string can hold exactly (see {@link encodeIndented}).
 * @example preferIndented(["#!/bin/sh\necho hi\n"]) // true
 * @example preferIndented(["\n"]) // false: "\n" is clearer than three lines of ''
 * @example preferIndented(["a\r\nb\r\n"]) // false: CRLF text stays "a\r\nb\r\n"
 */
export function preferIndented(parts: readonly NixStringPart[]): boolean {
  let hasNewline = false;
  let hasOther = false;
  for (const part of parts) {
    if (typeof part !== "string") {
      hasOther = true;
      continue;
    }
    if (part.includes("\r")) return false;
    if (part.includes("\n")) hasNewline = true;
    if (/[^\n]/.test(part)) hasOther = true;
  }
  return hasNewline && hasOther;
}
