import type { LayoutState } from "./state.ts";
import type { DocNode } from "./types.ts";

/*
 * The layout engine's output primitives, shared with emitters (see `emit.ts`) so that text
 * they write directly is indented and counted exactly as the engine would.
 */

/**
 * Prints text, indenting it first if it starts a line. The indentation follows nixfmt: a
 * line whose first text is at a deeper nesting level than the current one is indented one
 * step more than the current line (however many levels deeper); a shallower level returns
 * to the indentation that level had. Text of a group printed flat in the middle of a line
 * leaves the levels alone (nixfmt prints such a group as one piece of text): so
 * `f a b` ⏎ `c` indents `c`, although `a` and `b` were as deep as `c`. Neither does text
 * that follows text with no spacing nor group boundary between them (nixfmt merges them
 * into one text, at the level of the first).
 */
export function putText(st: LayoutState, level: number, flat: number, s: string, width: number): void {
  if ((flat === 1 || st.inRun) && st.cc !== 0) {
    st.out.write(s);
    st.cc += width;
    st.newlines = 0;
    st.inRun = true;
    return;
  }
  st.inRun = true;
  const { indentCols: cols, indentLevels: levels } = st;
  let top = st.indentTop;
  while (level < (levels[top] as number)) top--;
  if (level > (levels[top] as number)) {
    const col = cols[top] as number;
    top++;
    st.setIndent(top, st.cc === 0 ? col + st.indentWidth : col, level);
  }
  st.indentTop = top;
  if (st.cc === 0) {
    const col = (cols[top] as number) + st.offset;
    if (col > 0) st.out.spacesOf(col);
  }
  st.out.write(s);
  st.cc += width;
  st.newlines = 0;
}

export function putVerbatim(st: LayoutState, level: number, d: DocNode): void {
  const s = d.content as string;
  const first = s.indexOf("\n");
  putText(st, level, 0, s.slice(0, first), d.head);
  st.out.write(s.slice(first));
  st.cc = d.tail;
  st.newlines = s.endsWith("\n") ? 1 : 0;
}

export function space(st: LayoutState): void {
  st.inRun = false;
  if (st.cc === 0) return;
  st.out.write(" ");
  st.cc++;
  st.spaceEnd = st.out.mark();
}

/**
 * Ends the line so that at least `n` line breaks separate it from the last text. A space that
 * a spacing wrote just before is dropped (nixfmt merges a space and a line break into the
 * line break): no line ends in a space the printer chose.
 */
export function newline(st: LayoutState, n: number): void {
  st.inRun = false;
  if (st.newlines < 0) return;
  if (st.spaceEnd === st.out.mark() && st.cc > 0 && st.out.last() === 0x20) st.out.drop(1);
  if (st.newlines < n) {
    st.out.newlines(n - st.newlines);
    st.newlines = n;
  }
  st.cc = 0;
}
