import type { NixAttrBinding, NixAttrName, NixAttrPath, NixExpr } from "../ast/index.ts";
import { isNixExpr, NODE_BRAND, node } from "../build/node.ts";
import { NixValueError } from "../errors.ts";
import { attrNameProblem } from "../lexical/index.ts";
import { elementPath, memberPath } from "./js-path.ts";
import { classify, isPlainObject } from "./scalars.ts";

/** The part of `ToNixOptions` the converter reads (see `./index.ts` for the docs). */
export interface ConvertOptions {
  readonly convert?: (value: unknown, path: string) => NixExpr | undefined;
  readonly collapse?: boolean;
}

interface ListFrame {
  readonly kind: "list";
  readonly object: readonly unknown[];
  readonly items: NixExpr[];
  /** Index of the next element; the element being converted is `index - 1`. */
  index: number;
}

interface AttrsFrame {
  readonly kind: "attrs";
  readonly object: object;
  /** Keys of the defined members, in code-unit order, and their values. */
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly bindings: NixAttrBinding[];
  index: number;
  /** Attribute path of the binding being converted (its key, then collapsed keys). */
  names: NixAttrName[];
  /** Single-member objects collapsed into `names`, open until the binding is done. */
  chain: object[];
}

type Frame = ListFrame | AttrsFrame;

/**
 * The conversion as a loop over an explicit stack of open lists and attribute sets, so the
 * depth of the data is bounded by memory, not by the JS call stack. JS paths (for errors and
 * the `convert` hook) are built from the stack only when needed: building one per value
 * would dominate the cost of converting large data.
 */
export class Converter {
  private readonly stack: Frame[] = [];
  /** Objects on the current path (open frames and collapsed chains): cycles are errors. */
  private readonly open = new Set<object>();
  private readonly collapse: boolean;

  constructor(private readonly options: ConvertOptions) {
    this.collapse = options.collapse ?? true;
  }

  run(value: unknown): NixExpr {
    const root = this.enter(value, false);
    if (root !== undefined) return root;
    for (;;) {
      const frame = this.stack[this.stack.length - 1] as Frame;
      const more = frame.index < (frame.kind === "list" ? frame.object.length : frame.keys.length);
      const done = more ? this.step(frame) : this.finish(frame);
      if (done === undefined) continue;
      const parent = this.stack[this.stack.length - 1];
      if (parent === undefined) return done;
      this.attach(parent, done);
    }
  }

  /** Converts the next child: its node, or `undefined` when it opened a frame. */
  private step(frame: Frame): NixExpr | undefined {
    const i = frame.index++;
    if (frame.kind === "list") {
      if (!(i in frame.object)) this.fail("a hole in a sparse array has no Nix counterpart (Nix lists are dense)");
      return this.enter(frame.object[i], false);
    }
    const key = frame.keys[i] as string;
    frame.names = [key];
    frame.chain.length = 0;
    this.checkKey(key);
    const value = frame.values[i];
    return this.collapse ? this.collapseChain(frame, value) : this.enter(value, false);
  }

  /**
   * Follows single-member plain objects (`{ a: { b: { c: 1 } } }`) into one attribute path
   * `a.b.c`, as hand-written modules do. Stops at anything else: an AST node (its structure is
   * the author's), what the `convert` hook takes over, an empty object or one with several
   * members, an array, a scalar.
   */
  private collapseChain(frame: AttrsFrame, value: unknown): NixExpr | undefined {
    let current = value;
    for (;;) {
      if (typeof current !== "object" || current === null || Array.isArray(current) || isBranded(current)) {
        return this.enter(current, false);
      }
      const custom = this.hook(current);
      if (custom !== undefined) return custom;
      if (!isPlainObject(current)) return this.enter(current, true);
      const [keys, values] = members(current);
      if (keys.length !== 1) return this.openAttrs(current, keys, values);
      this.markOpen(current);
      frame.chain.push(current);
      frame.names.push(keys[0] as string);
      this.checkKey(keys[0] as string);
      current = values[0];
    }
  }

  /**
   * One value: AST nodes as they are, then the `convert` hook (unless already asked), then
   * plain data. Returns the node, or `undefined` after opening a frame for a container.
   */
  private enter(value: unknown, hookAsked: boolean): NixExpr | undefined {
    if (isNixExpr(value)) return value;
    if (isBranded(value)) this.fail("a file node (n.file) can only be printed on its own, not nested in a value");
    if (!hookAsked) {
      const custom = this.hook(value);
      if (custom !== undefined) return custom;
    }
    const leaf = classify(value);
    if (leaf === "array") {
      this.markOpen(value as object);
      this.stack.push({ kind: "list", object: value as unknown[], items: [], index: 0 });
      return undefined;
    }
    if (leaf === "object") {
      const [keys, values] = members(value as object);
      return this.openAttrs(value as object, keys, values);
    }
    if ("problem" in leaf) this.fail(leaf.problem);
    return leaf;
  }

  private openAttrs(object: object, keys: readonly string[], values: readonly unknown[]): undefined {
    this.markOpen(object);
    this.stack.push({ kind: "attrs", object, keys, values, bindings: [], index: 0, names: [], chain: [] });
    return undefined;
  }

  private hook(value: unknown): NixExpr | undefined {
    const convert = this.options.convert;
    if (convert === undefined) return undefined;
    const custom = convert(value, this.path());
    if (custom === undefined || isNixExpr(custom)) return custom;
    return this.fail("the `convert` option returned something that is not a Nix AST node (build one with n.*, or call toNix on it)");
  }

  private checkKey(key: string): void {
    const problem = attrNameProblem(key);
    if (problem !== undefined) this.fail(`attribute name ${problem}`);
  }

  private markOpen(object: object): void {
    if (this.open.has(object)) this.fail(`a cycle: this is the same object as its ancestor ${this.pathOf(object)}`);
    this.open.add(object);
  }

  /** Where an open object was entered (searched only to report a cycle). */
  private pathOf(object: object): string {
    for (let depth = 0; depth < this.stack.length; depth++) {
      const frame = this.stack[depth] as Frame;
      if (frame.object === object) return this.path(depth);
      if (frame.kind === "attrs") {
        const at = frame.chain.indexOf(object);
        if (at !== -1) return this.path(depth, at + 1);
      }
    }
    return "(unknown)";
  }

  /** Throws for the value being converted, at its JS path. */
  private fail(reason: string): never {
    throw new NixValueError(this.path(), reason);
  }

  /**
   * The JS path through the first `depth` frames (each at its current child), then `names`
   * names of frame `depth`'s current binding. Default: the value being converted.
   */
  private path(depth = this.stack.length, names = 0): string {
    let path = "$";
    for (let d = 0; d < depth; d++) {
      const frame = this.stack[d] as Frame;
      if (frame.kind === "list") path = elementPath(path, frame.index - 1);
      else for (const name of frame.names) path = memberPath(path, name as string);
    }
    const frame = this.stack[depth];
    if (frame?.kind === "attrs") for (const name of frame.names.slice(0, names)) path = memberPath(path, name as string);
    return path;
  }

  private attach(frame: Frame, value: NixExpr): void {
    if (frame.kind === "list") {
      frame.items.push(value);
      return;
    }
    for (const object of frame.chain) this.open.delete(object);
    const path = Object.freeze(frame.names) as unknown as NixAttrPath;
    frame.bindings.push(Object.freeze({ kind: "binding", path, value }));
  }

  private finish(frame: Frame): NixExpr {
    this.stack.pop();
    this.open.delete(frame.object);
    return frame.kind === "list"
      ? node({ kind: "list", items: Object.freeze(frame.items) })
      : node({ kind: "attrs", rec: false, bindings: Object.freeze(frame.bindings) });
  }
}

/** Made by a builder: an expression node, or a file node (which cannot be nested). */
function isBranded(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { [NODE_BRAND]?: boolean })[NODE_BRAND] === true;
}

/** Keys of the defined members in code-unit order (declaration order carries no meaning), and their values. */
function members(object: object): [string[], unknown[]] {
  const keys = Object.keys(object).sort(); // default sort: UTF-16 code-unit order
  const values = new Array<unknown>(keys.length);
  let kept = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const v = (object as Record<string, unknown>)[key];
    if (v === undefined) continue;
    keys[kept] = key;
    values[kept++] = v;
  }
  if (kept !== keys.length) keys.length = values.length = kept;
  return [keys, values];
}
