import type { NixExpr, NixIndentedString, NixString, NixStringPart } from "../ast/index.ts";
import {
  concat,
  DocNode,
  flat,
  Flag,
  group,
  nest,
  newlines,
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
import { isAbsorbableTerm, isSimple, printsIndented } from "./shape.ts";

/** An interpolation longer than this may be broken over lines (nixfmt's rule). */
const SHORT_INTERPOLATION = 30;

function interpolations(parts: readonly NixStringPart[], out: ChildSink): void {
  for (const part of parts) if (typeof part !== "string") out.add(part, Ctx.None);
}

/**
 * `${expr}` as nixfmt writes it: simple or short expressions never break; an absorbable
 * term starts right after `${`; anything longer may go on its own indented lines.
 */
function interpolation(expr: NixExpr, doc: Doc): Doc {
  if (typeof doc === "string") return concat(["${", doc, "}"]);
  const hard = (doc.flags & Flag.Hard) !== 0;
  if (!hard && (isSimple(expr) || doc.width <= SHORT_INTERPOLATION)) return flat(concat(["${", doc, "}"]));
  if (isAbsorbableTerm(expr)) return group(concat(["${", doc, "}"]));
  return group(concat(["${", nest(concat([softline, doc, softline])), "}"]));
}

function chunkDocs(chunks: readonly EncodedChunk[], docs: readonly Doc[], next: { i: number }, out: Doc[]): void {
  for (const chunk of chunks) {
    if ("text" in chunk) {
      if (chunk.text !== "") out.push(text(chunk.text));
    } else {
      out.push(interpolation(chunk.expr, docs[next.i++] as Doc));
    }
  }
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

/** A string whose form the printer chooses: `''…''` for multi-line text, else `"…"`. */
export const stringHandler: Handler<NixString> = {
  children: (node, _ctx, out) => interpolations(node.parts, out),
  build: (node, ctx, docs, base) => {
    try {
      return (ctx & Ctx.Quoted) === 0 && printsIndented(node)
        ? indented(node.parts, docs, base)
        : doubleQuoted(node.parts, docs, base);
    } catch (error) {
      return stringPartProblem(node, error);
    }
  },
};

/** An indented string, always `''…''` (except as an attribute name, which must be `"…"`). */
export const indentedStringHandler: Handler<NixIndentedString> = {
  children: (node, _ctx, out) => interpolations(node.parts, out),
  build: (node, ctx, docs, base) => {
    try {
      return (ctx & Ctx.Quoted) === 0 ? indented(node.parts, docs, base) : doubleQuoted(node.parts, docs, base);
    } catch (error) {
      return stringPartProblem(node, error);
    }
  },
};
