import type { LayoutState } from "./state.ts";

/**
 * The document IR: what the printer builds from the AST and the layout engine turns into
 * text. Modelled on prettier's docs and nixfmt's `Predoc`: text, spacings that become a space,
 * nothing or a line break depending on the enclosing group, groups, nesting.
 *
 * A {@link Doc} is either a plain string (text without line breaks, measured by its length)
 * or a {@link DocNode}. Every node carries metrics computed once, bottom-up, when it is
 * built, so the layout engine decides "does this group fit?" in O(1) instead of re-walking
 * the group (see `measure.ts`).
 */
export type Doc = string | DocNode;

/**
 * Node tags. Small integers, not strings: the layout loop switches on them millions of
 * times. (A plain object rather than a `const enum`, which isolated-module builds cannot
 * inline across files.)
 */
export const Tag = {
  /** A sequence of docs. */
  Concat: 0,
  /** All-or-nothing: its own spacings are all flat or all broken. */
  Group: 1,
  /** A group the engine expands first when its parent group does not fit (nixfmt). */
  Priority: 2,
  /** A group that is see-through when its parent looks for priority groups (nixfmt). */
  Transparent: 3,
  /** Content one nesting level deeper (see `nest.ts` for how levels become indentation). */
  Nest: 4,
  /** Text whose width is not its UTF-16 length (astral characters). */
  Text: 5,
  /** Text printed only when the enclosing group is broken (a trailing comma). */
  Trailing: 6,
  /** Verbatim text that may contain line breaks; printed as is, never re-indented. */
  Verbatim: 7,
  /** A space, or a line break when the group breaks. */
  Line: 8,
  /** Nothing, or a line break when the group breaks. */
  Softline: 9,
  /** A space that becomes a line break only if what follows it does not fit. */
  SoftSpace: 10,
  /** Nothing that becomes a line break only if what follows it does not fit. */
  SoftBreak: 11,
  /** Always a space (dropped at the start of a line). */
  Hardspace: 12,
  /** At least `content` line breaks since the last text (1 = hard line, 2 = blank line). */
  Newlines: 13,
  /** Content printed flat whatever the width (a simple interpolation is never broken). */
  Flat: 14,
  /** A doc built only when the engine reaches it (see `lazy.ts`). */
  Lazy: 15,
  /** Docs separated by hard line breaks (see `lines.ts`). */
  Lines: 16,
  /** Text an {@link Emitter} writes straight into the output when the engine reaches it. */
  Emit: 17,
  /**
   * Engine-internal: where a priority group tried expanded ends, to check that what follows
   * it still fits (see `priority.ts`). Never in a document the printer builds.
   */
  Checkpoint: 18,
  /**
   * Content whose lines, when it starts them, are indented `flags >>> OFFSET_SHIFT` columns
   * more than their nesting says (nixfmt's `offset`: code interpolated in a string line
   * follows that line's own indentation). With no content: the engine's marker that ends one.
   */
  Offset: 19,
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

/** Bit flags of {@link DocNode.flags}. */
export const Flag = {
  /** Contains a forced line break: can never be printed flat. */
  Hard: 1,
  /** Contains a place where a line can break (any spacing but a hard space). */
  Breakable: 2,
  /** Contains a priority group reachable through concats, nests and transparent groups. */
  HasPriority: 4,
  /** On a group: its content has a priority group (see {@link Flag.HasPriority}). */
  InnerPriority: 8,
} as const;

/** Where {@link Tag.Offset} nodes keep their number of columns in their flags. */
export const OFFSET_SHIFT = 8;

/** Builds a doc on demand (see `lazy.ts`). */
export interface Thunk {
  force(): Doc;
}

/**
 * Writes its part of the document straight into the output when the engine reaches it
 * (see `emit.ts`): through the engine's own primitives (`write.ts`), so indentation and
 * column counts are exactly the engine's. It may hand work back to the engine by pushing
 * docs onto its stack (`st.push`), itself included, with `start` saying where to resume.
 */
export interface Emitter {
  emit(st: LayoutState, level: number, flat: number, start: number): void;
}

/**
 * One node of the IR. A single class (one hidden class in V8) for every tag keeps the
 * layout loop's property accesses monomorphic.
 */
export class DocNode {
  constructor(
    readonly tag: Tag,
    /**
     * `Doc[]` for concats, a `Doc` for groups, nests and flats, a string for text-like tags,
     * the number of line breaks for newlines, the thunk of a lazy doc, the emitter of an
     * emitted doc.
     */
    readonly content: Doc | readonly Doc[] | number | Thunk | Emitter | null,
    /** Width when printed flat (on one line). */
    readonly width: number,
    /** Width up to the first place a line can break (the whole width if there is none). */
    readonly head: number,
    /** Width after the last place a line can break (the whole width if there is none). */
    readonly tail: number,
    readonly flags: number,
  ) {}
}
