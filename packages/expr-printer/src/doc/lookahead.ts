import type { LayoutState } from "./state.ts";
import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/**
 * Whether the rest of the document, up to its first possible line break, fits in `room`
 * columns (nixfmt's `firstLineWidth`). Commands in flat mode never break, so they count in
 * full; in break mode any spacing but a hard space is a possible break. Stops as soon as
 * the answer is known, so this is O(1) in practice: the next break is a few commands away.
 */
export function restFits(st: LayoutState, room: number): boolean {
  const { docs, flats } = st;
  let rem = room;
  for (let i = st.sp - 1; i >= 0; i--) {
    const d = docs[i] as Doc;
    if (typeof d === "string") {
      rem -= d.length;
    } else if (flats[i] === 1) {
      rem -= d.width;
    } else if (d.tag === Tag.Trailing) {
      rem -= (d.content as string).length;
    } else if ((d.flags & Flag.Breakable) !== 0) {
      return rem - headFrom(st, i, d) >= 0;
    } else {
      rem -= d.width;
    }
    if (rem < 0) return false;
  }
  return true;
}

/**
 * Like {@link restFits}, but a group that would itself fit flat counts as flat text rather
 * than as a possible break (nixfmt's `firstLineFits`): used by soft spacings, which break
 * only when what follows them cannot stay on the line.
 */
export function restFirstLineFits(st: LayoutState, room: number): boolean {
  const { docs, flats } = st;
  let rem = room;
  for (let i = st.sp - 1; i >= 0; i--) {
    const d = docs[i] as Doc;
    if (typeof d === "string") {
      rem -= d.length;
    } else if (flats[i] === 1) {
      rem -= d.width;
    } else if (d.tag === Tag.Trailing) {
      rem -= (d.content as string).length;
    } else if ((d.flags & Flag.Breakable) === 0) {
      rem -= d.width;
    } else if (isGroup(d) && (d.flags & Flag.Hard) === 0 && d.width <= rem) {
      rem -= d.width;
    } else {
      return rem - headFrom(st, i, d) >= 0;
    }
    if (rem < 0) return false;
  }
  return true;
}

/**
 * Width up to the first possible break of stack entry `i` holding `d`: a `lines` doc resumed
 * after its first item starts with a line break (its `head` is that of its first item).
 */
function headFrom(st: LayoutState, i: number, d: DocNode): number {
  return d.tag === Tag.Lines && (st.starts[i] as number) > 0 ? 0 : d.head;
}

function isGroup(d: DocNode): boolean {
  return d.tag === Tag.Group || d.tag === Tag.Priority || d.tag === Tag.Transparent;
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
        d = d.content as Doc;
        break;
      default:
        return 0;
    }
  }
  return 0;
}
