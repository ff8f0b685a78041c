/**
 * What both deploy tools read of a fleet's nodes: the order they are written in, the system
 * most hosts have, each host's SSH destination and user with the tools' shared defaults.
 */
import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Host } from "../model/index.ts";
import { compareCodeUnits } from "../util/order.ts";
import type { FleetNode } from "./provider.ts";

/** The input every fleet has: the nixpkgs most hosts use (decision 3). */
export const MAIN_NIXPKGS = "nixpkgs";

/** The system a tie goes to: what most NixOS machines (and deploying laptops) run. */
const PREFERRED_SYSTEM = "x86_64-linux";

/**
 * The nodes sorted by host name: the outputs never follow declaration order.
 * @example sortedNodes([nas, dns]).map((x) => x.host.name) // ["dns", "nas"]
 */
export function sortedNodes(nodes: readonly FleetNode[]): FleetNode[] {
  return [...nodes].sort((a, b) => compareCodeUnits(a.host.name, b.host.name));
}

/**
 * The system most hosts have; a tie goes to `x86_64-linux`, then to the first in code-unit order.
 * @example majoritySystem([{ system: "aarch64-linux" }, { system: "x86_64-linux" }]) // "x86_64-linux"
 */
export function majoritySystem(hosts: readonly Pick<Host, "system">[]): string {
  const counts = new Map<string, number>();
  for (const h of hosts) counts.set(h.system, (counts.get(h.system) ?? 0) + 1);
  const ranked = [...counts].sort(
    ([a, x], [b, y]) => y - x || Number(b === PREFERRED_SYSTEM) - Number(a === PREFERRED_SYSTEM) || compareCodeUnits(a, b),
  );
  return ranked[0]?.[0] ?? PREFERRED_SYSTEM;
}

/**
 * The SSH destination of a host: its `deployment.targetHost`, else its name (colmena's default
 * too; deploy-rs has none, so it is always written).
 * @example targetHost(host("nas", {})) // "nas"
 */
export function targetHost(host: Host): string {
  return host.deployment?.targetHost ?? host.name;
}

/**
 * The SSH user a host is deployed as: its `deployment.targetUser`, else `root`.
 * @example targetUser(host("nas", { deployment: { targetUser: "deploy" } })) // "deploy"
 */
export function targetUser(host: Host): string {
  return host.deployment?.targetUser ?? "root";
}

/**
 * A nixpkgs input by name inside `outputs`, where the fleet's flake names every nixpkgs input
 * among its formals (`{ self, nixpkgs, nixpkgs-25_11, … }@inputs`), as its `nixosSystem` calls use them.
 * @example inputExpr("nixpkgs-25_11") // nixpkgs-25_11
 */
export function inputExpr(name: string): NixExpr {
  return n.id(name);
}

/**
 * `import <nixpkgs input> { system = "…"; }`: an initialized nixpkgs, as colmena's meta wants.
 * @example importNixpkgs("nixpkgs", "aarch64-linux") // import nixpkgs { system = "aarch64-linux"; }
 */
export function importNixpkgs(input: string, system: string): NixExpr {
  return n.call("import", inputExpr(input), n.attrs([n.bind("system", system)]));
}
