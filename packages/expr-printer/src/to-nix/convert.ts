import type { NixAttrName, NixAttrPath, NixBinding, NixExpr } from "../ast/index.ts";
import { isNixExpr, NODE_BRAND } from "../build/node.ts";
import { dataSetNode, listNode } from "../build/nodes.ts";
import { NixValueError } from "../errors.ts";
import { attrNameProblem, isIdentifier } from "../lexical/index.ts";
import { elementPath, memberPath } from "./js-path.ts";
import { singleMember, sortedKeys } from "./keys.ts";
import { classify, isPlainObject } from "./scalars.ts";

/** The part of `ToNixOptions` the converter reads (see `./index.ts` for the docs). */
export interface ConvertOptions {
  readonly convert?: (value: unknown, path: string) => NixExpr | undefined;
  readonly collapse?: boolean;
}

/**
 * An open list or attribute set. Frames are reused from one container to the next (the
 * converter keeps one per depth): converting large data allocates the nodes it returns and
 * little else.
 */
class Frame {
  list = false;
  object: object = EMPTY_OBJECT;
  /** Attribute sets: the keys in code-unit order (members whose value is `undefined` included). */
  keys: readonly string[] = NO_KEYS;
  /** Index of the next element or key; the one being converted is `index - 1`. */
  index = 0;
  /**
   * The converted elements or bindings, the first `count` entries (a scratch array reused
   * from one container to the next; the node gets an exact-size copy: an array grown by
   * `push` keeps room for 17 or more entries, which a frozen array holds forever).
   */
  readonly entries: (NixExpr | NixBinding)[] = [];
  count = 0;
  /** Attribute sets: the names that become one `inherit`. */
  inherits: string[] | null = null;
  /**
   * Attribute path of the binding being converted (its key, then collapsed keys): the first
   * `nameCount` entries (a scratch array: later entries are stale).
   */
  readonly names: NixAttrName[] = [];
  nameCount = 0;
  /** The shared one-name path of the binding's key (see {@link Converter.pathOfKey}). */
  path: NixAttrPath | null = null;
  /** Single-member objects collapsed into `names`, open until the binding is done. */
  readonly chain: object[] = [];
  chainCount = 0;
}

const EMPTY_OBJECT = Object.freeze({});
const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The conversion as a loop over an explicit stack of open lists and attribute sets, so the
 * depth of the data is bounded by memory, not by the JS call stack. JS paths (for errors and
 * the `convert` hook) are built from the stack only when needed: building one per value
 * would dominate the cost of converting large data.
 */
export class Converter {
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** Objects on the current path (open frames and collapsed chains): cycles are errors. */
  private readonly open = new Set<object>();
  /** One frozen one-name path per key (see {@link pathOfName}). */
  private readonly paths = new Map<string, NixAttrPath>();
  private readonly collapse: boolean;

  constructor(private readonly options: ConvertOptions) {
    this.collapse = options.collapse ?? true;
  }

  run(value: unknown): NixExpr {
    const root = this.enter(value, false);
    if (root !== undefined) return root;
    for (;;) {
      const frame = this.frames[this.depth - 1] as Frame;
      const done = frame.index < (frame.list ? (frame.object as unknown[]).length : frame.keys.length) ? this.step(frame) : this.finish(frame);
      if (done === undefined) continue;
      if (this.depth === 0) return done;
      this.attach(this.frames[this.depth - 1] as Frame, done);
    }
  }

  /** Converts the next child: its node, or `undefined` when it opened a frame (or was skipped). */
  private step(frame: Frame): NixExpr | undefined {
    const i = frame.index++;
    const object = frame.object as Record<string, unknown>;
    if (frame.list) {
      if (!(i in object)) this.fail("a hole in a sparse array has no Nix counterpart (Nix lists are dense)");
      return this.enter(object[i], false);
    }
    const key = frame.keys[i] as string;
    const value = object[key];
    if (value === undefined) return undefined;
    frame.names[0] = key;
    frame.nameCount = 1;
    frame.chainCount = 0;
    frame.path = this.pathOfKey(key);
    return this.collapse ? this.collapseChain(frame, value) : this.enter(value, false);
  }

  /**
   * Follows single-member plain objects (`{ a: { b: { c: 1 } } }`) into one attribute path
   * `a.b.c`, as hand-written modules do. Stops at anything else: an AST node (its structure is
   * the author's), what the `convert` hook takes over, an empty object or one with several
   * members, an array, a scalar.
   */
  private collapseChain(frame: Frame, value: unknown): NixExpr | undefined {
    let current = value;
    for (;;) {
      if (typeof current !== "object" || current === null || Array.isArray(current) || isBranded(current)) {
        return this.enter(current, false);
      }
      const custom = this.hook(current);
      if (custom !== undefined) return custom;
      if (!isPlainObject(current)) return this.enter(current, true);
      const keys = sortedKeys(current);
      const only = singleMember(current, keys);
      if (only === undefined) return this.openAttrs(current, keys);
      this.markOpen(current);
      frame.chain[frame.chainCount++] = current;
      frame.names[frame.nameCount++] = only;
      this.checkKey(only);
      current = (current as Record<string, unknown>)[only];
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
      this.pushFrame(true, value as object, NO_KEYS);
      return undefined;
    }
    if (leaf === "object") return this.openAttrs(value as object, sortedKeys(value as object));
    if ("problem" in leaf) this.fail(leaf.problem);
    return leaf;
  }

  private openAttrs(object: object, keys: readonly string[]): undefined {
    this.markOpen(object);
    this.pushFrame(false, object, keys);
    return undefined;
  }

  private pushFrame(list: boolean, object: object, keys: readonly string[]): void {
    const frame = (this.frames[this.depth] ??= new Frame());
    this.depth++;
    frame.list = list;
    frame.object = object;
    frame.keys = keys;
    frame.index = 0;
    frame.count = 0;
    frame.inherits = null;
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
    for (let depth = 0; depth < this.depth; depth++) {
      const frame = this.frames[depth] as Frame;
      if (frame.object === object) return this.path(depth);
      if (!frame.list) {
        const at = frame.chain.indexOf(object);
        if (at !== -1 && at < frame.chainCount) return this.path(depth, at + 1);
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
  private path(depth = this.depth, names = 0): string {
    let path = "$";
    for (let d = 0; d < depth; d++) {
      const frame = this.frames[d] as Frame;
      if (frame.list) path = elementPath(path, frame.index - 1);
      else for (let k = 0; k < frame.nameCount; k++) path = memberPath(path, frame.names[k] as string);
    }
    const frame = depth < this.depth ? this.frames[depth] : undefined;
    if (frame !== undefined && !frame.list) {
      for (let k = 0; k < Math.min(names, frame.nameCount); k++) path = memberPath(path, frame.names[k] as string);
    }
    return path;
  }

  private attach(frame: Frame, value: NixExpr): void {
    if (frame.list) {
      frame.entries[frame.count++] = value;
      return;
    }
    const { names, chain } = frame;
    for (let i = 0; i < frame.chainCount; i++) this.open.delete(chain[i] as object);
    if (frame.nameCount === 1) {
      const key = names[0] as string;
      // `domain = domain;` is written `inherit domain;`, as a Nix author writes it (the same
      // in a set that is not `rec`, and toNix makes no other).
      if (value.kind === "ident" && value.name === key && isIdentifier(key)) {
        (frame.inherits ??= []).push(key);
        return;
      }
      frame.entries[frame.count++] = Object.freeze({ kind: "binding", path: frame.path as NixAttrPath, value });
      return;
    }
    const path = Object.freeze(names.slice(0, frame.nameCount)) as unknown as NixAttrPath;
    frame.entries[frame.count++] = Object.freeze({ kind: "binding", path, value });
  }

  /**
   * The frozen one-name path of `key`, shared by every binding of that name: configurations
   * repeat the same keys (`enable`, `port` …), and one array per key instead of one per
   * binding means fewer objects to allocate, collect, and read back when printing. A key is
   * checked the first time it is seen.
   */
  private pathOfKey(key: string): NixAttrPath {
    let path = this.paths.get(key);
    if (path === undefined) {
      this.checkKey(key);
      path = Object.freeze([key]) as unknown as NixAttrPath;
      this.paths.set(key, path);
    }
    return path;
  }

  private finish(frame: Frame): NixExpr {
    this.depth--;
    this.open.delete(frame.object);
    frame.object = EMPTY_OBJECT;
    frame.keys = NO_KEYS;
    const { entries, count } = frame;
    if (frame.list) return listNode(Object.freeze(entries.slice(0, count) as NixExpr[]));
    let bindings = entries.slice(0, count) as NixBinding[];
    if (frame.inherits !== null) {
      // Keys come in code-unit order, so the names are sorted; the `inherit` goes first.
      const names = Object.freeze(frame.inherits.slice());
      bindings = [Object.freeze({ kind: "inherit", names }), ...bindings];
    }
    return dataSetNode(Object.freeze(bindings));
  }
}

/** Made by a builder: an expression node, or a file node (which cannot be nested). */
function isBranded(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { [NODE_BRAND]?: boolean })[NODE_BRAND] === true;
}
