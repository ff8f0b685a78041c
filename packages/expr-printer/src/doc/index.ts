/**
 * A small document IR in the style of prettier's docs and nixfmt's `Predoc`, and a
 * width-aware, iterative layout engine for it. The printer builds a doc from the AST;
 * {@link layout} turns it into text.
 */
export { concat } from "./concat.ts";
export { emitted } from "./emit.ts";
export { group, priorityGroup, transparentGroup } from "./group.ts";
export { lazy } from "./lazy.ts";
export { lines } from "./lines.ts";
export { layout, type LayoutOptions } from "./layout.ts";
export { hardspaceThen } from "./merge.ts";
export { flat } from "./flat.ts";
export { nest } from "./nest.ts";
export { offset } from "./offset.ts";
export {
  emptyline,
  hardline,
  hardspace,
  line,
  newlines,
  softBreak,
  softline,
  softSpace,
} from "./spacing.ts";
export { text, textWidth } from "./text.ts";
export { trailing } from "./trailing.ts";
export { LayoutState } from "./state.ts";
export { DocNode, Flag, Tag, type Doc, type Emitter, type Thunk } from "./types.ts";
export { newline, putText } from "./write.ts";
export { verbatim } from "./verbatim.ts";
