import { n } from "@nixjs/expr-printer";
import { describe, expect, it } from "vitest";
import { secret } from "../../../test-support/render/model.ts";
import { byOptionName, mergeConfig, sortKeysDeep } from "./merge.ts";

describe("mergeConfig (generated ⊕ user)", () => {
  it("merges sets recursively: generated keys first, then the user's, sorted", () => {
    const merged = mergeConfig({ networking: { firewall: { allowedTCPPorts: [80] } }, system: { stateVersion: "25.05" } }, {
      services: { b: 1, a: 2 },
      networking: { hostName: "x" },
    });
    expect(merged).toEqual({
      networking: { firewall: { allowedTCPPorts: [80] }, hostName: "x" },
      system: { stateVersion: "25.05" },
      services: { a: 2, b: 1 },
    });
    expect(Object.keys(merged as object)).toEqual(["networking", "system", "services"]);
    expect(Object.keys((merged as { services: object }).services)).toEqual(["a", "b"]);
  });

  it("port lists become sorted sets", () => {
    expect(mergeConfig({ allowedTCPPorts: [9200, 80] }, { allowedTCPPorts: [9300, 9200] })).toEqual({
      allowedTCPPorts: [80, 9200, 9300],
    });
  });

  it("other lists concatenate, dropping generated items the user already lists", () => {
    const agenix = n.select("inputs.agenix.nixosModules.default");
    const mine = n.path("./mine.nix");
    expect(mergeConfig({ imports: [agenix] }, { imports: [mine, n.select("inputs.agenix.nixosModules.default")] })).toEqual({
      imports: [mine, agenix],
    });
    expect(mergeConfig({ l: ["a"] }, { l: ["b"] })).toEqual({ l: ["a", "b"] });
  });

  it("for anything else both define, the user's value wins", () => {
    const mkForce = n.call("lib.mkForce", false);
    expect(mergeConfig({ useHostResolvConf: mkForce }, { useHostResolvConf: true })).toEqual({ useHostResolvConf: true });
    expect(mergeConfig({ a: { b: 1 } }, { a: "scalar" })).toEqual({ a: "scalar" });
    expect(mergeConfig({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
  });

  it("keeps secrets and AST nodes as leaves", () => {
    const s = secret("x");
    const merged = mergeConfig({ a: { file: s } }, { a: { other: n.id("y") } }) as { a: { file: unknown; other: unknown } };
    expect(merged.a.file).toBe(s);
  });

  it("sortKeysDeep sorts by code unit, not locale", () => {
    expect(Object.keys(sortKeysDeep({ b: 1, B: 2, a: 3, _: 4 }) as object)).toEqual(["B", "_", "a", "b"]);
  });
});

describe("option order", () => {
  it("is code-unit order with `enable` first, whatever the declaration order", () => {
    const a = sortKeysDeep({ services: { gitea: { settings: { b: 1, a: 2 }, enable: true, database: {} } } });
    const b = sortKeysDeep({ services: { gitea: { database: {}, enable: true, settings: { a: 2, b: 1 } } } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys((a as { services: { gitea: object } }).services.gitea)).toEqual(["enable", "database", "settings"]);
    expect(["port", "enable", "Enable", "enableIPv6"].sort(byOptionName)).toEqual(["enable", "Enable", "enableIPv6", "port"]);
  });
});
