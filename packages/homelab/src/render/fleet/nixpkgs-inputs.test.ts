import { describe, expect, it } from "vitest";
import type { Host } from "../../model/index.ts";
import { nixpkgsInputs } from "./nixpkgs-inputs.ts";

/** Only what nixpkgsInputs reads: the name and the nixpkgs URL. */
function h(name: string, nixpkgs: string): Host {
  return { name, nixpkgs } as Host;
}

const R2511 = "github:NixOS/nixpkgs/nixos-25.11";
const R2605 = "github:NixOS/nixpkgs/nixos-26.05";

describe("nixpkgsInputs: one nixpkgs input per URL, each host built with its own", () => {
  it("the URL most hosts use is nixpkgs; another release is nixpkgs-<YY_MM>", () => {
    const r = nixpkgsInputs([h("proxy", R2605), h("dns", R2511), h("nas", R2605)]);
    expect(r.inputs).toEqual([
      { name: "nixpkgs", url: R2605 },
      { name: "nixpkgs-25_11", url: R2511 },
    ]);
    expect(Object.fromEntries(r.byHost)).toEqual({ dns: "nixpkgs-25_11", nas: "nixpkgs", proxy: "nixpkgs" });
  });

  it("a tie goes to the newest release", () => {
    const r = nixpkgsInputs([h("a", R2511), h("b", R2605)]);
    expect(r.inputs.map((i) => i.name)).toEqual(["nixpkgs", "nixpkgs-25_11"]);
    expect(r.byHost.get("b")).toBe("nixpkgs");
  });

  it("a URL that is not a release's own branch is nixpkgs-<first host by name that uses it>", () => {
    const fork = "github:me/nixpkgs/my-fixes";
    const r = nixpkgsInputs([h("web", fork), h("api", fork), h("nas", R2605), h("db", R2605), h("pi", R2605)]);
    expect(r.inputs).toEqual([
      { name: "nixpkgs", url: R2605 },
      { name: "nixpkgs-api", url: fork },
    ]);
    expect(r.byHost.get("web")).toBe("nixpkgs-api");
  });

  it("the same answer for any order of the hosts", () => {
    const hosts = [h("a", R2511), h("b", R2605), h("c", "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567")];
    const expected = nixpkgsInputs(hosts);
    expect(nixpkgsInputs([...hosts].reverse())).toEqual(expected);
    expect(expected.inputs.map((i) => i.name)).toEqual(["nixpkgs", "nixpkgs-25_11", "nixpkgs-c"]);
  });
});
