import type {
  NixAttrName,
  NixBinary,
  NixBinaryOp,
  NixExpr,
  NixHasAttr,
  NixIdent,
  NixRaw,
  NixSelect,
  NixUnary,
} from "../ast/index.ts";
import { toNix } from "../to-nix/index.ts";
import { attrPath, type AttrPathInput } from "./collections.ts";
import type { NixInput } from "./node.ts";
import { binaryNode, hasAttrNode, identNode, rawNode, selectNode, unaryNode } from "./nodes.ts";

/** A variable. @example n.id("pkgs") */
export function id(name: string): NixIdent {
  return identNode(name);
}

/**
 * A variable or a selection from one, written as a dotted reference.
 * @example ref("config.containers.authelia.localAddress")
 */
export function ref(dotted: string): NixIdent | NixSelect {
  const [head, ...rest] = dotted.split(".") as [string, ...string[]];
  return rest.length === 0 ? id(head) : select(id(head), rest);
}

/**
 * Attribute selection `expr.a.b`, optionally with `or default`. With a single string argument
 * the first name is the variable: `n.select("config.age.secrets.x.path")`.
 * @example n.select("config.containers.authelia.localAddress")
 * @example n.select(n.id("cfg"), "port", 8080) // cfg.port or 8080
 */
export function select(
  exprOrRef: NixExpr | string,
  path?: AttrPathInput,
  orDefault?: NixInput,
): NixSelect {
  if (typeof exprOrRef === "string") {
    const base = ref(exprOrRef);
    if (path === undefined && base.kind === "select" && orDefault === undefined) return base;
    return select(base, path ?? [], orDefault);
  }
  const names: readonly NixAttrName[] = path === undefined ? [] : attrPath(path);
  if (exprOrRef.kind === "select" && exprOrRef.default === undefined) {
    // `a.b` then `.c` is one selection `a.b.c`, as Nix itself parses it.
    return select(exprOrRef.expr, [...exprOrRef.path, ...names], orDefault);
  }
  if (names.length === 0) throw new RangeError("n.select needs an attribute path");
  return selectNode(exprOrRef, attrPath(names), orDefault === undefined ? undefined : toNix(orDefault));
}

/** `expr ? a.b`. @example n.has(n.id("config"), "services.nginx") */
export function has(expr: NixInput, path: AttrPathInput): NixHasAttr {
  return hasAttrNode(toNix(expr), attrPath(path));
}

/** `-expr`. @example n.neg(n.id("x")) */
export function neg(expr: NixInput): NixUnary {
  return unaryNode("-", toNix(expr));
}

/** `!expr`. @example n.not(n.select("cfg.enable")) */
export function not(expr: NixInput): NixUnary {
  return unaryNode("!", toNix(expr));
}

/**
 * A binary operation; parentheses are added by the printer from the precedence table.
 * @example n.op(n.list([1]), "++", n.id("extra"))
 * @example n.op(n.id("defaults"), "//", { port: 80 })
 */
export function op(left: NixInput, operator: NixBinaryOp, right: NixInput): NixBinary {
  return binaryNode(operator, toNix(left), toNix(right));
}

/**
 * UNCHECKED Nix source, printed verbatim (parenthesised where a position needs it). Prefer
 * any other builder: nothing guarantees that raw text parses or means what you intend.
 * @example n.raw("builtins.currentSystem")
 */
export function raw(text: string): NixRaw {
  return rawNode(text);
}
