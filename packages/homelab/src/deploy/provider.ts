/**
 * A deploy tool's part of a fleet's `flake.nix`: its flake input and the bindings it adds to
 * the `outputs` attribute set. One file per tool (`colmena.ts`, `deploy-rs.ts`) implements it,
 * and `index.ts` lists them, so adding a tool is one new file and one line.
 */
import type { NixBinding, NixExpr } from "@nixjs/expr-printer";
import type { DeployTool, Homelab, Host } from "../model/index.ts";

/** One host as the fleet's flake builds it. */
export interface FleetNode {
  readonly host: Host;
  /** The nixpkgs flake input the host is built with ("nixpkgs", "nixpkgs-25_11"). */
  readonly nixpkgs: string;
  /** The host's module list as the flake names it (`modules.<host>`). */
  readonly modules: NixExpr;
}

/**
 * A deploy tool's flake input and outputs.
 * @example
 * const provider: DeployProvider = {
 *   tool: "colmena",
 *   input: { name: "colmena", url: "github:zhaofengli/colmena" },
 *   outputs: (lab, nodes, specialArgs) => [n.bind("colmenaHive", hive(nodes, specialArgs))],
 * };
 */
export interface DeployProvider {
  readonly tool: DeployTool;
  /** Its flake input (follows the fleet's nixpkgs). */
  readonly input: { readonly name: string; readonly url: string };
  /** Bindings of the flake's `outputs` attribute set; `specialArgs` is the flake's let-bound name. */
  outputs(lab: Homelab, nodes: readonly FleetNode[], specialArgs: NixExpr): readonly NixBinding[];
}
