import { DocNode, Flag, Tag } from "./types.ts";

/**
 * A space, or a line break when the enclosing group breaks (nixfmt `line`).
 * @example group(concat(["a", line, "b"])) // "a b", or "a" ⏎ "b"
 */
export const line = new DocNode(Tag.Line, null, 1, 0, 0, Flag.Breakable);

/**
 * Nothing, or a line break when the enclosing group breaks (nixfmt `line'`).
 * @example group(concat(["(", nest(concat([softline, body])), softline, ")"]))
 */
export const softline = new DocNode(Tag.Softline, null, 0, 0, 0, Flag.Breakable);

/**
 * A space that breaks only when what follows, up to its next possible break, does not fit
 * on the line — independently of the group (nixfmt `softline`).
 * @example concat([expr, softSpace, "? ", "a.b"])
 */
export const softSpace = new DocNode(Tag.SoftSpace, null, 1, 0, 0, Flag.Breakable);

/**
 * Nothing, breaking only when what follows does not fit (nixfmt `softline'`).
 * @example concat(["(f x)", softBreak, ".attr"])
 */
export const softBreak = new DocNode(Tag.SoftBreak, null, 0, 0, 0, Flag.Breakable);

/**
 * Always a space, never a line break; dropped at the start of a line.
 * @example concat(["inherit", hardspace, "(lib)"])
 */
export const hardspace = new DocNode(Tag.Hardspace, null, 1, 1, 1, 0);

/**
 * At least `count` line breaks since the last text, however many came just before (so two
 * hard lines in a row are one line break, and a blank line is `newlines(2)`). Forces every
 * enclosing group to break.
 * @example concat(["a", newlines(3), "b"]) // "a\n\n\nb"
 */
export function newlines(count: number): DocNode {
  return new DocNode(Tag.Newlines, count, 0, 0, 0, Flag.Hard | Flag.Breakable);
}

/**
 * Always a line break; forces every enclosing group to break.
 * @example concat(["let", nest(concat([hardline, "a = 1;"])), hardline, "in"])
 */
export const hardline = newlines(1);

/**
 * Always a blank line: two line breaks, however many line breaks came just before.
 * @example concat(["a = 1;", emptyline, "b = 2;"])
 */
export const emptyline = newlines(2);
