import type { NixAttrs, NixBinding, NixExpr, NixList, NixListItem, NixTrivia } from "../../ast/index.ts";
import {
  DocNode,
  emitted,
  Flag,
  hardline,
  newline,
  putText,
  Tag,
  type Doc,
  type Emitter,
  type LayoutState,
} from "../../doc/index.ts";
import { commentLines } from "../comments.ts";
import { toDoc, type HandlerTable, type PrintEnv } from "../driver.ts";
import { hasDistinctNames } from "../../build/nodes.ts";
import { checkBindings } from "../duplicates.ts";
import { PrintProblem } from "../problem.ts";
import { bindingLine, itemLine } from "./entries.ts";
import { bindingDoc, itemDoc } from "./general.ts";

/** Text after a closing bracket: by bracket, then whether a `;` follows (a binding's value). */
const CLOSE = { attrs: ["}", "};"], list: ["]", "];"] } as const;

/**
 * Writes the sets and lists nixfmt always expands (two or more entries, or a set as a
 * binding's value) straight into the layout engine's output, one entry per line, instead of
 * building docs for them: the bulk of a generated configuration, where the general printer
 * spends most of its time building and collecting docs whose layout is forced anyway.
 *
 * It writes an entry itself when its layout needs no more than a width check: `name = leaf;`,
 * `name = {` / `[` opening a nested expanded collection (which it then writes the same way,
 * as a frame of its own explicit stack: no recursion, whatever the depth), `''…''` strings,
 * single-entry sets and lists that fit on their line (`[ "websecure" ]`), `inherit a b;`.
 * Any other entry (a call, an operator, a `let`, an interpolated string …) is handed back to
 * the engine as the doc the general printer builds for it, with a resume entry below it on
 * the engine's stack; the engine lays that doc out (its fit checks see the resume entry as a
 * line break, which is what follows an entry) and then resumes this emitter.
 *
 * It writes through the engine's own primitives (`putText`, `newline`), so indentation,
 * nixfmt's nesting levels and the column count stay exactly the engine's, and the bytes are
 * the ones the general printer produces (a property test compares the two).
 */
export class DirectEmitter implements Emitter {
  /** Open collections, innermost last: the node, its next entry, its level, its closing text. */
  private readonly nodes: (NixAttrs | NixList | null)[] = [];
  private readonly next: number[] = [];
  private readonly levels: number[] = [];
  private readonly closes: string[] = [];
  /**
   * Per open set: `null` once its bindings are checked (or when it is small enough to check
   * pairwise), else the first names seen so far (large sets).
   */
  private readonly seen: (Set<string> | null)[] = [];
  /** Per open set: whether `checkBindings` has run on it (no more checks needed). */
  private readonly checked: boolean[] = [];
  private depth = 0;
  /** The collection being written, to blame for a malformed entry. */
  private current: object = {};
  /** Where {@link prefetchBindings} results go, so that its reads are not optimised away. */
  private sink = 0;
  /** The engine-stack entry that resumes {@link run} (its `start` is the frame base). */
  private readonly resume: DocNode = new DocNode(Tag.Emit, this, 0, 0, 0, Flag.Hard | Flag.Breakable);

  constructor(
    readonly env: PrintEnv,
    private readonly table: HandlerTable,
  ) {}

  /** The doc of an always-expanded, non-`rec` collection printed in `ctx`. */
  collection(node: NixAttrs | NixList, ctx: number): Doc {
    return emitted(new Collection(this, node, ctx), 1, 1);
  }

  /** Resumes after an entry handed to the engine. */
  emit(st: LayoutState, _level: number, _flat: number, base: number): void {
    try {
      this.run(st, base);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Writes `node` from its opening bracket, at the current position, at nesting `level`. */
  open(st: LayoutState, node: NixAttrs | NixList, level: number): void {
    this.current = node;
    try {
      putText(st, level, 0, node.kind === "attrs" ? "{" : "[", 1);
      const base = this.depth;
      this.push(node, level, false);
      this.run(st, base);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * As the driver does: a `TypeError` (a malformed, hand-built node) or an encoder's
   * `RangeError` becomes a problem of the collection being written; never wrong text.
   */
  private fail(error: unknown): never {
    if (error instanceof TypeError) throw new PrintProblem(this.current, "", `malformed node: ${error.message}`);
    if (error instanceof RangeError && !/call stack/i.test(error.message)) throw new PrintProblem(this.current, "", error.message);
    throw error;
  }

  /** The general doc of `node`, for a collection the engine reaches in flat mode. */
  general(node: NixExpr, ctx: number): Doc {
    return toDoc(node, ctx, this.table, this.env);
  }

  /**
   * Opens a frame for an expanded collection whose opening bracket was just written at
   * `level`; `semicolon` when it is a binding's value.
   */
  push(node: NixAttrs | NixList, level: number, semicolon: boolean): void {
    const f = this.depth++;
    this.nodes[f] = node;
    this.next[f] = 0;
    this.levels[f] = level;
    this.closes[f] = CLOSE[node.kind][semicolon ? 1 : 0];
    const checked = node.kind === "list" || hasDistinctNames(node);
    this.seen[f] = !checked && node.bindings.length > 16 ? new Set<string>() : null;
    this.checked[f] = checked;
  }

  /** Writes the open frames above `base` until they are closed or an entry needs the engine. */
  private run(st: LayoutState, base: number): void {
    while (this.depth > base) {
      const f = this.depth - 1;
      const node = this.nodes[f] as NixAttrs | NixList;
      this.current = node;
      const level = (this.levels[f] as number) + 1;
      // The entries of the innermost collection, in a loop of their own until one opens a
      // collection (its frame comes first) or goes to the engine.
      let i = this.next[f] as number;
      if (node.kind === "attrs") {
        const bindings = node.bindings;
        const n = bindings.length;
        const checked = this.checked[f] as boolean;
        while (i < n) {
          if ((i & 15) === 0) this.sink += prefetchBindings(bindings, i);
          const b = bindings[i] as NixBinding;
          if (!checked && !this.checked[f]) this.check(f, bindings, b, i);
          if (b.comments === undefined && b.blankLineBefore === undefined) newline(st, 1);
          else trivia(st, b, i, level);
          i++;
          if (!bindingLine(this, st, b, level)) {
            this.next[f] = i;
            this.handBack(st, bindingDoc(b, this.table, this.env), level, base);
            return;
          }
          if (this.depth !== f + 1) break;
        }
      } else {
        const items = node.items;
        const n = items.length;
        while (i < n) {
          if ((i & 15) === 0) this.sink += prefetchItems(items, i);
          const item = items[i] as NixListItem;
          let value: NixExpr;
          if (item.kind === "commented") {
            trivia(st, item, i, level);
            value = item.value;
          } else {
            newline(st, 1);
            value = item;
          }
          i++;
          // A commented `{ }` is no token for nixfmt (see collections.ts): the engine's job.
          const commentedEmptySet = value !== item && value.kind === "attrs" && value.bindings.length === 0 && !value.rec;
          if (commentedEmptySet || !itemLine(this, st, value, level)) {
            this.next[f] = i;
            this.handBack(st, itemDoc(item, value, this.table, this.env), level, base);
            return;
          }
          if (this.depth !== f + 1) break;
        }
      }
      this.next[f] = i;
      if (this.depth !== f + 1) continue;
      const close = this.closes[f] as string;
      newline(st, 1);
      putText(st, level - 1, 0, close, close.length);
      this.nodes[f] = null;
      this.seen[f] = null;
      this.depth = f;
    }
  }

  /**
   * The checks the set handler makes (`checkBindings`), run only when they can find
   * something: at the first name defined twice (a legal merge, or an error), `inherit`, or a
   * binding whose first name is not a plain string. Names are compared as the bindings are
   * written (a separate pass over a large set would read it from memory twice): pairwise
   * with the earlier ones in small sets, through a set of names in large ones.
   */
  private check(f: number, bindings: readonly NixBinding[], b: NixBinding, i: number): void {
    const first = b.kind === "binding" ? b.path[0] : undefined;
    let again = typeof first !== "string";
    if (!again) {
      const seen = this.seen[f];
      if (seen !== null && seen !== undefined) {
        again = seen.has(first as string);
        seen.add(first as string);
      } else {
        for (let j = 0; j < i && !again; j++) again = (bindings[j] as { readonly path: readonly unknown[] }).path[0] === first;
      }
    }
    if (!again) return;
    checkBindings(bindings, false, false);
    this.checked[f] = true;
    this.seen[f] = null;
  }

  /** Lets the engine lay out `doc` (an entry at `level`), then resume the frames above `base`. */
  private handBack(st: LayoutState, doc: Doc, level: number, base: number): void {
    st.push(this.resume, level, 0, base);
    st.push(doc, level, 0);
  }
}

/** The doc of one always-expanded collection: opens it in the emitter when reached. */
class Collection implements Emitter {
  constructor(
    private readonly emitter: DirectEmitter,
    private readonly node: NixAttrs | NixList,
    private readonly ctx: number,
  ) {}

  emit(st: LayoutState, level: number, flat: number): void {
    // Flat mode would print nested groups flat whatever their width: not the emitter's
    // business (and not a case the printer produces).
    if (flat === 1) st.push(this.emitter.general(this.node, this.ctx), level, flat);
    else this.emitter.open(st, this.node, level);
  }
}

/**
 * A line break before entry `i` (a blank line if it asks for one, except before the first),
 * then its comment lines, as `itemLines` lays them out.
 */
function trivia(st: LayoutState, t: NixTrivia, i: number, level: number): void {
  newline(st, i > 0 && t.blankLineBefore === true ? 2 : 1);
  const { comments } = t;
  if (comments === undefined || comments.length === 0) return;
  for (const d of commentLines(comments, t, ".comments")) {
    if (d === hardline) newline(st, 1);
    else if (typeof d === "string") putText(st, level, 0, d, d.length);
    else putText(st, level, 0, d.content as string, d.width);
  }
}

/**
 * Reads what the next sixteen bindings will need (their path, value and string parts) in a
 * tight loop, before they are written. A large tree is mostly memory latency: in this loop
 * the processor overlaps the cache misses of several bindings, where writing the bindings
 * one by one would wait for each in turn.
 */
function prefetchBindings(bindings: readonly NixBinding[], from: number): number {
  let sum = 0;
  const end = Math.min(bindings.length, from + 16);
  for (let i = from; i < end; i++) {
    const b = bindings[i] as NixBinding;
    if (b.kind !== "binding") continue;
    // Reads only: a malformed or invalid binding (an empty path) is reported when written.
    const name = b.path[0];
    if (typeof name === "string") sum += name.length;
    const v = b.value as NixExpr | undefined;
    if (v?.kind === "string") {
      const text = v.parts[0];
      if (typeof text === "string") sum += text.length;
    }
  }
  return sum;
}

/** {@link prefetchBindings} for list items. */
function prefetchItems(items: readonly NixListItem[], from: number): number {
  let sum = 0;
  const end = Math.min(items.length, from + 16);
  for (let i = from; i < end; i++) {
    const v = items[i] as NixListItem | undefined;
    if (v?.kind === "string") {
      const text = v.parts[0];
      if (typeof text === "string") sum += text.length;
    }
  }
  return sum;
}
