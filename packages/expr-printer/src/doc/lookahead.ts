import type { LayoutState } from "./state.ts";
import { Flag, Tag, type Doc, type DocNode } from "./types.ts";

/*
 * What the layout engine sees of the rest of the document (the commands below the one being
 * printed, on its stack), exactly as nixfmt's `firstLineWidth` and `firstLineFits` see their
 * lookahead. Stack entries are in break mode (0), flat (1), or "post" (2): the part after a
 * priority group being tried, which is printed flat but which nixfmt sees as
 * `unexpandSpacing post` (its own spacings are spaces, its groups' spacings possible breaks).
 */

/** Whether `d`, a spacing seen in a "post" entry, counts as a space (1) or nothing (0). */
function postSpacing(d: DocNode): number {
  switch (d.tag) {
    case Tag.Line:
    case Tag.SoftSpace:
      return 1;
    case Tag.Softline:
    case Tag.SoftBreak:
      return 0;
    default:
      return -1;
  }
}

/**
 * Width of stack entry `i` holding `d` up to its first possible break (nixfmt's
 * `firstLineWidth`), and whether there is one (`BREAKS` added).
 */
const BREAKS = 1 << 30;

function entryHead(st: LayoutState, i: number, d: Doc): number {
  if (typeof d === "string") return d.length;
  const f = st.flats[i] as number;
  if (f === 1 || f === 3) return d.width;
  if (f === 2) {
    const s = postSpacing(d);
    if (s >= 0) return s;
  }
  if (d.tag === Tag.Trailing) return (d.content as string).length;
  if ((d.flags & Flag.Breakable) === 0) return d.width;
  // A `lines` doc resumed after its first item starts with a line break.
  if (d.tag === Tag.Lines && (st.starts[i] as number) > 0) return BREAKS;
  return d.head + BREAKS;
}

/**
 * Whether the rest of the document from stack entry `from` down, up to its first possible
 * line break, fits in `room` columns (nixfmt's `firstLineWidth rest <= room`). Stops as soon
 * as the answer is known: the next break is a few commands away.
 * @example restFitsFrom(st, st.sp - 1, st.width - st.cc - group.width)
 */
export function restFitsFrom(st: LayoutState, from: number, room: number): boolean {
  if (room < 0) return false;
  const docs = st.docs;
  let rem = room;
  for (let i = from; i >= 0; i--) {
    const h = entryHead(st, i, docs[i] as Doc);
    if (h >= BREAKS) return rem - (h - BREAKS) >= 0;
    rem -= h;
    if (rem < 0) return false;
  }
  return true;
}

/** {@link restFitsFrom} the top of the stack. */
export function restFits(st: LayoutState, room: number): boolean {
  return restFitsFrom(st, st.sp - 1, room);
}

/** Scratch stack of {@link firstLineFits}: docs being looked into, innermost last. */
const walk: Doc[] = [];

/** nixfmt's `firstLineWidth` of the walk's docs below `top`, then the stack from `i` down. */
function widthAfter(st: LayoutState, top: number, i: number, limit: number): number {
  let w = 0;
  for (let k = top - 1; k >= 0; k--) {
    const d = walk[k] as Doc;
    if (typeof d === "string") w += d.length;
    else if ((d.flags & Flag.Breakable) !== 0) return w + d.head;
    else w += d.width;
    if (w > limit) return w;
  }
  for (let k = i; k >= 0; k--) {
    const h = entryHead(st, k, st.docs[k] as Doc);
    if (h >= BREAKS) return w + h - BREAKS;
    w += h;
    if (w > limit) return w;
  }
  return w;
}

/**
 * nixfmt's `firstLineFits target width rest`, the test of a soft spacing: whether what
 * follows it on the line, up to its next possible break, is at most `target` wide — where a
 * group that would fit flat on a line of the full width (with what follows it up to the next
 * break) counts as text, and any other group is looked into.
 * @example if (!firstLineFits(st, st.width - st.cc - 1)) newline(st, 1)
 */
export function firstLineFits(st: LayoutState, target: number): boolean {
  const max = st.width;
  let c = max;
  let top = 0;
  let i = st.sp - 1;
  let high = 0;
  try {
    for (;;) {
      if (top > high) high = top;
      if (c < 0) return false;
      let d: Doc;
      let f = 0;
      if (top > 0) d = walk[--top] as Doc;
      else if (i >= 0) {
        d = st.docs[i] as Doc;
        f = st.flats[i] as number;
        if (f === 2 && typeof d !== "string") {
          const s = postSpacing(d);
          if (s >= 0) {
            c -= s;
            i--;
            continue;
          }
        }
        if (typeof d !== "string" && d.tag === Tag.Lines && (st.starts[i] as number) > 0) return max - c <= target;
        i--;
      } else return max - c <= target;
      if (typeof d === "string") {
        c -= d.length;
        continue;
      }
      if (f === 1 || f === 3) {
        c -= d.width;
        continue;
      }
      switch (d.tag) {
        case Tag.Concat: {
          const parts = d.content as readonly Doc[];
          for (let k = parts.length - 1; k >= 0; k--) walk[top++] = parts[k] as Doc;
          break;
        }
        case Tag.Nest:
          walk[top++] = d.content as Doc;
          break;
        case Tag.Offset:
          // An offset's end marker is nothing; an offset, its content.
          if (d.content !== null) walk[top++] = d.content as Doc;
          break;
        case Tag.Group:
        case Tag.Priority:
        case Tag.Transparent:
          if ((d.flags & Flag.Hard) === 0 && d.width <= c - widthAfter(st, top, i, c)) c -= d.width;
          else walk[top++] = d.content as Doc;
          break;
        case Tag.Flat:
          if ((d.flags & Flag.Hard) === 0) c -= d.width;
          else walk[top++] = d.content as Doc;
          break;
        case Tag.Text:
          c -= d.width;
          break;
        case Tag.Hardspace:
          c -= 1;
          break;
        case Tag.Trailing:
        case Tag.Checkpoint:
          // Nothing on the line (a trailing comma counts only in nixfmt's `firstLineWidth`).
          break;
        case Tag.Verbatim:
        case Tag.Lazy:
        case Tag.Emit:
        case Tag.Lines:
          c -= d.head;
          return max - c <= target;
        default:
          // Any other spacing: a possible break ends the line.
          return max - c <= target;
      }
    }
  } finally {
    // Do not keep docs alive through the scratch stack.
    walk.fill("", 0, high + 1);
  }
}

/**
 * Width of a spacing that starts `doc` and that the engine drops when `doc` starts a line
 * (nixfmt drops leading whitespace of a group printed at the start of a line).
 */
export function leadingSpace(doc: Doc): number {
  let d: Doc | null = doc;
  for (let steps = 0; steps < 64 && d !== null && typeof d !== "string"; steps++) {
    switch (d.tag) {
      case Tag.Line:
      case Tag.SoftSpace:
      case Tag.Hardspace:
        return 1;
      case Tag.Concat: {
        const parts = d.content as readonly Doc[];
        d = parts.length > 0 ? (parts[0] as Doc) : null;
        break;
      }
      case Tag.Group:
      case Tag.Priority:
      case Tag.Transparent:
      case Tag.Nest:
      case Tag.Offset:
        d = d.content as Doc | null;
        break;
      default:
        return 0;
    }
  }
  return 0;
}
