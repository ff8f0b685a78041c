import { Output } from "./output.ts";
import type { Doc } from "./types.ts";

/**
 * The mutable state of one layout run: the command stack (docs still to print, each with its
 * nesting level and mode), the output, the cursor and nixfmt's indentation stack.
 *
 * The command stack is three parallel arrays rather than an array of objects, so pushing a
 * command allocates nothing. Entry `sp - 1` is printed next; everything below it is "the
 * rest", which the fit checks look ahead into.
 */
export class LayoutState {
  /** Line width, not counting indentation (nixfmt's `--width`). */
  readonly width: number;
  /** Spaces per indentation step. */
  readonly indentWidth: number;

  docs: Doc[] = [];
  levels: number[] = [];
  /**
   * 0 = break mode; 1 = flat mode (spacings print flat, text is one piece of text for the
   * indentation); 2 = what follows a priority group being tried (see `priority.ts`); 3 =
   * unexpanded (spacings print flat, groups are dissolved, text keeps its levels).
   */
  flats: number[] = [];
  /** For a `lines` doc: the index of the next item to print. */
  starts: number[] = [];
  sp = 0;

  readonly out = new Output();
  /** Column after the indentation: 0 means nothing is printed on this line yet. */
  cc = 0;
  /** Line breaks printed since the last text; -1 before anything is printed. */
  newlines = -1;
  /**
   * Whether the last thing printed is text, with no spacing nor group boundary since: nixfmt
   * merges such adjacent texts into one, at the nesting level of the first (see `write.ts`).
   */
  inRun = false;
  /** Columns added to the indentation of a line that starts here (see `offset.ts`). */
  offset = 0;
  /** Output length right after the last space a spacing printed (see `newline`). */
  spaceEnd = -1;

  /** Indentation stack: columns and the nesting levels that opened them. */
  readonly indentCols: number[] = [0];
  readonly indentLevels: number[] = [0];
  indentTop = 0;

  /**
   * Layout attempts under way (priority groups whose expanded layout is printed to see if what
   * follows still fits, and undone if not; see `priority.ts`). While one is, every write to
   * the indentation stack is logged so it can be undone: index, column, level.
   */
  attempts = 0;
  readonly undoIndex: number[] = [];
  readonly undoCol: number[] = [];
  readonly undoLevel: number[] = [];
  undoTop = 0;

  constructor(width: number, indentWidth: number) {
    this.width = width;
    this.indentWidth = indentWidth;
  }

  push(doc: Doc, level: number, flat: number, start = 0): void {
    const sp = this.sp++;
    this.docs[sp] = doc;
    this.levels[sp] = level;
    this.flats[sp] = flat;
    this.starts[sp] = start;
  }

  /** Sets indentation slot `i`, logging the old value while an attempt is under way. */
  setIndent(i: number, col: number, level: number): void {
    if (this.attempts > 0) {
      const u = this.undoTop++;
      this.undoIndex[u] = i;
      this.undoCol[u] = this.indentCols[i] ?? 0;
      this.undoLevel[u] = this.indentLevels[i] ?? 0;
    }
    this.indentCols[i] = col;
    this.indentLevels[i] = level;
  }

  /** Undoes the indentation writes logged since the log had `mark` entries. */
  undoIndents(mark: number): void {
    for (let u = this.undoTop - 1; u >= mark; u--) {
      const i = this.undoIndex[u] as number;
      this.indentCols[i] = this.undoCol[u] as number;
      this.indentLevels[i] = this.undoLevel[u] as number;
    }
    this.undoTop = mark;
  }

}
