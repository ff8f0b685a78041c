/** Reading a tree: every expression below a root, each with the names of where it sits. */
import type { NixAttrName, NixBinding, NixExpr, NixListItem, NixParam, NixStringPart } from "../ast/index.ts";

/** Return `false` to skip an expression's children. */
export type Visit = (expr: NixExpr) => boolean | void;

/**
 * Calls `visit` on `root` and every expression below it, parents before children, in source
 * order. Iterative (an explicit stack), so trees of any depth are fine.
 * @example visitExprs(tree, (e) => { if (e.kind === "ident") names.add(e.name); })
 */
export function visitExprs(root: NixExpr, visit: Visit): void {
  const stack: NixExpr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (visit(e) === false) continue;
    const kids = childExprs(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/**
 * The direct child expressions of `e`, in source order (attribute names that are
 * expressions, string interpolations, bindings' values, … included).
 * @example childExprs(n.call("f", 1)) // [f, 1]
 */
export function childExprs(e: NixExpr): NixExpr[] {
  switch (e.kind) {
    case "int":
    case "float":
    case "bool":
    case "null":
    case "path":
    case "searchPath":
    case "ident":
    case "raw":
      return [];
    case "string":
    case "indentedString":
      return exprsOf(e.parts);
    case "attrs":
      return e.bindings.flatMap(bindingExprs);
    case "list":
      return e.items.map(itemExpr);
    case "let":
      return [...e.bindings.flatMap(bindingExprs), e.body];
    case "with":
      return [e.scope, e.body];
    case "if":
      return [e.cond, e.then, e.else];
    case "assert":
      return [e.cond, e.body];
    case "lambda":
      return [...paramExprs(e.param), e.body];
    case "apply":
      return [e.fn, ...e.args];
    case "select":
      return [e.expr, ...exprsOf(e.path), ...(e.default === undefined ? [] : [e.default])];
    case "hasAttr":
      return [e.expr, ...exprsOf(e.path)];
    case "unary":
      return [e.expr];
    case "binary":
      return [e.left, e.right];
  }
}

function exprsOf(parts: readonly (NixStringPart | NixAttrName)[]): NixExpr[] {
  return parts.filter((p): p is NixExpr => typeof p !== "string");
}

function bindingExprs(b: NixBinding): NixExpr[] {
  if (b.kind === "binding") return [...exprsOf(b.path), b.value];
  return [...(b.from === undefined ? [] : [b.from]), ...exprsOf(b.names)];
}

function itemExpr(item: NixListItem): NixExpr {
  return item.kind === "commented" ? item.value : item;
}

function paramExprs(param: NixParam): NixExpr[] {
  return param.kind === "identParam" ? [] : param.formals.flatMap((f) => (f.default === undefined ? [] : [f.default]));
}
