import { leadingSpace, restFits } from "./lookahead.ts";
import type { LayoutState } from "./state.ts";
import { DocNode, Flag, Tag, type Doc } from "./types.ts";

/** Scratch arrays, reused across calls: a layout run is single-threaded. */
const segDocs: Doc[] = [];
const segLevels: number[] = [];
const walkDocs: Doc[] = [];
const walkLevels: number[] = [];
/** Highest slot of `walkDocs` used by the last walk (to clear it). */
let walkHigh = 0;

/**
 * Splits a group's content into segments, looking through concats, nests and transparent
 * groups (nixfmt's `priorityGroups`): every other node, priority groups included, is one
 * segment. Returns the number of segments.
 */
function segments(content: Doc, level: number): number {
  let n = 0;
  let top = 0;
  walkDocs[top] = content;
  walkLevels[top++] = level;
  while (top > 0) {
    const d = walkDocs[--top] as Doc;
    const lvl = walkLevels[top] as number;
    if (typeof d !== "string") {
      if (d.tag === Tag.Concat) {
        const parts = d.content as readonly Doc[];
        for (let i = parts.length - 1; i >= 0; i--) {
          walkDocs[top] = parts[i] as Doc;
          walkLevels[top++] = lvl;
        }
        if (top > walkHigh) walkHigh = top;
        continue;
      }
      if (d.tag === Tag.Nest || d.tag === Tag.Transparent) {
        walkDocs[top] = d.content as Doc;
        walkLevels[top++] = d.tag === Tag.Nest ? lvl + 1 : lvl;
        continue;
      }
    }
    segDocs[n] = d;
    segLevels[n++] = lvl;
  }
  return n;
}

function widthOf(d: Doc): number {
  return typeof d === "string" ? d.length : d.width;
}

function isHard(d: Doc): boolean {
  return typeof d !== "string" && (d.flags & Flag.Hard) !== 0;
}

/**
 * nixfmt's priority expansion, for a group that does not fit flat: for each priority group
 * inside it, from the last to the first, try printing everything before it flat on the
 * current line, the priority group broken, and everything after it flat on the priority
 * group's last line. Pushes the chosen layout and returns true, or returns false (the group
 * then breaks as usual).
 *
 * nixfmt finds out whether the part after the priority group fits by rendering the group and
 * backtracking; this engine never backtracks and uses the group's static `tail` (the width
 * after its last possible break) instead, exact for the sets, lists, parentheses and strings
 * that are priority groups in practice.
 */
export function tryPriority(st: LayoutState, g: DocNode, level: number): boolean {
  const n = segments(g.content as Doc, level);
  try {
    return choose(st, n);
  } finally {
    // Do not keep the last document alive through the scratch arrays.
    segDocs.fill("", 0, n);
    walkDocs.fill("", 0, walkHigh + 1);
    walkHigh = 0;
  }
}

function choose(st: LayoutState, n: number): boolean {
  let total = 0;
  for (let i = 0; i < n; i++) total += widthOf(segDocs[i] as Doc);
  for (let k = n - 1; k >= 0; k--) {
    const prio = segDocs[k] as Doc;
    if (typeof prio === "string" || prio.tag !== Tag.Priority) continue;
    if ((prio.flags & Flag.Breakable) === 0) continue;
    let pre = 0;
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      const d = segDocs[i] as Doc;
      if (isHard(d)) ok = false;
      pre += widthOf(d);
    }
    if (!ok) continue;
    const post = total - pre - prio.width;
    for (let i = k + 1; i < n && ok; i++) if (isHard(segDocs[i] as Doc)) ok = false;
    if (!ok) continue;
    if (st.cc === 0 && k > 0) pre -= leadingSpace(segDocs[0] as Doc);
    if (st.cc + pre + prio.head > st.width) continue;
    const room = st.width - prio.tail - post;
    if (room < 0 || !restFits(st, room)) continue;
    for (let i = n - 1; i > k; i--) st.push(segDocs[i] as Doc, segLevels[i] as number, 1);
    st.push(prio.content as Doc, segLevels[k] as number, 0);
    for (let i = k - 1; i >= 0; i--) st.push(segDocs[i] as Doc, segLevels[i] as number, 1);
    return true;
  }
  return false;
}
