import { describe, expect, test } from "vitest";
import { fromInput, packagesFrom } from "../../builders/flake.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const disko = { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } };

describe("unknown-flake-input", () => {
  test("a module, an overlay, a special argument or a follows naming an input the flake lacks: an error at its path", () => {
    const lab = testLab({
      inputs: { disko: { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs", "flake-parts": "flake-parts" } } },
      modules: ["./hardware-configuration.nix", fromInput("dsiko", "nixosModules.disko")],
      overlays: [fromInput("nur", "overlays.default"), packagesFrom("nixpkgs-unstable", { as: "unstable" })],
      specialArgs: { hw: { cpu: fromInput("nixos-hardware", "nixosModules.common-cpu-amd") } },
    });
    const found = findings(lab, "unknown-flake-input");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "inputs.disko.follows.flake-parts"],
      ["error", "modules[1]"],
      ["error", "overlays[0]"],
      ["error", "overlays[1]"],
      ["error", "specialArgs.hw.cpu"],
    ]);
    expect(found[1]!.message).toBe(
      'modules[1] names the input dsiko, which the flake does not have (it has nixpkgs, agenix, disko): add it to inputs (inputs: { dsiko: { url: "github:owner/dsiko" } }) or fix the name',
    );
    expect(found[1]!.site).toContain("flake.test.ts");
  });

  test("inputs it declares, nixpkgs and the secret backend's input are known; follows may name an input's input", () => {
    const lab = testLab({
      inputs: {
        disko,
        "nixpkgs-unstable": { url: "github:NixOS/nixpkgs/nixos-unstable" },
        "home-manager": { url: "github:nix-community/home-manager/release-25.11", follows: { nixpkgs: "nixpkgs" } },
        stylix: { url: "github:danth/stylix", follows: { "home-manager": "home-manager/nixpkgs" } },
      },
      modules: ["./hardware-configuration.nix", fromInput("disko", "nixosModules.disko"), fromInput("agenix", "nixosModules.age")],
      overlays: [packagesFrom("nixpkgs-unstable", { as: "unstable" }), fromInput("nixpkgs", "overlays")],
      specialArgs: { lib2: fromInput("nixpkgs", "lib") },
    });
    expect(findings(lab, "unknown-flake-input")).toEqual([]);
  });
});

describe("flake-input-reserved", () => {
  test("an input named like one nixjs generates: an error saying how to change it instead", () => {
    const lab = testLab({ inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-unstable" }, agenix: { url: "github:ryantm/agenix" } } });
    const found = findings(lab, "flake-input-reserved");
    expect(found.map((d) => d.path)).toEqual(["inputs.agenix", "inputs.nixpkgs"]);
    expect(found[1]!.message).toContain("set homelab({ nixpkgs }) or nixos to change it");
  });

  test("any other name is the user's", () => {
    expect(findings(testLab({ inputs: { disko, "sops-nix": { url: "github:Mic92/sops-nix" } } }), "flake-input-reserved")).toEqual([]);
  });
});

describe("input modules and the deploy checks", () => {
  test("disko's module may give the file systems: a host whose only module is an input's is not deploy-no-hardware", () => {
    const lab = testLab({ inputs: { disko }, modules: [fromInput("disko", "nixosModules.disko")] });
    expect(findings(lab, "deploy-no-hardware")).toEqual([]);
    expect(findings(testLab({ inputs: { disko }, modules: [] }), "deploy-no-hardware")).toHaveLength(1);
  });
});
