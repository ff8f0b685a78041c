import type {
  NixAttrBinding,
  NixAttrName,
  NixAttrPath,
  NixAttrs,
  NixBinding,
  NixCommentedItem,
  NixExpr,
  NixInherit,
  NixList,
  NixListItem,
  NixTrivia,
} from "../ast/index.ts";
import { toNix } from "../to-nix/index.ts";
import { isNixExpr, type NixInput } from "./node.ts";
import { attrsNode, listNode } from "./nodes.ts";

/** Bindings given as an object (keys are literal attribute names) or as a list of bindings. */
export type BindingsInput =
  | readonly NixBinding[]
  | { readonly [name: string]: NixInput | undefined };

/**
 * An attribute path: a string is split at dots (`"services.nginx.enable"`); an array is taken
 * literally, one name per element (`["virtualHosts", "example.org"]`).
 */
export type AttrPathInput = string | readonly NixAttrName[];

export function attrPath(input: AttrPathInput): NixAttrPath {
  const names = typeof input === "string" ? input.split(".") : [...input];
  if (names.length === 0) throw new RangeError("an attribute path needs at least one name");
  return Object.freeze(names) as unknown as NixAttrPath;
}

function freezeTrivia(trivia: NixTrivia | undefined): NixTrivia {
  if (trivia === undefined) return {};
  const out: { comments?: readonly string[]; blankLineBefore?: boolean } = {};
  if (trivia.comments !== undefined) out.comments = Object.freeze([...trivia.comments]);
  if (trivia.blankLineBefore !== undefined) out.blankLineBefore = trivia.blankLineBefore;
  return out;
}

/**
 * One binding `path = value;`, with optional comments above it.
 * @example n.bind("networking.firewall.allowedTCPPorts", [80, 443])
 * @example n.bind(["bindMounts", "/persist/etc/ssh/ssh_host_ed25519_key", "isReadOnly"], true)
 * @example n.bind("containers.immich", n.attrs({ autoStart: true }), { comments: ["Container"] })
 */
export function bind(path: AttrPathInput, value: NixInput, trivia?: NixTrivia): NixAttrBinding {
  return Object.freeze({
    kind: "binding",
    path: attrPath(path),
    value: toNix(value),
    ...freezeTrivia(trivia),
  });
}

/**
 * `inherit a b;` or `inherit (from) a b;`.
 * @example n.inherit(["inputs", "domain"])
 * @example n.inherit(["mkIf", "mkOption"], n.id("lib"))
 */
export function inherit(
  names: readonly NixAttrName[],
  from?: NixInput,
  trivia?: NixTrivia,
): NixInherit {
  return Object.freeze({
    kind: "inherit",
    names: Object.freeze([...names]),
    ...(from === undefined ? {} : { from: toNix(from) }),
    ...freezeTrivia(trivia),
  });
}

export function toBindings(input: BindingsInput): readonly NixBinding[] {
  if (Array.isArray(input)) return Object.freeze([...(input as readonly NixBinding[])]);
  const bindings: NixBinding[] = [];
  for (const [name, value] of Object.entries(input as Record<string, NixInput | undefined>)) {
    if (value !== undefined) bindings.push(bind([name], value));
  }
  return Object.freeze(bindings);
}

/**
 * An attribute set. Object keys are literal names (a key `"a.b"` is the one name `"a.b"`);
 * use {@link bind} for attribute paths. Values may be AST nodes or plain data.
 * @example n.attrs({ enable: true, port: 2283 })
 * @example n.attrs([n.bind("services.immich.enable", true), n.inherit(["domain"])])
 */
export function attrs(bindings: BindingsInput = {}): NixAttrs {
  return attrsNode(false, toBindings(bindings));
}

/** A recursive attribute set. @example n.rec({ a: 1, b: n.id("a") }) */
export function rec(bindings: BindingsInput = {}): NixAttrs {
  return attrsNode(true, toBindings(bindings));
}

/**
 * A list. Elements may be AST nodes, plain data, or {@link item}s carrying comments.
 * @example n.list([80, 443])
 */
export function list(items: readonly (NixInput | NixCommentedItem)[] = []): NixList {
  const converted: NixListItem[] = items.map((item) =>
    isCommentedItem(item) ? item : toNix(item),
  );
  return listNode(Object.freeze(converted));
}

/**
 * A list element with comments (or a blank line) before it.
 * @example n.list([n.item(n.path("./host.nix"), { comments: ["host-level settings"] })])
 */
export function item(value: NixInput, trivia: NixTrivia): NixCommentedItem {
  return Object.freeze({ kind: "commented", value: toNix(value), ...freezeTrivia(trivia) });
}

function isCommentedItem(value: unknown): value is NixCommentedItem {
  return (
    typeof value === "object" &&
    value !== null &&
    !isNixExpr(value) &&
    (value as { kind?: unknown }).kind === "commented" &&
    Object.isFrozen(value)
  );
}

export type { NixExpr };
