import type {
  NixApply,
  NixAttrPath,
  NixBinaryOp,
  NixBinding,
  NixExpr,
  NixListItem,
  NixParam,
  NixStringPart,
  NixUnaryOp,
} from "../ast/index.ts";
import { NODE_PROTO } from "./node.ts";

/*
 * One class per node kind (the factories in `nodes.ts` are the way to make them). Why
 * classes: a constructor's instances get exactly the room of their fields (40 bytes for two
 * fields, where `Object.create(proto)` gives every object 56), keep one hidden class per
 * kind, and are frozen in the constructor: less to allocate, collect and read back in trees
 * of hundreds of thousands of nodes. Every prototype inherits the brand from `NODE_PROTO`
 * (a brand defined on each node instead made reading nodes 2.5× slower, measured).
 *
 * Arrays passed in (`parts`, `bindings`, `items` …) must already be frozen.
 */

export class IntNode {
  readonly kind = "int";
  constructor(readonly value: bigint) {
    Object.freeze(this);
  }
}

export class FloatNode {
  readonly kind = "float";
  constructor(readonly value: number) {
    Object.freeze(this);
  }
}

export class BoolNode {
  readonly kind = "bool";
  constructor(readonly value: boolean) {
    Object.freeze(this);
  }
}

export class NullNode {
  readonly kind = "null";
  constructor() {
    Object.freeze(this);
  }
}

export class StringNode {
  readonly kind = "string";
  constructor(readonly parts: readonly NixStringPart[]) {
    Object.freeze(this);
  }
}

export class IndentedStringNode {
  readonly kind = "indentedString";
  constructor(readonly parts: readonly NixStringPart[]) {
    Object.freeze(this);
  }
}

export class PathNode {
  readonly kind = "path";
  constructor(readonly path: string) {
    Object.freeze(this);
  }
}

export class SearchPathNode {
  readonly kind = "searchPath";
  constructor(readonly path: string) {
    Object.freeze(this);
  }
}

export class IdentNode {
  readonly kind = "ident";
  constructor(readonly name: string) {
    Object.freeze(this);
  }
}

export class RawNode {
  readonly kind = "raw";
  constructor(readonly text: string) {
    Object.freeze(this);
  }
}

export class AttrsNode {
  readonly kind = "attrs";
  constructor(
    readonly rec: boolean,
    readonly bindings: readonly NixBinding[],
  ) {
    Object.freeze(this);
  }
}

/** A set `toNix` makes from a plain object: its first names are distinct by construction. */
export class DataSetNode {
  readonly kind = "attrs";
  readonly rec = false;
  constructor(readonly bindings: readonly NixBinding[]) {
    Object.freeze(this);
  }
}

export class ListNode {
  readonly kind = "list";
  constructor(readonly items: readonly NixListItem[]) {
    Object.freeze(this);
  }
}

export class LetNode {
  readonly kind = "let";
  constructor(
    readonly bindings: readonly NixBinding[],
    readonly body: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class WithNode {
  readonly kind = "with";
  constructor(
    readonly scope: NixExpr,
    readonly body: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class IfNode {
  readonly kind = "if";
  // `declare`: assigned after `cond` and `then`, so the fields keep the order of the source.
  declare readonly else: NixExpr;
  constructor(
    readonly cond: NixExpr,
    readonly then: NixExpr,
    otherwise: NixExpr,
  ) {
    (this as { else: NixExpr }).else = otherwise;
    Object.freeze(this);
  }
}

export class AssertNode {
  readonly kind = "assert";
  constructor(
    readonly cond: NixExpr,
    readonly body: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class LambdaNode {
  readonly kind = "lambda";
  constructor(
    readonly param: NixParam,
    readonly body: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class ApplyNode {
  readonly kind = "apply";
  constructor(
    readonly fn: NixExpr,
    readonly args: NixApply["args"],
  ) {
    Object.freeze(this);
  }
}

export class SelectNode {
  readonly kind = "select";
  // `declare`: no field unless there is a default (`"default" in node` says whether).
  declare readonly default?: NixExpr;
  constructor(
    readonly expr: NixExpr,
    readonly path: NixAttrPath,
    orDefault: NixExpr | undefined,
  ) {
    if (orDefault !== undefined) (this as { default?: NixExpr }).default = orDefault;
    Object.freeze(this);
  }
}

export class HasAttrNode {
  readonly kind = "hasAttr";
  constructor(
    readonly expr: NixExpr,
    readonly path: NixAttrPath,
  ) {
    Object.freeze(this);
  }
}

export class UnaryNode {
  readonly kind = "unary";
  constructor(
    readonly op: NixUnaryOp,
    readonly expr: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class BinaryNode {
  readonly kind = "binary";
  constructor(
    readonly op: NixBinaryOp,
    readonly left: NixExpr,
    readonly right: NixExpr,
  ) {
    Object.freeze(this);
  }
}

export class FileNode {
  readonly kind = "file";
  constructor(
    readonly header: readonly string[],
    readonly body: NixExpr,
  ) {
    Object.freeze(this);
  }
}

for (const c of [
  IntNode,
  FloatNode,
  BoolNode,
  NullNode,
  StringNode,
  IndentedStringNode,
  PathNode,
  SearchPathNode,
  IdentNode,
  RawNode,
  AttrsNode,
  DataSetNode,
  ListNode,
  LetNode,
  WithNode,
  IfNode,
  AssertNode,
  LambdaNode,
  ApplyNode,
  SelectNode,
  HasAttrNode,
  UnaryNode,
  BinaryNode,
  FileNode,
]) {
  Object.setPrototypeOf(c.prototype, NODE_PROTO);
}
