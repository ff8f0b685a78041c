import type { NixAssert, NixIf, NixLet, NixWith } from "../ast/index.ts";
import { toNix } from "../to-nix/index.ts";
import { toBindings, type BindingsInput } from "./collections.ts";
import type { NixInput } from "./node.ts";
import { assertNode, ifNode, letNode, withNode } from "./nodes.ts";

/**
 * `let … in body`.
 * @example n.let({ cfg: n.select("config.homelab.immich") }, n.id("cfg"))
 */
export function let_(bindings: BindingsInput, body: NixInput): NixLet {
  return letNode(toBindings(bindings), toNix(body));
}

/** `with scope; body`. @example n.with(n.id("lib"), n.list([n.id("maintainers")])) */
export function with_(scope: NixInput, body: NixInput): NixWith {
  return withNode(toNix(scope), toNix(body));
}

/** `if cond then a else b`. @example n.if(n.id("fast"), "fast", "safe") */
export function if_(cond: NixInput, then: NixInput, otherwise: NixInput): NixIf {
  return ifNode(toNix(cond), toNix(then), toNix(otherwise));
}

/** `assert cond; body`. @example n.assert(n.id("enable"), n.attrs({})) */
export function assert_(cond: NixInput, body: NixInput): NixAssert {
  return assertNode(toNix(cond), toNix(body));
}
