import type { NixExpr, NixStringPart } from "../ast/index.ts";

/**
 * Escapes literal text for a `"…"` string. `beforeInterpolation` says whether an
 * interpolation follows this chunk: a `$` ending the chunk must then be escaped, or `$${`
 * would read as a literal `$${`.
 */
export function escapeDoubleQuotedText(text: string, beforeInterpolation: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    switch (c) {
      case "\\":
        out += "\\\\";
        break;
      case '"':
        out += '\\"';
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "$": {
        const next = text[i + 1];
        const last = i === text.length - 1;
        out += next === "{" || (last && beforeInterpolation) ? "\\$" : "$";
        break;
      }
      default:
        out += c;
    }
  }
  return out;
}

/** A chunk of an encoded string: escaped source text, or an interpolated expression. */
export type EncodedChunk = { readonly text: string } | { readonly expr: NixExpr };

/** The body of a `"…"` string (without the quotes), chunk by chunk. */
export function encodeDoubleQuoted(parts: readonly NixStringPart[]): EncodedChunk[] {
  return parts.map((part, i) => {
    if (typeof part !== "string") return { expr: part };
    const next = parts[i + 1];
    return { text: escapeDoubleQuotedText(part, next !== undefined && typeof next !== "string") };
  });
}
