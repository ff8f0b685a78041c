import fc from "fast-check";

/**
 * Pieces that break naive escapers of Nix strings: the quote and dollar sequences of both
 * string forms, line ends, indentation-sensitive spaces and tabs, comment starters, and
 * characters from every Unicode plane (astral ones are two UTF-16 code units in JS).
 */
export const TRICKY_PIECES: readonly string[] = [
  "'",
  "''",
  "'''",
  "$",
  "$$",
  "{",
  "}",
  "${",
  "$${",
  "''${",
  "''$",
  "''\\",
  "\\",
  '"',
  " ",
  "  ",
  "    ",
  "\n",
  "\n\n",
  "\t",
  "\r",
  "\r\n",
  "a",
  "x y",
  "#",
  "/*",
  "*/",
  "é",
  "✓",
  "😀",
  "\u{10FFFF}",
  "\u2028",
  "\u007f",
  "\u001b",
  "\uFEFF",
];

/** Any code point except U+0000 (which Nix cannot hold). */
const anyCodePoint = fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((s) => s !== "\0");

/**
 * Adversarial literal text: mostly {@link TRICKY_PIECES}, sometimes any code point.
 * @example fc.sample(adversarialText(), 3)
 */
export function adversarialText(maxPieces = 12): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...TRICKY_PIECES) },
    { weight: 1, arbitrary: anyCodePoint },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(""));
}

/** Text shaped like an indented file: lines with shared and extra indentation. */
export function linesText(): fc.Arbitrary<string> {
  const line = fc.tuple(fc.constantFrom("", " ", "  ", "    ", "\t"), adversarialText(4));
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([lines, trailing]) => lines.map(([i, t]) => i + t).join("\n") + (trailing ? "\n" : ""));
}

/** A marker for "an interpolation goes here" in generated string parts. */
export const INTERPOLATION = Symbol("interpolation");

/** String content as literal text and interpolation markers, in order. */
export type TextParts = readonly (string | typeof INTERPOLATION)[];

/** Adversarial parts: text (both generators above) mixed with interpolations. */
export function adversarialParts(): fc.Arbitrary<TextParts> {
  const part = fc.oneof(
    { weight: 4, arbitrary: adversarialText() },
    { weight: 1, arbitrary: linesText() },
    { weight: 2, arbitrary: fc.constant(INTERPOLATION) },
  );
  return fc.array(part, { maxLength: 6 });
}
