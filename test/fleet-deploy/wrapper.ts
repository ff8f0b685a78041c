/**
 * A fleet flake written around the deploy providers' bindings, for evaluating them with the
 * stand-ins before (and independently of) the fleet renderer: hand-written inputs, one module
 * file per host (its name, platform, release and the machine's hardware configuration), and
 * `outputs` = `nixosConfigurations` + whatever the chosen providers bind.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { n, print } from "@nixjs/expr-printer";
import type { Homelab } from "@nixjs/homelab";
import { deployProvider, type FleetNode } from "../../packages/homelab/src/deploy/index.ts";
import type { Edit } from "../nixos-stub/fixture-copy.ts";

/** The nixpkgs input a host's release maps to (decision 3), in this wrapper: 26.05 is the main one. */
export function nixpkgsInput(release: string): string {
  return release === "26.05" ? "nixpkgs" : `nixpkgs-${release.replace(".", "_")}`;
}

function hostModule(system: string, name: string): string {
  return `{ lib, role, ... }: {
  networking.hostName = "${name}";
  nixpkgs.hostPlatform = "${system}";
  system.stateVersion = "25.05";
  environment.etc.role.text = role;
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  fileSystems."/boot" = { device = "/dev/disk/by-label/ESP"; fsType = "vfat"; };
  boot.loader.systemd-boot.enable = true;
}
`;
}

/** The `outputs` body's deploy part: the bindings of every tool the lab chooses. */
export function deployBindings(lab: Homelab): string {
  const nodes: FleetNode[] = lab.hosts.map((h) => ({ host: h, nixpkgs: nixpkgsInput(h.release), modules: n.select(n.id("modules"), [h.name]) }));
  const bindings = (lab.fleet?.deploy ?? []).flatMap((tool) => deployProvider(tool)?.outputs(lab, nodes, n.id("specialArgs")) ?? []);
  return print(n.attrs(bindings));
}

const dirs: string[] = [];

/**
 * Writes the wrapper flake of `lab` to a fresh directory and returns it; `edit` may change the
 * flake's text first (to show a wrong shape fails).
 * @example const dir = writeWrapper(lab); evalServerOutputs(dir, { d: "colmenaHive.deploymentConfig" })
 */
export function writeWrapper(lab: Homelab, edit: Edit = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-fleet-deploy-"));
  dirs.push(dir);
  mkdirSync(join(dir, "hosts"));
  const hosts = [...lab.hosts].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const h of hosts) writeFileSync(join(dir, "hosts", `${h.name}.nix`), hostModule(h.system, h.name));
  const releases = [...new Set(hosts.map((h) => h.release))].filter((r) => r !== "26.05");
  const flake = `{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
${releases.map((r) => `    ${nixpkgsInput(r)}.url = "github:NixOS/nixpkgs/nixos-${r}";\n`).join("")}    colmena.url = "github:zhaofengli/colmena";
    deploy-rs.url = "github:serokell/deploy-rs";
  };
  outputs = { self, nixpkgs, ${releases.map((r) => `${nixpkgsInput(r)}, `).join("")}colmena, deploy-rs, ... }@inputs:
    let
      specialArgs = { inherit inputs; role = "fleet"; };
      modules = {
${hosts.map((h) => `        ${h.name} = [ ./hosts/${h.name}.nix ];\n`).join("")}      };
    in
    {
      nixosConfigurations = {
${hosts.map((h) => `        ${h.name} = inputs.${nixpkgsInput(h.release)}.lib.nixosSystem { inherit specialArgs; modules = modules.${h.name}; };\n`).join("")}      };
    }
    // ${deployBindings(lab)};
}
`;
  writeFileSync(join(dir, "flake.nix"), edit(flake) ?? "");
  return dir;
}

/** Removes every wrapper written. @example afterAll(removeWrappers) */
export function removeWrappers(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
