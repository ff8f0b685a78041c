/**
 * Rewriting a tree: the one place that knows where every node kind keeps its children, so a
 * rewrite (substituting references, say) is written as "what to replace", not as a walker.
 */
import type {
  NixAttrName,
  NixAttrPath,
  NixBinding,
  NixExpr,
  NixFormal,
  NixListItem,
  NixParam,
  NixStringPart,
} from "../ast/index.ts";
import {
  applyNode,
  assertNode,
  attrsNode,
  binaryNode,
  dataSetNode,
  hasAttrNode,
  hasDistinctNames,
  ifNode,
  lambdaNode,
  letNode,
  listNode,
  selectNode,
  stringNode,
  unaryNode,
  withNode,
} from "../build/nodes.ts";

/** Returns the replacement of an expression, or `undefined` to keep it (and visit its children). */
export type Replace = (expr: NixExpr) => NixExpr | undefined;

/**
 * A copy of `root` in which every expression `replace` returns a node for is replaced by that
 * node (whose own children are not visited); the rest is rebuilt only where something below
 * it changed, so unchanged subtrees are shared and an unchanged tree comes back as `root`
 * itself. Comments and blank lines stay where they were. Recursive: meant for the small trees
 * users write into configs, not for 10,000-deep ones.
 * @example mapExpr(tree, (e) => (e.kind === "ident" && e.name === "config" ? n.id("hostConfig") : undefined))
 */
export function mapExpr(root: NixExpr, replace: Replace): NixExpr {
  const map = (e: NixExpr): NixExpr => replace(e) ?? children(e, map);
  return map(root);
}

const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.every((x, i) => x === b[i]);

function children(e: NixExpr, map: (e: NixExpr) => NixExpr): NixExpr {
  switch (e.kind) {
    case "int":
    case "float":
    case "bool":
    case "null":
    case "path":
    case "searchPath":
    case "ident":
    case "raw":
      return e;
    case "string":
    case "indentedString": {
      const parts = e.parts.map((p) => mapPart(p, map));
      return same(parts, e.parts) ? e : e.kind === "string" ? stringNode("string", parts) : stringNode("indentedString", parts);
    }
    case "attrs": {
      const bindings = e.bindings.map((b) => mapBinding(b, map));
      if (same(bindings, e.bindings)) return e;
      return hasDistinctNames(e) ? dataSetNode(Object.freeze(bindings)) : attrsNode(e.rec, Object.freeze(bindings));
    }
    case "list": {
      const items = e.items.map((i) => mapItem(i, map));
      return same(items, e.items) ? e : listNode(Object.freeze(items));
    }
    case "let": {
      const bindings = e.bindings.map((b) => mapBinding(b, map));
      const body = map(e.body);
      return same(bindings, e.bindings) && body === e.body ? e : letNode(Object.freeze(bindings), body);
    }
    case "with": {
      const scope = map(e.scope);
      const body = map(e.body);
      return scope === e.scope && body === e.body ? e : withNode(scope, body);
    }
    case "if": {
      const [c, t, f] = [map(e.cond), map(e.then), map(e.else)];
      return c === e.cond && t === e.then && f === e.else ? e : ifNode(c, t, f);
    }
    case "assert": {
      const [c, b] = [map(e.cond), map(e.body)];
      return c === e.cond && b === e.body ? e : assertNode(c, b);
    }
    case "lambda": {
      const param = mapParam(e.param, map);
      const body = map(e.body);
      return param === e.param && body === e.body ? e : lambdaNode(param, body);
    }
    case "apply": {
      const fn = map(e.fn);
      const args = e.args.map(map) as unknown as NixExpr[];
      return fn === e.fn && same(args, e.args) ? e : applyNode(fn, Object.freeze(args) as unknown as readonly [NixExpr, ...NixExpr[]]);
    }
    case "select": {
      const expr = map(e.expr);
      const path = mapPath(e.path, map);
      const dflt = e.default === undefined ? undefined : map(e.default);
      return expr === e.expr && path === e.path && dflt === e.default ? e : selectNode(expr, path, dflt);
    }
    case "hasAttr": {
      const expr = map(e.expr);
      const path = mapPath(e.path, map);
      return expr === e.expr && path === e.path ? e : hasAttrNode(expr, path);
    }
    case "unary": {
      const expr = map(e.expr);
      return expr === e.expr ? e : unaryNode(e.op, expr);
    }
    case "binary": {
      const [l, r] = [map(e.left), map(e.right)];
      return l === e.left && r === e.right ? e : binaryNode(e.op, l, r);
    }
  }
}

function mapPart(p: NixStringPart, map: (e: NixExpr) => NixExpr): NixStringPart {
  return typeof p === "string" ? p : map(p);
}

function mapName(name: NixAttrName, map: (e: NixExpr) => NixExpr): NixAttrName {
  return typeof name === "string" ? name : map(name);
}

function mapPath(path: NixAttrPath, map: (e: NixExpr) => NixExpr): NixAttrPath {
  const out = path.map((n) => mapName(n, map));
  return same(out, path) ? path : (Object.freeze(out) as unknown as NixAttrPath);
}

/** Copies trivia (comments, blank line) with the rebuilt parts. */
function rebuilt<T extends object>(original: T, changes: Partial<T>): T {
  return Object.freeze({ ...original, ...changes });
}

function mapBinding(b: NixBinding, map: (e: NixExpr) => NixExpr): NixBinding {
  if (b.kind === "binding") {
    const path = mapPath(b.path, map);
    const value = map(b.value);
    return path === b.path && value === b.value ? b : rebuilt(b, { path, value });
  }
  const names = b.names.map((n) => mapName(n, map));
  const from = b.from === undefined ? undefined : map(b.from);
  if (same(names, b.names) && from === b.from) return b;
  return rebuilt(b, { names: Object.freeze(names), ...(from === undefined ? {} : { from }) });
}

function mapItem(item: NixListItem, map: (e: NixExpr) => NixExpr): NixListItem {
  if (item.kind !== "commented") return map(item);
  const value = map(item.value);
  return value === item.value ? item : rebuilt(item, { value });
}

function mapParam(param: NixParam, map: (e: NixExpr) => NixExpr): NixParam {
  if (param.kind === "identParam") return param;
  const formals = param.formals.map((f): NixFormal => {
    if (f.default === undefined) return f;
    const d = map(f.default);
    return d === f.default ? f : Object.freeze({ ...f, default: d });
  });
  return same(formals, param.formals) ? param : rebuilt(param, { formals: Object.freeze(formals) });
}
