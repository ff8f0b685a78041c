import type { NixAssert, NixIf, NixLet, NixWith } from "../ast/index.ts";
import { toNix } from "../to-nix/index.ts";
import { toBindings, type BindingsInput } from "./collections.ts";
import { node, type NixInput } from "./node.ts";

/**
 * `let … in body`.
 * @example n.let({ cfg: n.select("config.homelab.immich") }, n.id("cfg"))
 */
export function let_(bindings: BindingsInput, body: NixInput): NixLet {
  return node({ kind: "let", bindings: toBindings(bindings), body: toNix(body) });
}

/** `with scope; body`. @example n.with(n.id("lib"), n.list([n.id("maintainers")])) */
export function with_(scope: NixInput, body: NixInput): NixWith {
  return node({ kind: "with", scope: toNix(scope), body: toNix(body) });
}

/** `if cond then a else b`. @example n.if(n.id("fast"), "fast", "safe") */
export function if_(cond: NixInput, then: NixInput, otherwise: NixInput): NixIf {
  return node({ kind: "if", cond: toNix(cond), then: toNix(then), else: toNix(otherwise) });
}

/** `assert cond; body`. @example n.assert(n.id("enable"), n.attrs({})) */
export function assert_(cond: NixInput, body: NixInput): NixAssert {
  return node({ kind: "assert", cond: toNix(cond), body: toNix(body) });
}
