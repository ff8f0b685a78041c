import { firstLineFits, leadingSpace, restFits } from "./lookahead.ts";
import { checkpoint, RUN_BREAK, tryPriority } from "./priority.ts";
import { LayoutState } from "./state.ts";
import { offsetEnd } from "./offset.ts";
import { Flag, OFFSET_SHIFT, Tag, type Doc, type DocNode, type Emitter, type Thunk } from "./types.ts";
import { newline, putText, putVerbatim, space } from "./write.ts";

/** Options of {@link layout}. */
export interface LayoutOptions {
  /** Line width, not counting indentation (nixfmt counts only what follows it). */
  readonly width: number;
  /** Spaces per indentation step. */
  readonly indent: number;
}

/**
 * Lays a document out greedily, Wadler/prettier style with nixfmt's refinements: a group is
 * printed flat if it fits (with what follows it up to the next possible break), otherwise its
 * priority groups are tried, otherwise it breaks. Iterative (an explicit command stack), so a
 * document nested 10,000 deep prints without recursion. Returns the text with exactly one
 * trailing newline, no leading blank lines, and no trailing spaces produced by spacings.
 * @example layout(group(concat(["[", nest(concat([line, "a"])), line, "]"])), { width: 100, indent: 2 }) // "[ a ]\n"
 */
export function layout(doc: Doc, options: LayoutOptions): string {
  const st = new LayoutState(options.width, options.indent);
  st.push(doc, 0, 0);
  while (st.sp > 0) {
    const sp = --st.sp;
    const d = st.docs[sp] as Doc;
    const level = st.levels[sp] as number;
    const flat = st.flats[sp] as number;
    if (typeof d === "string") {
      if (d.length > 0) putText(st, level, flat, d, d.length);
      continue;
    }
    if (d.tag === Tag.Lines) putLines(st, d, level, flat, st.starts[sp] as number);
    else if (d.tag === Tag.Emit) (d.content as Emitter).emit(st, level, flat, st.starts[sp] as number);
    else step(st, d, level, flat);
  }
  return st.out.finish();
}

function step(st: LayoutState, d: DocNode, level: number, flat: number): void {
  switch (d.tag) {
    case Tag.Concat: {
      const parts = d.content as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) st.push(parts[i] as Doc, level, flat);
      return;
    }
    case Tag.Nest:
      st.push(d.content as Doc, level + 1, flat);
      return;
    case Tag.Group:
    case Tag.Priority:
    case Tag.Transparent:
      if (flat !== 0) {
        // Inside a group printed flat: all one text for nixfmt, no boundary. Inside
        // unexpanded content: no group at all (nixfmt dissolved them).
        st.push(d.content as Doc, level, flat);
        return;
      }
      // A group is a boundary: text after it or in it is not merged with text before it.
      st.inRun = false;
      st.push(RUN_BREAK, level, 0);
      if (fitsFlat(st, d)) {
        st.push(d.content as Doc, level, 1);
      } else if (
        d.tag !== Tag.Transparent &&
        (d.flags & Flag.InnerPriority) !== 0 &&
        tryPriority(st, d, level)
      ) {
        // tryPriority pushed the chosen layout.
      } else {
        st.push(d.content as Doc, level, 0);
      }
      return;
    case Tag.Text:
      putText(st, level, flat, d.content as string, d.width);
      return;
    case Tag.Trailing:
      if (flat === 0) putText(st, level, flat, d.content as string, (d.content as string).length);
      return;
    case Tag.Verbatim:
      putVerbatim(st, level, d);
      return;
    case Tag.Line:
      if (flat !== 0) space(st);
      else newline(st, 1);
      return;
    case Tag.Softline:
      // Flat, nothing: unexpanded, even less (nixfmt drops it, so texts around it merge).
      if (flat === 0) newline(st, 1);
      return;
    case Tag.SoftSpace:
      if (flat !== 0 || st.cc === 0 || firstLineFits(st, st.width - st.cc - 1)) space(st);
      else newline(st, 1);
      return;
    case Tag.SoftBreak:
      if (flat !== 0) return;
      st.inRun = false;
      if (st.cc !== 0 && !firstLineFits(st, st.width - st.cc)) newline(st, 1);
      return;
    case Tag.Hardspace:
      space(st);
      return;
    case Tag.Newlines:
      newline(st, d.content as number);
      return;
    case Tag.Flat:
      // Unexpanded (nixfmt `unexpandSpacing'`): spacings are spaces and groups dissolved, but
      // the texts are still texts at their levels, unless a group around is printed flat.
      st.push(d.content as Doc, level, flat === 1 ? 1 : 3);
      return;
    case Tag.Lazy:
      st.push((d.content as Thunk).force(), level, flat);
      return;
    case Tag.Checkpoint:
      if (d.content === null) st.inRun = false;
      else checkpoint(st, d);
      return;
    case Tag.Offset: {
      const columns = d.flags >>> OFFSET_SHIFT;
      if (d.content === null) {
        st.offset -= columns;
        return;
      }
      st.offset += columns;
      st.push(offsetEnd(columns), level, flat);
      st.push(d.content as Doc, level, flat);
      return;
    }
    default:
      throw new Error(`layout: unknown doc tag ${String(d.tag)}`);
  }
}

/**
 * Prints the items of a `lines` doc from `start`, a line break before each but the first:
 * text items directly; at the first item that is not text, schedules the rest of this doc
 * and then that item, and returns.
 */
function putLines(st: LayoutState, d: DocNode, level: number, flat: number, start: number): void {
  const items = d.content as readonly Doc[];
  for (let i = start; i < items.length; i++) {
    if (i > 0) newline(st, 1);
    const item = items[i] as Doc;
    if (typeof item === "string") {
      putText(st, level, 0, item, item.length);
      continue;
    }
    if (i + 1 < items.length) st.push(d, level, flat, i + 1);
    st.push(item, level, flat);
    return;
  }
}

/** Whether group `g` fits flat on the current line, with the rest up to its next break. */
function fitsFlat(st: LayoutState, g: DocNode): boolean {
  if ((g.flags & Flag.Hard) !== 0) return false;
  let room = st.width - st.cc - g.width;
  if (st.cc === 0) room += leadingSpace(g);
  return room >= 0 && restFits(st, room);
}

