import { describe, expect, test } from "vitest";
import { render } from "../../index.ts";
import { fleetFindings, fleetSummary, testFleet, testHost } from "../../../test-support/validate/fleet-lab.ts";

const disko = { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } };

describe("fleet-input-conflict", () => {
  test("one name, two inputs: reported on the second host by name, naming the first", () => {
    const lab = testFleet([
      testHost("nas", { address: "192.168.1.10", inputs: { disko } }),
      testHost("dns", { address: "192.168.1.3", inputs: { disko: { url: "github:nix-community/disko/v1.9.0" } } }),
    ]);
    expect(fleetSummary(lab, "fleet-input-conflict")).toEqual(["nas: inputs.disko -> inputs.disko"]);
    expect(fleetFindings(lab, "fleet-input-conflict")[0]!.message).toBe(
      'dns declares the input "disko" as github:nix-community/disko/v1.9.0, nas otherwise (github:nix-community/disko): the fleet\'s flake.nix has one input of each name, so give them one declaration or two names',
    );
    // Without the check the flake would silently keep dns's declaration for both hosts.
    expect(() => render(lab)).toThrow(/fleet-input-conflict/);
  });

  test("the same input on two hosts is one input, written once", () => {
    const lab = testFleet([testHost("nas", { address: "192.168.1.10", inputs: { disko } }), testHost("dns", { address: "192.168.1.3", inputs: { disko } })]);
    expect(fleetFindings(lab, "fleet-input-conflict")).toEqual([]);
  });

  test("an input the fleet's flake declares itself: a deploy tool's, a release's nixpkgs", () => {
    const lab = testFleet(
      [
        testHost("nas", { address: "192.168.1.10", inputs: { colmena: { url: "github:zhaofengli/colmena/stable" } } }),
        testHost("dns", { address: "192.168.1.3", nixos: "25.11", inputs: { "nixpkgs-25_11": { url: "github:NixOS/nixpkgs/nixos-25.11" } } }),
        testHost("proxy", { address: "192.168.1.2" }),
      ],
      { deploy: ["colmena"] },
    );
    expect(fleetSummary(lab, "fleet-input-conflict")).toEqual(["dns: inputs.nixpkgs-25_11", "nas: inputs.colmena"]);
    expect(fleetFindings(lab, "fleet-input-conflict").map((d) => d.message)).toEqual([
      'the fleet\'s flake.nix declares the input "nixpkgs-25_11" itself (the nixpkgs of a release its hosts run): name dns\'s input otherwise',
      'the fleet\'s flake.nix declares the input "colmena" itself (colmena\'s): name nas\'s input otherwise',
    ]);
  });

  test("colmena is a free name when the fleet does not deploy with colmena", () => {
    const lab = testFleet([testHost("nas", { address: "192.168.1.10", inputs: { colmena: { url: "github:zhaofengli/colmena/stable" } } })]);
    expect(fleetFindings(lab, "fleet-input-conflict")).toEqual([]);
  });
});
