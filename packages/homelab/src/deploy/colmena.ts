/**
 * colmena (github:zhaofengli/colmena): the hive as the flake output `colmenaHive`, made by
 * `colmena.lib.makeHive` (flake.nix → src/nix/hive/eval.nix, hermetic mode). Shapes checked
 * against src/nix/hive/options.nix: `meta.nixpkgs` must be an initialized nixpkgs
 * (`import nixpkgs { system; }`; a bare input is refused), `meta.nodeNixpkgs.<node>` pins a
 * node to another nixpkgs (its release and system: the node's NixOS is evaluated from that
 * nixpkgs' `nixos/lib/eval-config.nix` with its `system`), `meta.specialArgs` and
 * `meta.nodeSpecialArgs.<node>` are merged as `specialArgs // nodeSpecialArgs.<node>`, and a
 * node is `{ deployment = {…}; imports = [ … ]; }`.
 *
 * `deployment`: `targetHost` and `targetUser` are always written (colmena defaults them to the
 * node's name and `root`, nixjs to the same: written out, the hive says where and as whom it
 * logs in); `targetPort` only when given (colmena's `null` lets `~/.ssh/config` choose the port,
 * which a written 22 would override); `tags` only when there are some and `buildOnTarget` only
 * when true (colmena's defaults, `[]` and `false`, mean exactly what leaving them out means).
 */
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import type { Host } from "../model/index.ts";
import { extraSpecialArgs } from "../render/core/flake-extras.ts";
import { importNixpkgs, MAIN_NIXPKGS, majoritySystem, sortedNodes, targetHost, targetUser } from "./nodes.ts";
import type { DeployProvider, FleetNode } from "./provider.ts";

/**
 * Node names colmena takes for the hive itself (eval.nix `reservedNames`): a host of one of
 * these names would be read as the hive's `defaults`/`meta`/`network`, not deployed.
 */
export const COLMENA_RESERVED_NAMES: readonly string[] = ["defaults", "meta", "network"];

/** `deployment = { … }` of one host. */
function deployment(host: Host): NixExpr {
  const d = host.deployment;
  const bindings: NixBinding[] = [n.bind("targetHost", targetHost(host))];
  if (d?.targetPort !== undefined) bindings.push(n.bind("targetPort", d.targetPort));
  bindings.push(n.bind("targetUser", targetUser(host)));
  if (d !== undefined && d.tags.length > 0) bindings.push(n.bind("tags", n.list(d.tags.map((t) => n.str(t)))));
  if (d?.buildOnTarget === true) bindings.push(n.bind("buildOnTarget", true));
  return n.attrs(bindings);
}

/** `meta = { nixpkgs; nodeNixpkgs?; specialArgs; nodeSpecialArgs? }`. */
function meta(nodes: readonly FleetNode[], specialArgs: NixExpr): NixExpr {
  const system = majoritySystem(nodes.map((x) => x.host));
  const pinned = nodes
    .filter((x) => x.nixpkgs !== MAIN_NIXPKGS || x.host.system !== system)
    .map((x) => n.bind([x.host.name], importNixpkgs(x.nixpkgs, x.host.system)));
  const extras = nodes.flatMap((x) => {
    const args = extraSpecialArgs(x.host);
    return args.length === 0 ? [] : [n.bind([x.host.name], n.attrs(args))];
  });
  return n.attrs([
    n.bind("nixpkgs", importNixpkgs(MAIN_NIXPKGS, system)),
    ...(pinned.length === 0 ? [] : [n.bind("nodeNixpkgs", n.attrs(pinned))]),
    specialArgs.kind === "ident" && specialArgs.name === "specialArgs" ? n.inherit(["specialArgs"]) : n.bind("specialArgs", specialArgs),
    ...(extras.length === 0 ? [] : [n.bind("nodeSpecialArgs", n.attrs(extras))]),
  ]);
}

/**
 * colmena's part of a fleet's flake: its input and the `colmenaHive` output.
 * @example colmenaProvider.outputs(lab, nodes, n.id("specialArgs")) // [colmenaHive = colmena.lib.makeHive { meta = …; dns = …; }]
 */
export const colmenaProvider: DeployProvider = {
  tool: "colmena",
  input: { name: "colmena", url: "github:zhaofengli/colmena" },
  outputs(_lab, nodes, specialArgs) {
    const sorted = sortedNodes(nodes);
    const hive = n.attrs([
      n.bind("meta", meta(sorted, specialArgs)),
      ...sorted.map((x) => n.bind([x.host.name], n.attrs([n.bind("deployment", deployment(x.host)), n.bind("imports", x.modules)]))),
    ]);
    return [n.bind("colmenaHive", n.call("colmena.lib.makeHive", hive))];
  },
};
