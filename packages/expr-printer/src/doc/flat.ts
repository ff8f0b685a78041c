import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * Content printed flat whatever the line width (nixfmt's `unexpandSpacing'`: its spacings are
 * spaces or nothing, its groups dissolved; unlike a group printed flat, its texts keep their
 * nesting levels when the group around it breaks): nixfmt never breaks a simple interpolation
 * such as `${pkgs.hello}` or `${toString port}`. Content with a hard line break keeps it
 * (so wrap only docs that can be flat).
 * @example concat(["\\"", "${", flat(appDoc), "}", "\\""])
 */
export function flat(content: Doc): Doc {
  if (typeof content === "string") return content;
  const hard = content.flags & Flag.Hard;
  const w = content.width;
  return new DocNode(Tag.Flat, content, w, hard ? content.head : w, hard ? content.tail : w, hard ? content.flags : 0);
}
