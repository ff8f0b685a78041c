import { n } from "@nixjs/expr-printer";
import { describe, expect, it } from "vitest";
import { freeVariables } from "./free-vars.ts";
import { hostRef } from "../../builders/refs.ts";

const free = (e: Parameters<typeof freeVariables>[0]): string[] => [...freeVariables(e)].sort();

describe("freeVariables", () => {
  it("finds references and ignores builtins", () => {
    expect(free(n.select("config.age.secrets.x.path"))).toEqual(["config"]);
    expect(free(n.call("toString", n.select("cfg.port")))).toEqual(["cfg"]);
    expect(free(n.str(["Host(`a.", n.id("domain"), "`)"]))).toEqual(["domain"]);
  });

  it("respects let, lambdas (formals, @-binding, defaults) and rec", () => {
    const letExpr = n.let([n.bind("cfg", n.select("config.x"))], n.select("cfg.enable"));
    expect(free(letExpr)).toEqual(["config"]);
    const lambda = n.fn({ formals: ["config", { name: "p", default: n.id("config") }], ellipsis: true, bind: "args" }, n.list([n.id("config"), n.id("args"), n.id("lib")]));
    expect(free(lambda)).toEqual(["lib"]);
    expect(free(n.rec({ a: 1, b: n.id("a"), c: n.id("pkgs") }))).toEqual(["pkgs"]);
  });

  it("reads `inherit x;` from the enclosing scope, even in let", () => {
    const e = n.let([n.inherit(["domain"]), n.bind("y", 1)], n.attrs([n.inherit(["y"])]));
    expect(free(e)).toEqual(["domain"]);
  });

  it("under `with`, only well-known module arguments count as free", () => {
    expect(free(n.with(n.id("lib"), n.list([n.id("mkIf"), n.id("pkgs")])))).toEqual(["lib", "pkgs"]);
  });

  it("a fleet reference is the module argument fleet, even under `with` (a plain `fleet` there may be the with's)", () => {
    expect(free(n.with(n.id("pkgs"), n.list([hostRef("nas").address, hostRef("nas").container("db").address])))).toEqual(["fleet", "pkgs"]);
    expect(free(n.with(n.id("pkgs"), n.select("fleet.hosts.nas.address")))).toEqual(["pkgs"]);
    expect(free(n.fn({ formals: ["fleet"] }, hostRef("nas").address))).toEqual([]);
  });

  it("scans raw text for module arguments", () => {
    expect(free(n.raw("lib.mkForce (pkgs.hello.override { x = config.y; })"))).toEqual(["config", "lib", "pkgs"]);
  });

  it("looks into dynamic attribute names and select defaults", () => {
    const e = n.attrs([n.bind(["virtualHosts", n.select("cfg.domain"), "x"], n.select(n.id("a"), "b", n.id("fallback")))]);
    expect(free(e)).toEqual(["a", "cfg", "fallback"]);
  });
});
