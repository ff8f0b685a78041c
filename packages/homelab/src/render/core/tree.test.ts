import { n, print } from "@nixjs/expr-printer";
import { nixEval } from "@nixjs/testkit";
import { describe, expect, it, test } from "vitest";
import { AttrTree, bindTree } from "./tree.ts";

describe("AttrTree", () => {
  it("collapses single-entry chains into attribute paths", () => {
    const t = new AttrTree();
    t.set(["tls", "certResolver"], n.str("le"));
    t.set(["bindMounts", "/key", "isReadOnly"], n.bool(true));
    const bindings = t.toBindings();
    expect(bindings.map((b) => (b.kind === "binding" ? b.path : []))).toEqual([
      ["tls", "certResolver"],
      ["bindMounts", "/key", "isReadOnly"],
    ]);
  });

  it("groups siblings into a set and keeps insertion order", () => {
    const t = new AttrTree();
    t.set(["networking", "firewall", "allowedTCPPorts"], n.list([80]));
    t.set(["networking", "useHostResolvConf"], n.bool(false));
    const [only] = t.toBindings();
    expect(only?.kind === "binding" && only.path).toEqual(["networking"]);
    const inner = only?.kind === "binding" && only.value.kind === "attrs" ? only.value.bindings : [];
    expect(inner.map((b) => (b.kind === "binding" ? b.path : []))).toEqual([["firewall", "allowedTCPPorts"], ["useHostResolvConf"]]);
  });

  it("does not collapse through an entry carrying comments", () => {
    const t = new AttrTree();
    t.set(["a"], new AttrTree().set(["b"], n.int(1), { comments: ["why"] }));
    const [only] = t.toBindings();
    expect(only?.kind === "binding" && only.path).toEqual(["a"]);
  });

  it("rejects a name set twice, or as value and set", () => {
    const t = new AttrTree().set(["a"], n.int(1));
    expect(() => t.set(["a"], n.int(2))).toThrow(/set twice/);
    expect(() => t.set(["a", "b"], n.int(2))).toThrow(/both a value and a set/);
  });

  it("bindTree prefixes and collapses", () => {
    const b = bindTree(["age", "secrets"], new AttrTree().set(["x", "file"], n.path("./x.age")));
    expect(b.kind === "binding" && b.path).toEqual(["age", "secrets", "x", "file"]);
  });
});

describe("AttrTree: members bound to their own name", () => {
  test("are written as one sorted inherit, first, and evaluate like the bindings they replace", () => {
    const t = new AttrTree();
    t.set(["port"], n.int(80));
    t.set(["host"], n.id("host"));
    t.set(["domain"], n.id("domain"));
    t.set(["other"], n.id("domain"));
    const attrs = t.toAttrs();
    expect(print(attrs)).toBe("{\n  inherit domain host;\n  port = 80;\n  other = domain;\n}\n");
    const value = nixEval(`let domain = "example.org"; host = "h"; in ${print(attrs)}`);
    expect(value).toEqual({ domain: "example.org", host: "h", other: "example.org", port: 80 });
  });
});
