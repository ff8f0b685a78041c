import type { NixExpr, NixIndentedString, NixString, NixStringPart } from "../ast/index.ts";
import {
  concat,
  DocNode,
  flat,
  Flag,
  group,
  nest,
  newlines,
  offset,
  softline,
  Tag,
  text,
  textWidth,
  type Doc,
} from "../doc/index.ts";
import {
  encodeDoubleQuoted,
  encodeIndented,
  escapeDoubleQuotedText,
  stringProblem,
  type EncodedChunk,
} from "../lexical/index.ts";
import { Ctx } from "./context.ts";
import type { ChildSink, Handler } from "./driver.ts";
import { problem } from "./problem.ts";
import { enclosedInner } from "./parens.ts";
import { isAbsorbableTerm, isSimple, printsIndented } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** An interpolation longer than this may be broken over lines (nixfmt's rule). */
const SHORT_INTERPOLATION = 30;

/**
 * Whether a line of a string is one interpolation after nothing but spaces: nixfmt lays it
 * out as a parenthesised expression (`"${` ⏎ `f x` ⏎ `}"`), not as an interpolation among text.
 */
function isSoleInterpolation(line: readonly EncodedChunk[]): boolean {
  const first = line[0];
  if (line.length === 1) return first !== undefined && !("text" in first);
  const second = line[1];
  return line.length === 2 && first !== undefined && "text" in first && /^ *$/.test(first.text) && second !== undefined && !("text" in second);
}

/** The lines of a string node as printed in `ctx` (one for a `"…"` string). */
function printedLines(node: NixString | NixIndentedString, ctx: number): readonly (readonly EncodedChunk[])[] {
  if ((ctx & Ctx.Quoted) === 0 && printsIndented(node)) return encodeIndented(node.parts).lines;
  return [encodeDoubleQuoted(node.parts)];
}

function interpolations(node: NixString | NixIndentedString, ctx: number, out: ChildSink): void {
  if (node.parts.every((p) => typeof p === "string")) return;
  for (const line of printedLines(node, ctx)) {
    const sole = isSoleInterpolation(line);
    for (const chunk of line) if (!("text" in chunk)) out.add(chunk.expr, sole ? Ctx.Enclosed : Ctx.None);
  }
}

/**
 * `${expr}` among text, as nixfmt writes it: an absorbable term starts right after `${`;
 * simple or short expressions never break; anything longer may go on its own indented lines.
 * Alone on its line (`sole`), it is laid out as in parentheses.
 * @example concat(['"', "port ", interpolation(portExpr, portDoc), '"'])
 */
export function interpolation(expr: NixExpr, doc: Doc, sole = false): Doc {
  if (sole) return group(concat(["${", nest(enclosedInner(expr, doc)), "}"]));
  if (isAbsorbableTerm(expr)) return group(concat(["${", ungroup(doc), "}"]));
  const hard = typeof doc !== "string" && (doc.flags & Flag.Hard) !== 0;
  // Simple: never broken (a `''` string in it keeps its lines, and starts right after `${`).
  if (isSimple(expr)) return concat(["${", hard ? doc : flat(doc), "}"]);
  if (!hard && (typeof doc === "string" ? doc.length : doc.width) <= SHORT_INTERPOLATION) {
    return group(concat(["${", flat(doc), "}"]));
  }
  return group(concat(["${", nest(concat([softline, group(doc), softline])), "}"]));
}

/** Haskell's `isSpace`, with which nixfmt measures the indentation of a string line. */
const SPACE = /^[\t\n\v\f\r\p{Zs}]/u;

/** Width (code points) of the whitespace `s` starts with. */
function leadingSpaces(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (!SPACE.test(ch)) break;
    n++;
  }
  return n;
}

/**
 * The docs of one line of a string (nixfmt's `pretty [StringPart]`), appended to `out`. What
 * follows a line's leading text is offset by that text's leading whitespace: an interpolation
 * broken over lines follows the line's own indentation in the string.
 */
function chunkDocs(chunks: readonly EncodedChunk[], docs: readonly Doc[], next: { i: number }, out: Doc[]): void {
  const sole = isSoleInterpolation(chunks);
  const parts: Doc[] = [];
  for (const chunk of chunks) {
    if ("text" in chunk) {
      if (chunk.text !== "") parts.push(text(chunk.text));
    } else {
      parts.push(interpolation(chunk.expr, docs[next.i++] as Doc, sole));
    }
  }
  const first = chunks[0];
  if (first === undefined || !("text" in first) || first.text === "" || parts.length < 2) {
    out.push(...parts);
    return;
  }
  out.push(parts[0] as Doc, offset(leadingSpaces(first.text), concat(parts.slice(1))));
}

/** A `"…"` string. */
export function doubleQuoted(parts: readonly NixStringPart[], docs: readonly Doc[], base: number): Doc {
  if (parts.length === 0) return '""';
  if (parts.length === 1 && typeof parts[0] === "string") {
    // The common case, a literal without interpolation: one text. Measured on the escaped
    // text itself, before the quotes make it a cons string that would have to be flattened.
    const escaped = escapeDoubleQuotedText(parts[0], false);
    const width = textWidth(escaped) + 2;
    const quoted = `"${escaped}"`;
    return width === quoted.length ? quoted : new DocNode(Tag.Text, quoted, width, width, width, 0);
  }
  const out: Doc[] = ['"'];
  chunkDocs(encodeDoubleQuoted(parts), docs, { i: base }, out);
  out.push('"');
  return group(concat(out));
}

/**
 * A `''…''` string: `''` ends the opening line, content lines are one level deeper than
 * that line, and the closing `''` is back at its indentation (nix-language.md §6). Line
 * breaks are counted exactly: blank lines are content.
 */
export function indented(parts: readonly NixStringPart[], docs: readonly Doc[], base: number): Doc {
  const encoding = encodeIndented(parts);
  const first = encoding.lines[0];
  if (encoding.lines.length === 1 && !encoding.closeOnOwnLine && first !== undefined) {
    // One line: nixfmt writes `''…''` on one line, and as `"…"` (same string) when the
    // line holds no `"` and no backslash.
    if (!first.some((c) => "text" in c && /["\\]/.test(c.text))) return doubleQuoted(parts, docs, base);
    const line: Doc[] = [];
    chunkDocs(first, docs, { i: base }, line);
    return group(concat(["''", nest(concat(line)), "''"]));
  }
  const body: Doc[] = [];
  const next = { i: base };
  let breaks = 1;
  encoding.lines.forEach((chunks, i) => {
    if (i > 0) breaks++;
    if (chunks.length === 0) return;
    body.push(newlines(breaks));
    chunkDocs(chunks, docs, next, body);
    breaks = 0;
  });
  if (encoding.closeOnOwnLine) breaks++;
  // Right after the last line's text, `''` is one text with it for nixfmt, at that text's
  // level (the layout engine merges adjacent texts alike).
  const close = breaks > 0 ? concat([newlines(breaks), "''"]) : "''";
  return concat(["''", nest(concat(body)), close]);
}

/**
 * Turns an encoder's RangeError (NUL, a lone surrogate) into a problem naming the part.
 * Checking only on failure keeps the common path to one pass over the text.
 */
export function stringPartProblem(node: NixString | NixIndentedString, error: unknown): never {
  if (error instanceof RangeError) {
    node.parts.forEach((part, i) => {
      const reason = typeof part === "string" ? stringProblem(part) : undefined;
      if (reason !== undefined) problem(node, `.parts[${i}]`, `string ${reason}`);
    });
  }
  throw error;
}

/**
 * A string is a group of its own in nixfmt, even a plain literal: printed in the middle of a
 * line, it opens no indentation level (see `write.ts`). (Where a parent groups it anyway —
 * a binding's value, a list item — it takes the literal as text, see `leaves.ts`.)
 */
function asGroup(doc: Doc): Doc {
  return typeof doc === "string" || doc.tag === Tag.Text ? group(doc) : doc;
}

/** A string whose form the printer chooses: `''…''` for multi-line text, else `"…"`. */
export const stringHandler: Handler<NixString> = {
  children: (node, ctx, out) => interpolations(node, ctx, out),
  build: (node, ctx, docs, base) => {
    try {
      if ((ctx & Ctx.Quoted) === 0 && printsIndented(node)) return indented(node.parts, docs, base);
      return asGroup(doubleQuoted(node.parts, docs, base));
    } catch (error) {
      return stringPartProblem(node, error);
    }
  },
};

/** An indented string, always `''…''` (except as an attribute name, which must be `"…"`). */
export const indentedStringHandler: Handler<NixIndentedString> = {
  children: (node, ctx, out) => interpolations(node, ctx, out),
  build: (node, ctx, docs, base) => {
    try {
      return asGroup((ctx & Ctx.Quoted) === 0 ? indented(node.parts, docs, base) : doubleQuoted(node.parts, docs, base));
    } catch (error) {
      return stringPartProblem(node, error);
    }
  },
};
