import type { NixAttrs, NixExpr, NixExprKind, NixList } from "../ast/index.ts";
import { lazy, type Doc, type Thunk } from "../doc/index.ts";
import { Ctx } from "./context.ts";
import type { DirectEmitter } from "./direct/emitter.ts";
import { parenthesize } from "./parens.ts";
import { PrintProblem } from "./problem.ts";

/** Context marking a child whose doc is already computed (see {@link ChildSink.addDoc}). */
const READY = -1;

/** Where a handler lists the child expressions it needs docs for, with their contexts. */
export class ChildSink {
  readonly nodes: (NixExpr | Doc)[] = [];
  readonly ctxs: number[] = [];
  n = 0;

  add(node: NixExpr, ctx: number): void {
    this.nodes[this.n] = node;
    this.ctxs[this.n++] = ctx;
  }

  /** A child whose doc the handler computed itself (a leaf): it takes its place in order. */
  addDoc(doc: Doc): void {
    this.nodes[this.n] = doc;
    this.ctxs[this.n++] = READY;
  }
}

/** Print settings the doc builders need (the layout engine gets the rest), and caches. */
export interface PrintEnv {
  /** Line width, not counting indentation. */
  readonly width: number;
  /** Docs of static attribute names already formatted in this print (names repeat a lot). */
  readonly names: Map<string, Doc>;
  /** Lines a set's `children` computed for its `build` (see `fast-bindings.ts`). */
  ready?: { readonly node: NixExpr; readonly lines: Doc[] } | undefined;
  /**
   * Writes always-expanded sets and lists straight into the output (see `direct/`); without
   * it they become lazy docs. Same bytes either way.
   */
  direct?: DirectEmitter | undefined;
}

/**
 * How one node kind prints. `children` lists the sub-expressions (and the context each is
 * printed in); `build` then receives their docs, in that order, at `docs[base]`,
 * `docs[base + 1]` … and returns the node's doc. Parentheses (context `Paren`) are added
 * by the driver.
 */
export interface Handler<N extends NixExpr> {
  /** Set for kinds that never have sub-expressions: no frames needed. */
  readonly leaf?: boolean;
  children(node: N, ctx: number, out: ChildSink, env: PrintEnv): void;
  build(node: N, ctx: number, docs: readonly Doc[], base: number, env: PrintEnv): Doc;
}

/** One handler per expression kind: a kind without a handler is a compile error. */
export type HandlerTable = { readonly [K in NixExprKind]: Handler<Extract<NixExpr, { kind: K }>> };

/**
 * Whether `node`, printed in `ctx`, always breaks: a set with two or more bindings (or one,
 * where sets are expanded), a list with two or more items (except a short argument list).
 */
function alwaysBreaks(node: NixExpr, ctx: number): boolean {
  if (node.kind === "attrs") return node.bindings.length > 1 || (node.bindings.length === 1 && (ctx & Ctx.Wide) !== 0);
  if (node.kind === "list") return node.items.length > 1 && (ctx & Ctx.Inline) === 0;
  return false;
}

/** The doc of an always-breaking collection, built when the layout engine reaches it. */
class LazyExpr implements Thunk {
  constructor(
    private readonly node: NixExpr,
    private readonly ctx: number,
    private readonly table: HandlerTable,
    private readonly env: PrintEnv,
  ) {}

  force(): Doc {
    return toDoc(this.node, this.ctx, this.table, this.env);
  }
}

/**
 * The doc of an always-breaking collection: written directly when the layout engine reaches
 * it (non-`rec` sets and lists without parentheses, when a direct emitter is set), else
 * built then.
 */
function lazyDoc(node: NixExpr, ctx: number, table: HandlerTable, env: PrintEnv): Doc {
  const rec = node.kind === "attrs" && node.rec;
  // Parenthesised (`inherit ({ … })`): the parentheses come with the general doc.
  if (env.direct !== undefined && !rec && (ctx & Ctx.Paren) === 0) return env.direct.collection(node as NixAttrs | NixList, ctx);
  return lazy(new LazyExpr(node, ctx, table, env), rec ? 5 : 1, 1);
}

/**
 * The doc of `node` as a child printed in `ctx`, as the driver makes it for a handler's
 * children (always-breaking collections lazy or direct, parentheses added).
 */
export function childDoc(node: NixExpr, ctx: number, table: HandlerTable, env: PrintEnv): Doc {
  return alwaysBreaks(node, ctx) ? lazyDoc(node, ctx, table, env) : toDoc(node, ctx, table, env);
}

/**
 * Converts an expression to a doc without recursion: an explicit stack of frames, each
 * visited twice (enter: list children; exit: build from their docs), and a stack of
 * results. A 10,000-deep tree needs 10,000 frames, not 10,000 JS stack frames.
 *
 * Sets and lists that always break (see {@link alwaysBreaks}) below the root become lazy
 * docs, converted when the layout engine reaches them: most of a large document then never
 * exists as docs all at once.
 *
 * A `RangeError` from an encoder (a NUL byte, a lone surrogate) becomes a problem of the
 * node being printed, and so does a `TypeError` (a malformed, hand-built node).
 */
export function toDoc(root: NixExpr, rootCtx: number, table: HandlerTable, env: PrintEnv): Doc {
  // Conversions run one at a time (lazy docs are forced by the layout engine, after the
  // conversion that made them returned), so they share one set of stacks instead of
  // allocating eight arrays per lazy doc; a nested call would get its own.
  const scratch = idle ?? new Scratch();
  idle = null;
  try {
    return convert(root, rootCtx, table, env, scratch);
  } finally {
    scratch.release();
    idle = scratch;
  }
}

/** The stacks of a conversion, reused across conversions. */
class Scratch {
  readonly nodes: (NixExpr | Doc)[] = [];
  readonly ctxs: number[] = [];
  /** -2: enter the root (always converted now); -1: enter a child; ≥ 0: exit. */
  readonly bases: number[] = [];
  /** The node whose child each frame is, to report a child that is not a node. */
  readonly parents: (NixExpr | null)[] = [];
  /** Results stack (with its own pointer: truncating an array by assigning `length` is slow). */
  readonly results: Doc[] = [];
  readonly sink = new ChildSink();
  /** High-water marks, to drop references to docs and nodes once a conversion is done. */
  frames = 0;
  docs = 0;

  release(): void {
    this.nodes.fill(null as never, 0, this.frames);
    this.parents.fill(null, 0, this.frames);
    this.results.fill("", 0, this.docs);
    this.frames = 0;
    this.docs = 0;
  }
}

let idle: Scratch | null = new Scratch();

function convert(root: NixExpr, rootCtx: number, table: HandlerTable, env: PrintEnv, scratch: Scratch): Doc {
  const { nodes, ctxs, bases, parents, results, sink } = scratch;
  nodes[0] = root;
  ctxs[0] = rootCtx;
  bases[0] = -2;
  parents[0] = null;
  let fp = 1;
  let rp = 0;
  // Highest result slot written, for Scratch.release.
  let top = 0;
  let node: NixExpr = root;
  try {
    while (fp > 0) {
      fp--;
      const ctx = ctxs[fp] as number;
      if (rp >= top) top = rp + 1;
      if (ctx === READY) {
        results[rp++] = nodes[fp] as Doc;
        continue;
      }
      node = nodes[fp] as NixExpr;
      const base = bases[fp] as number;
      if (typeof node !== "object" || node === null) {
        const parent = parents[fp] ?? root;
        throw new PrintProblem(parent, "", `a sub-expression is ${node === null ? "null" : typeof node}, not a Nix expression node`);
      }
      const handler = table[node.kind] as Handler<NixExpr> | undefined;
      if (handler === undefined) throw new PrintProblem(node, ".kind", `unknown node kind ${JSON.stringify(node.kind)}`);
      if (base >= 0) {
        results[base] = finish(node, ctx, handler.build(node, ctx, results, base, env));
        rp = base + 1;
        continue;
      }
      if (handler.leaf === true) {
        results[rp] = finish(node, ctx, handler.build(node, ctx, results, rp, env));
        rp++;
        continue;
      }
      if (base === -1 && alwaysBreaks(node, ctx)) {
        results[rp++] = lazyDoc(node, ctx, table, env);
        continue;
      }
      sink.n = 0;
      handler.children(node, ctx, sink, env);
      if (sink.n === 0) {
        results[rp] = finish(node, ctx, handler.build(node, ctx, results, rp, env));
        rp++;
        continue;
      }
      nodes[fp] = node;
      ctxs[fp] = ctx;
      bases[fp++] = rp;
      const sinkNodes = sink.nodes;
      for (let i = sink.n - 1; i >= 0; i--) {
        nodes[fp] = sinkNodes[i] as NixExpr | Doc;
        sinkNodes[i] = null as never;
        ctxs[fp] = sink.ctxs[i] as number;
        parents[fp] = node;
        bases[fp++] = -1;
      }
      if (fp > scratch.frames) scratch.frames = fp;
    }
  } catch (error) {
    // Encoders throw RangeError for unrepresentable text; a stack overflow is not that.
    if (error instanceof RangeError && !/call stack/i.test(error.message)) {
      throw new PrintProblem(node, "", error.message);
    }
    // A hand-built tree with a hole or a wrong field: name the node, not a JS internal.
    if (error instanceof TypeError) throw new PrintProblem(node, "", `malformed node: ${error.message}`);
    throw error;
  } finally {
    if (top > scratch.docs) scratch.docs = top;
  }
  return results[0] as Doc;
}

function finish(node: NixExpr, ctx: number, doc: Doc): Doc {
  return (ctx & Ctx.Paren) === 0 ? doc : parenthesize(node, doc, ctx);
}
