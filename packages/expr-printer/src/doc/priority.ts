import { leadingSpace, restFitsFrom } from "./lookahead.ts";
import type { LayoutState } from "./state.ts";
import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/*
 * nixfmt's priority expansion (`goPriorityGroup`), for a group that does not fit flat: for
 * each priority group inside it, from the last to the first, print everything before it flat
 * on the current line (if that fits up to the priority group's first break), the priority
 * group's content expanded, and then — if everything after it fits flat on the line where
 * the priority group ended — everything after it flat. If no priority group works, the
 * group breaks as usual.
 *
 * Whether what follows fits is known only once the priority group is printed: the engine
 * prints it, and at a checkpoint below it on the stack checks the rest; if it does not fit,
 * everything printed since the attempt began is undone (output, cursor, indentation) and
 * the next priority group is tried. Iterative: attempts nest without recursion.
 */

/**
 * Marks the end of a group on the engine's stack (a checkpoint with no attempt): text after
 * it is not merged with text before it (see `inRun` in state.ts).
 */
export const RUN_BREAK: DocNode = new DocNode(Tag.Checkpoint, null, 0, 0, 0, 0);

/** Scratch of {@link segmentsOf}. */
const walkDocs: Doc[] = [];
const walkLevels: number[] = [];

/**
 * Splits a group's content into segments, looking through concats, nests and transparent
 * groups (nixfmt's `priorityGroups`): every other node, priority groups included, is one
 * segment.
 */
function segmentsOf(content: Doc, level: number, docs: Doc[], levels: number[]): void {
  let top = 0;
  walkDocs[top] = content;
  walkLevels[top++] = level;
  while (top > 0) {
    const d = walkDocs[--top] as Doc;
    const lvl = walkLevels[top] as number;
    walkDocs[top] = "";
    if (typeof d !== "string") {
      if (d.tag === Tag.Concat) {
        const parts = d.content as readonly Doc[];
        for (let i = parts.length - 1; i >= 0; i--) {
          walkDocs[top] = parts[i] as Doc;
          walkLevels[top++] = lvl;
        }
        continue;
      }
      if (d.tag === Tag.Nest || d.tag === Tag.Transparent) {
        walkDocs[top] = d.content as Doc;
        walkLevels[top++] = d.tag === Tag.Nest ? lvl + 1 : lvl;
        continue;
      }
    }
    docs.push(d);
    levels.push(lvl);
  }
}

function widthOf(d: Doc): number {
  return typeof d === "string" ? d.length : d.width;
}

function isHard(d: Doc): boolean {
  return typeof d !== "string" && (d.flags & Flag.Hard) !== 0;
}

/** One priority expansion under way: the group's segments, what was tried, what to undo. */
class Attempt {
  readonly docs: Doc[] = [];
  readonly levels: number[] = [];
  /** The segment tried now (candidates are tried from the last down). */
  k: number;
  /** The checkpoint entry of this attempt (its content is the attempt). */
  readonly checkpoint: DocNode;
  // The state to go back to: stack height, output, cursor, indentation.
  readonly sp: number;
  readonly out: number;
  readonly cc: number;
  readonly newlines: number;
  readonly indentTop: number;
  readonly offset: number;
  readonly undo: number;

  constructor(
    st: LayoutState,
    readonly group: DocNode,
    readonly level: number,
  ) {
    segmentsOf(group.content as Doc, level, this.docs, this.levels);
    this.k = this.docs.length;
    this.checkpoint = new DocNode(Tag.Checkpoint, null, 0, 0, 0, 0);
    (this.checkpoint as { content: unknown }).content = this;
    this.sp = st.sp;
    this.out = st.out.mark();
    this.cc = st.cc;
    this.newlines = st.newlines;
    this.indentTop = st.indentTop;
    this.offset = st.offset;
    this.undo = st.undoTop;
  }

  /** Number of segments after the one tried. */
  postCount(): number {
    return this.docs.length - this.k - 1;
  }

  /**
   * Pushes the layout of the next candidate that passes the checks possible before printing
   * it, and returns true; false when none is left.
   */
  next(st: LayoutState): boolean {
    const { docs, levels } = this;
    const n = docs.length;
    for (let k = this.k - 1; k >= 0; k--) {
      const prio = docs[k] as Doc;
      if (typeof prio === "string" || prio.tag !== Tag.Priority) continue;
      // Nothing to expand: printing it "expanded" is printing the whole group flat, which
      // did not fit.
      if ((prio.flags & Flag.Breakable) === 0) continue;
      let pre = 0;
      let ok = true;
      for (let i = 0; i < k && ok; i++) {
        const d = docs[i] as Doc;
        if (isHard(d)) ok = false;
        pre += widthOf(d);
      }
      if (!ok) continue;
      if (st.cc === 0 && k > 0) pre -= leadingSpace(docs[0] as Doc);
      // `pre` must fit flat, with `prio` up to its first break (nixfmt's `goGroup pre`).
      if (k > 0 && st.cc + pre + prio.head > st.width) continue;
      this.k = k;
      // Everything after the priority group, printed flat if it fits where the group ends.
      for (let i = n - 1; i > k; i--) st.push(docs[i] as Doc, levels[i] as number, 2);
      if (k < n - 1) {
        st.push(this.checkpoint, this.level, 0);
        st.attempts++;
      }
      // The priority group's content, expanded, is bounded like a group.
      st.push(RUN_BREAK, this.level, 0);
      st.push(prio.content as Doc, levels[k] as number, 0);
      st.push(RUN_BREAK, this.level, 0);
      for (let i = k - 1; i >= 0; i--) st.push(docs[i] as Doc, levels[i] as number, 1);
      return true;
    }
    this.k = -1;
    return false;
  }

  /**
   * At the checkpoint: whether what follows the priority group fits flat on the current line
   * (nixfmt's `goGroup post rest`). If so it is printed flat; if not, everything is undone and
   * the next candidate (or the group broken) is laid out.
   */
  check(st: LayoutState): void {
    st.attempts--;
    const count = this.postCount();
    let width = 0;
    let hard = false;
    for (let i = this.k + 1; i < this.docs.length; i++) {
      const d = this.docs[i] as Doc;
      if (isHard(d)) hard = true;
      width += widthOf(d);
    }
    if (st.cc === 0) width -= leadingSpace(this.docs[this.k + 1] as Doc);
    const bottom = st.sp - count;
    if (!hard && restFitsFrom(st, bottom - 1, st.width - st.cc - width)) {
      for (let i = bottom; i < st.sp; i++) st.flats[i] = 1;
      if (st.attempts === 0) st.undoTop = 0;
      return;
    }
    // Undo, then the next candidate or the plain broken group.
    st.sp = this.sp;
    st.out.reset(this.out);
    st.cc = this.cc;
    st.newlines = this.newlines;
    st.spaceEnd = -1;
    st.inRun = false;
    st.undoIndents(this.undo);
    st.indentTop = this.indentTop;
    st.offset = this.offset;
    if (!this.next(st)) st.push(this.group.content as Doc, this.level, 0);
  }
}

/**
 * For group `g` at `level` that does not fit flat: pushes the layout of its last workable
 * priority group and returns true, or returns false (the group then breaks as usual).
 * @example if (!tryPriority(st, group, level)) st.push(group.content, level, 0)
 */
export function tryPriority(st: LayoutState, g: DocNode, level: number): boolean {
  return new Attempt(st, g, level).next(st);
}

/** The checkpoint of an attempt was reached (see {@link Attempt.check}). */
export function checkpoint(st: LayoutState, d: DocNode): void {
  (d.content as unknown as Attempt).check(st);
}
