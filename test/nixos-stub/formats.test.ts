import { describe, expect, it } from "vitest";
import { NixError, nixEval } from "../../packages/testkit/src/index.ts";
import { nixosReleases, nixosStubDir } from "./eval-server.ts";

// The stand-in pkgs.formats (pkgs/pkgs-lib/formats.nix): `generate` gives a file in the store,
// and refuses at evaluation what the real one's build (jq, remarshal, lib.generators.toINI)
// fails on; and nixpkgs.overlays apply to the `pkgs` modules receive.
const pkgs = (release: string) =>
  `(import (/. + "${nixosStubDir}/pkgs.nix") { lib = import (/. + "${nixosStubDir}/lib/make.nix") { release = "${release}"; }; })`;

function failure(source: string): string {
  try {
    nixEval(source, { cwd: nixosStubDir });
  } catch (error) {
    if (error instanceof NixError) return error.stderr;
    throw error;
  }
  throw new Error("expected Nix to fail");
}

describe.each(nixosReleases)("pkgs.formats of the stand-in nixpkgs %s", (release) => {
  const p = pkgs(release);

  it("generate gives a store path named after the file (the stand-in's end in -stub), holding the value", () => {
    const v = nixEval(`let f = (${p}.formats.yaml { }).generate "app.yaml" { a = [ 1 null "x" ]; b.c = true; }; in { path = "\${f}"; inherit (f) value format; }`) as Record<string, unknown>;
    expect(v).toEqual({ path: expect.stringMatching(/^\/nix\/store\/[0-9a-f]{32}-app\.yaml-stub$/), value: { a: [1, null, "x"], b: { c: true } }, format: "YAML 1.1" });
    expect(nixEval(`"\${(${p}.formats.ini { }).generate "a.ini" { s = { k = 1; n = null; f = 1.5; b = false; }; }}"`)).toMatch(/-a\.ini-stub$/);
    expect(nixEval(`"\${(${p}.formats.ini { listsAsDuplicateKeys = true; }).generate "a.ini" { s.k = [ 1 2 ]; }}"`)).toMatch(/-a\.ini-stub$/);
    expect(nixEval(`"\${(${p}.formats.toml { }).generate "a.toml" { a.b = [ 1 ]; }}"`)).toMatch(/-a\.toml-stub$/);
  });

  it("refuses what the real build fails on: null or a scalar document in TOML, nesting or lists in INI, functions", () => {
    expect(failure(`"\${(${p}.formats.toml { }).generate "a.toml" { a = null; }}"`)).toContain("pkgs.formats.TOML: the value of a.toml is not a TOML table without null");
    expect(failure(`"\${(${p}.formats.toml { }).generate "a.toml" 3}"`)).toContain("pkgs.formats.TOML");
    expect(failure(`"\${(${p}.formats.ini { }).generate "a.ini" { s.k.x = 1; }}"`)).toContain("pkgs.formats.ini: the value of a.ini is not INI");
    expect(failure(`"\${(${p}.formats.ini { }).generate "a.ini" { s.k = [ 1 ]; }}"`)).toContain("pkgs.formats.ini");
    expect(failure(`"\${(${p}.formats.json { }).generate "a.json" { f = x: x; }}"`)).toContain("pkgs.formats.JSON");
  });

  it("takes the real arguments only: json, yaml and toml none, ini its own", () => {
    expect(failure(`${p}.formats.json { pretty = true; }`)).toContain("called with unexpected argument 'pretty'");
    expect(failure(`${p}.formats.ini { listsAsDuplicateKeys = true; listToValue = builtins.head; }`)).toContain("assertion");
  });
});

describe("nixpkgs.overlays", () => {
  it("apply to the pkgs modules receive (final: prev: …), as nixpkgs builds pkgs from them", () => {
    const system = `(import (/. + "${nixosStubDir}/nixos") { lib = import (/. + "${nixosStubDir}/lib/make.nix") { release = "26.05"; }; pkgs = ${pkgs("26.05")}; }).evalSystem`;
    const v = nixEval(`let s = ${system} { modules = [
      { nixpkgs.overlays = [ (final: prev: { extra = prev.hello // { name = "extra"; }; }) (final: prev: { again = final.extra; }) ]; }
      ({ pkgs, ... }: { environment.systemPackages = [ pkgs.again ]; })
    ]; }; in map (p: p.name) s.config.environment.systemPackages`);
    expect(v).toEqual(["extra"]);
  });
});
