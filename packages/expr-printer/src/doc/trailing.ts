import { DocNode, Tag } from "./types.ts";

/**
 * Text printed only when the enclosing group is broken, and nothing when it is flat
 * (nixfmt `trailing`; prettier's `ifBreak(text, "")`): the trailing comma of the last
 * formal, which `{ a, b }:` has not and `{⏎  a,⏎  b,⏎}:` has.
 * @example concat(["b", trailing(",")])
 */
export function trailing(s: string): DocNode {
  return new DocNode(Tag.Trailing, s, 0, 0, 0, 0);
}
