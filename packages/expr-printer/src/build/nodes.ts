import type {
  NixApply,
  NixAssert,
  NixAttrPath,
  NixAttrs,
  NixBinary,
  NixBinaryOp,
  NixBinding,
  NixBool,
  NixExpr,
  NixFile,
  NixFloat,
  NixHasAttr,
  NixIdent,
  NixIf,
  NixIndentedString,
  NixInt,
  NixLambda,
  NixLet,
  NixList,
  NixListItem,
  NixNull,
  NixParam,
  NixPath,
  NixRaw,
  NixSearchPath,
  NixSelect,
  NixString,
  NixStringPart,
  NixUnary,
  NixUnaryOp,
  NixWith,
} from "../ast/index.ts";
import {
  ApplyNode,
  AssertNode,
  AttrsNode,
  BinaryNode,
  BoolNode,
  DataSetNode,
  FileNode,
  FloatNode,
  HasAttrNode,
  IdentNode,
  IfNode,
  IndentedStringNode,
  IntNode,
  LambdaNode,
  LetNode,
  ListNode,
  NullNode,
  PathNode,
  RawNode,
  SearchPathNode,
  SelectNode,
  StringNode,
  UnaryNode,
  WithNode,
} from "./node-classes.ts";

/*
 * The node factories the builders and `toNix` use (see `node-classes.ts` for why nodes are
 * class instances). Arrays passed in must already be frozen.
 */

export function intNode(value: bigint): NixInt {
  return new IntNode(value);
}

export function floatNode(value: number): NixFloat {
  return new FloatNode(value);
}

export function boolNode(value: boolean): NixBool {
  return new BoolNode(value);
}

export function nullNode(): NixNull {
  return new NullNode();
}

export function stringNode(kind: "string", parts: readonly NixStringPart[]): NixString;
export function stringNode(kind: "indentedString", parts: readonly NixStringPart[]): NixIndentedString;
export function stringNode(kind: "string" | "indentedString", parts: readonly NixStringPart[]): NixString | NixIndentedString {
  return kind === "string" ? new StringNode(parts) : new IndentedStringNode(parts);
}

export function pathNode(kind: "path", path: string): NixPath;
export function pathNode(kind: "searchPath", path: string): NixSearchPath;
export function pathNode(kind: "path" | "searchPath", path: string): NixPath | NixSearchPath {
  return kind === "path" ? new PathNode(path) : new SearchPathNode(path);
}

export function identNode(name: string): NixIdent {
  return new IdentNode(name);
}

export function rawNode(text: string): NixRaw {
  return new RawNode(text);
}

export function attrsNode(rec: boolean, bindings: readonly NixBinding[]): NixAttrs {
  return new AttrsNode(rec, bindings);
}

/** A set made by `toNix` from a plain object (see {@link hasDistinctNames}). */
export function dataSetNode(bindings: readonly NixBinding[]): NixAttrs {
  return new DataSetNode(bindings);
}

/**
 * Whether no two bindings of `node` can define the same attribute: true for the sets
 * `toNix` makes, whose first names are an object's keys (and `inherit` names), distinct by
 * construction, so the printer need not look for attributes defined twice. Other sets are
 * checked.
 */
export function hasDistinctNames(node: NixAttrs): boolean {
  return node instanceof DataSetNode;
}

export function listNode(items: readonly NixListItem[]): NixList {
  return new ListNode(items);
}

export function letNode(bindings: readonly NixBinding[], body: NixExpr): NixLet {
  return new LetNode(bindings, body);
}

export function withNode(scope: NixExpr, body: NixExpr): NixWith {
  return new WithNode(scope, body);
}

export function ifNode(cond: NixExpr, then: NixExpr, otherwise: NixExpr): NixIf {
  return new IfNode(cond, then, otherwise);
}

export function assertNode(cond: NixExpr, body: NixExpr): NixAssert {
  return new AssertNode(cond, body);
}

export function lambdaNode(param: NixParam, body: NixExpr): NixLambda {
  return new LambdaNode(param, body);
}

export function applyNode(fn: NixExpr, args: NixApply["args"]): NixApply {
  return new ApplyNode(fn, args);
}

export function selectNode(expr: NixExpr, path: NixAttrPath, orDefault?: NixExpr): NixSelect {
  return new SelectNode(expr, path, orDefault);
}

export function hasAttrNode(expr: NixExpr, path: NixAttrPath): NixHasAttr {
  return new HasAttrNode(expr, path);
}

export function unaryNode(op: NixUnaryOp, expr: NixExpr): NixUnary {
  return new UnaryNode(op, expr);
}

export function binaryNode(op: NixBinaryOp, left: NixExpr, right: NixExpr): NixBinary {
  return new BinaryNode(op, left, right);
}

export function fileNode(header: readonly string[], body: NixExpr): NixFile {
  return new FileNode(header, body);
}
