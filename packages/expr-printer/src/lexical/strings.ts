import type { NixExpr, NixStringPart } from "../ast/index.ts";

/** NUL or any surrogate: only strings containing one need a closer look (fast path). */
const SUSPICIOUS = /[\0\uD800-\uDFFF]/;

/**
 * Why `text` cannot be the content of a Nix string (or attribute name, or path), or
 * `undefined` when it can. Two things cannot be written:
 * - U+0000: Nix has no escape for it, and Nix 2.8 silently truncates a string at a raw NUL
 *   (2.26+ rejects it), so any text we printed would mean something else;
 * - a lone UTF-16 surrogate: a JS string can hold one, UTF-8 cannot; writing the file would
 *   replace it with U+FFFD, again a different value.
 * Callers turn the reason into a `NixValueError` carrying the path of the bad value.
 * @example stringProblem("a\0b") // "contains a NUL character (U+0000) at index 1, …"
 * @example stringProblem("é ✓ 😀") // undefined
 */
export function stringProblem(text: string): string | undefined {
  if (text.length <= 32) {
    // Short text (most keys and values): a loop costs less than calling the regex engine.
    let suspicious = false;
    for (let i = 0; i < text.length && !suspicious; i++) {
      const c = text.charCodeAt(i);
      suspicious = c === 0 || (c >= 0xd800 && c <= 0xdfff);
    }
    if (!suspicious) return undefined;
  } else if (!SUSPICIOUS.test(text)) return undefined;
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    return `contains a NUL character (U+0000) at index ${nul}; Nix strings cannot hold NUL`;
  }
  const lone = loneSurrogateIndex(text);
  if (lone !== -1) {
    const code = text.charCodeAt(lone).toString(16).toUpperCase();
    return `contains a lone UTF-16 surrogate (U+${code}) at index ${lone}; it has no UTF-8 encoding`;
  }
  return undefined;
}

/** Index of the first unpaired surrogate code unit, or -1 (the string is well-formed). */
function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/**
 * Last-resort guard of the encoders: callers are expected to have checked
 * {@link stringProblem} (to raise a `NixValueError` with a path); if they did not, failing
 * here is still better than printing text that means something else.
 */
export function assertEncodable(text: string): void {
  const problem = stringProblem(text);
  if (problem !== undefined) throw new RangeError(`unprintable Nix string: ${problem}`);
}

/** Characters that need an escape or a check in `"…"` text; most strings have none. */
const SPECIAL = /[\\"\n\r\t$\0\uD800-\uDFFF]/;

/**
 * Escapes literal text for a `"…"` string (without the quotes). `beforeInterpolation` says
 * whether an interpolation follows this text: a `$` ending it must then be escaped, or `$${`
 * would read as the literal text `$${`. Only what must be escaped is escaped (`\`, `"`, the
 * `$` of `${`), plus LF, CR and TAB as `\n`, `\r`, `\t` so the literal stays on one line
 * (a raw CR would even be read as LF). Everything else, every Unicode plane included, is
 * written as itself. Throws a `RangeError` on NUL or a lone surrogate (see
 * {@link stringProblem}).
 * @example escapeDoubleQuotedText('say "hi" to ${name}', false) // 'say \\"hi\\" to \\${name}'
 * @example escapeDoubleQuotedText("cost: $", true) // "cost: \\$" (an interpolation follows)
 */
export function escapeDoubleQuotedText(text: string, beforeInterpolation: boolean): string {
  if (!SPECIAL.test(text)) return text;
  assertEncodable(text);
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escaped: string;
    if (c === 0x5c) escaped = "\\\\";
    else if (c === 0x22) escaped = '\\"';
    else if (c === 0x0a) escaped = "\\n";
    else if (c === 0x0d) escaped = "\\r";
    else if (c === 0x09) escaped = "\\t";
    else if (c === 0x24) {
      const next = text.charCodeAt(i + 1);
      const needed = next === 0x7b || (i === text.length - 1 && beforeInterpolation);
      if (!needed) continue;
      escaped = "\\$";
    } else continue;
    out += text.slice(start, i) + escaped;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** A chunk of an encoded string: escaped source text, or an interpolated expression. */
export type EncodedChunk = { readonly text: string } | { readonly expr: NixExpr };

/**
 * Adjacent literal parts merged, empty ones dropped: `["a$", "{b"]` is the text `a${b`, and
 * escaping each part alone would miss the `${` that spans them.
 * @example mergeTextParts(["a$", "{b", "", x]) // ["a${b", x]
 */
export function mergeTextParts(parts: readonly NixStringPart[]): NixStringPart[] {
  const out: NixStringPart[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const last = out[out.length - 1];
    if (typeof part === "string" && typeof last === "string") out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

/**
 * The body of a `"…"` string (without the quotes), chunk by chunk: escaped text, and the
 * expressions the printer writes as `${expr}`. Throws a `RangeError` on NUL or a lone
 * surrogate (check {@link stringProblem} first to report a path).
 * @example encodeDoubleQuoted(["$", n.id("x")]) // [{ text: "\\$" }, { expr: x }] → "\$${x}"
 */
export function encodeDoubleQuoted(parts: readonly NixStringPart[]): EncodedChunk[] {
  const merged = mergeTextParts(parts);
  return merged.map((part, i) => {
    if (typeof part !== "string") return { expr: part };
    const next = merged[i + 1];
    return { text: escapeDoubleQuotedText(part, next !== undefined) };
  });
}
