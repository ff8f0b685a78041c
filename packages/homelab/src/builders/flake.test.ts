import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { formatPath, fromInput, homelab, isInputRef, packagesFrom, secret } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines and its site. */
function problems(build: () => unknown): { lines: string[]; site: string } {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    const error = e as HomelabInputError;
    return { lines: error.diagnostics.map((d) => (d.path.length === 0 ? d.message : `${formatPath(d.path)}: ${d.message}`)), site: error.site };
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.11" };

describe("fromInput", () => {
  test("a reference to an input's output, path split at dots, frozen", () => {
    const ref = fromInput("disko", "nixosModules.disko");
    expect(isInputRef(ref)).toBe(true);
    expect(ref).toMatchObject({ kind: "input-ref", input: "disko", path: ["nixosModules", "disko"] });
    expect(ref.site?.file).toContain("flake.test.ts");
    expect(Object.isFrozen(ref)).toBe(true);
    expect(fromInput("home-manager", ["nixosModules", "home-manager"]).path).toEqual(["nixosModules", "home-manager"]);
    expect(isInputRef({ kind: "input-ref", input: "disko", path: ["x"] })).toBe(false);
  });

  test("a bad input name or path: the argument and the call site named", () => {
    const { lines, site } = problems(() => fromInput("my disko", "")); // line 31
    expect(site).toBe("packages/homelab/src/builders/flake.test.ts:31:44");
    expect(lines).toEqual([
      'input: expected an input name like "disko" (letters, digits, "_" and "-"), got "my disko"',
      '[0]: expected an attribute name, got ""',
    ]);
  });
});

describe("packagesFrom", () => {
  test("a second nixpkgs as pkgs.<as>, with its config", () => {
    expect(packagesFrom("nixpkgs-unstable", { as: "unstable", config: { allowUnfree: true } })).toMatchObject({ kind: "packages-from", input: "nixpkgs-unstable", as: "unstable", config: { allowUnfree: true } });
  });

  test("a missing or bad as", () => {
    expect(problems(() => packagesFrom("nixpkgs-unstable", { as: "pkgs.unstable" })).lines).toEqual(['as: expected an attribute name like "unstable", got "pkgs.unstable"']);
  });
});

describe("homelab(): inputs, modules, specialArgs, overlays", () => {
  test("kept on the host's flake setup, modules in their order; the paths stay the host's modules", () => {
    const disko = fromInput("disko", "nixosModules.disko");
    const lab = homelab({
      ...base,
      inputs: { disko: { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } }, src: { url: "github:owner/src", flake: false } },
      modules: [disko, "./hardware-configuration.nix"],
      specialArgs: { role: "server" },
    });
    const host = lab.hosts[0]!;
    expect(host.modules).toEqual(["./hardware-configuration.nix"]);
    expect(host.flake).toEqual({
      inputs: [
        { name: "disko", url: "github:nix-community/disko", flake: true, follows: [["nixpkgs", "nixpkgs"]] },
        { name: "src", url: "github:owner/src", flake: false, follows: [] },
      ],
      modules: [disko, { kind: "path", path: "./hardware-configuration.nix" }],
      specialArgs: { role: "server" },
      overlays: [],
    });
  });

  test("each malformed option named with its path", () => {
    const { lines } = problems(() =>
      homelab({
        ...base,
        inputs: { "bad name": { url: "github:a/b" }, disko: { url: "not a url", follows: { nixpkgs: "../nixpkgs" } } },
        modules: ["hardware.nix"],
        specialArgs: { pkgs: 1, key: secret("k"), f: { g: () => 1 } as never, n: Infinity },
        overlays: ["inputs.nur.overlays.default" as never],
      }),
    );
    expect(lines).toEqual([
      'modules[0]: expected a relative Nix path like "./hardware-configuration.nix" (letters, digits, "._+-/"), got "hardware.nix"',
      'inputs["bad name"]: expected an input name like "disko" (letters, digits, "_" and "-"), got "bad name"',
      'inputs.disko.url: expected a flake URL like "github:NixOS/nixpkgs/nixos-25.05", got "not a url"',
      'inputs.disko.follows.nixpkgs: expected the input it follows, like "nixpkgs" or "home-manager/nixpkgs", got "../nixpkgs"',
      "specialArgs.pkgs: pkgs is an argument every module gets already (config, domain, inputs, lib, modulesPath, options, pkgs, specialArgs); pick another name",
      "specialArgs.key: a secret cannot be a special argument (flake.nix has no config to find its path in); use it in a module's config",
      "specialArgs.f.g: expected plain data (strings, numbers, booleans, null, lists, objects) or fromInput(…), got a function",
      "specialArgs.n: expected a finite number, got Infinity",
      'overlays[0]: expected fromInput("nur", "overlays.default") or packagesFrom("nixpkgs-unstable", { as: "unstable" }), got "inputs.nur.overlays.default"',
    ]);
  });
});
