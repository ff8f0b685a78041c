import { evalAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import type { NixExpr, NixNode } from "../ast/index.ts";
import { n, node } from "../build/index.ts";
import { NixValueError } from "../errors.ts";
import { print } from "./index.ts";

/** What printing `tree` throws: its path and reason. */
function failure(tree: NixNode): { path: string; reason: string } {
  try {
    print(tree);
  } catch (error) {
    expect(error).toBeInstanceOf(NixValueError);
    const { path, reason } = error as NixValueError;
    return { path, reason };
  }
  throw new Error("print did not throw");
}

const x = n.id("x");

/** Each class of tree that cannot be written as valid Nix, with the path it is reported at. */
const cases: [string, NixNode, string, RegExp][] = [
  ["a keyword as a variable", n.attrs({ a: n.list([n.id("if")]) }), "bindings[0].value.items[0].name", /keyword/],
  ["`or` as a variable", n.list([n.id("or")]), "items[0].name", /`or`/],
  ["a variable that is not an identifier", n.id("a b"), "name", /not a Nix identifier/],
  ["a keyword parameter", n.fn("if", 1), "param.name", /keyword/],
  ["a parameter shadowing a literal", n.fn("true", 1), "param.name", /shadow/],
  ["duplicate formals", n.fn({ formals: ["a", "a"] }, 1), "param.formals[1].name", /duplicate formal/],
  ["an @-name that is a formal", n.fn({ formals: ["a"], bind: "a" }, 1), "param.bind.name", /both the @-name and a formal/],
  ["a dynamic name in let", n.let([n.bind([x], 1)], 1), "bindings[0].path[0]", /dynamic attribute names are not allowed in let/],
  ["a dynamic name in inherit", n.attrs([n.inherit([x])]), "bindings[0].names[0]", /not allowed in inherit/],
  ["an attribute defined twice", n.attrs([n.bind("a", 1), n.bind("a", 2)]), "bindings[1].path[0]", /'a' is already defined/],
  ["a quoted name equal to a bare one", n.attrs([n.bind("a", 1), n.bind([n.str("a")], 2)]), "bindings[1].path[0]", /already defined/],
  ["a path below a value", n.attrs([n.bind("a", x), n.bind("a.b", 1)]), "bindings[1].path[0]", /not an attribute set literal/],
  ["a path below an inherit", n.attrs([n.inherit(["a"]), n.bind("a.b", 1)]), "bindings[1].path[0]", /not an attribute set literal/],
  [
    "a path into a set literal that defines it",
    n.attrs([n.bind("a", n.attrs({ b: 1 })), n.bind("a.b", 2)]),
    "bindings[1].path[1]",
    /'a\.b' is already defined/,
  ],
  ["an inherit defined twice", n.let([n.inherit(["a", "a"])], 1), "bindings[0].names[1]", /already defined/],
  ["let shadowing a literal", n.let({ null: 1 }, 1), "bindings[0].path[0]", /shadow/],
  ["rec shadowing a literal", n.rec({ false: 1 }), "bindings[0].path[0]", /shadow/],
  ["an int beyond 64 bits", n.list([n.int(2n ** 63n)]), "items[0].value", /64-bit/],
  ["an int below 64 bits", n.int(-(2n ** 63n) - 1n), "value", /64-bit/],
  ["NaN", n.attrs({ f: n.float(Number.NaN) }), "bindings[0].value.value", /NaN/],
  ["Infinity", n.float(Number.POSITIVE_INFINITY), "value", /Infinity/],
  ["a subnormal float", n.float(5e-324), "value", /subnormal/],
  ["a NUL in a string", n.list([n.str("a\0b")]), "items[0].parts[0]", /NUL/],
  ["a NUL in an indented string", n.indented("a\n\0"), "parts[0]", /NUL/],
  ["a lone surrogate in a string", n.str("\uD800x"), "parts[0]", /surrogate/],
  ["a NUL in an attribute name", n.attrs({ "a\0": 1 }), "bindings[0].path[0]", /NUL/],
  ["a NUL in a comment", n.attrs([n.bind("a", 1, { comments: ["a\0"] })]), "bindings[0].comments[0]", /NUL/],
  ["a NUL in a file header", n.file(["ok", "bad\0"], 1), "header[1]", /NUL/],
  ["a NUL in a path", n.path("./a\0b"), "path", /NUL/],
  ["an invalid lookup path", n.searchPath("a b"), "path", /lookup path/],
  ["empty raw text", n.list([n.raw(" ")]), "items[0].text", /empty/],
  ["a NUL in raw text", n.list([n.raw("a\0b")]), "items[0].text", /NUL/],
  ["a path that is no path", n.list([node({ kind: "path", path: "" })]), "items[0].path", /empty path/],
  [
    "an application without arguments",
    n.list([node({ kind: "apply", fn: x, args: [] as unknown as [NixExpr] })]),
    "items[0].args",
    /at least one argument/,
  ],
  [
    "an empty attribute path in a selection",
    node({ kind: "select", expr: x, path: [] as unknown as [string] } as NixExpr),
    "path",
    /at least one name/,
  ],
  ["an unknown node kind", n.list([node({ kind: "bogus" } as unknown as NixExpr)]), "items[0].kind", /unknown node kind/],
  ["a bad body of a file", n.file("header", n.id("then")), "body.name", /keyword/],
];

describe("print refuses trees that are not valid Nix, naming the path", () => {
  for (const [name, tree, path, reason] of cases) {
    it(name, () => {
      const f = failure(tree);
      expect(f.path).toBe(path);
      expect(f.reason).toMatch(reason);
    });
  }

  it("accepts what Nix accepts next to those: merged set literals, paths into them, dynamic names", () => {
    const trees: NixExpr[] = [
      n.attrs([n.bind("a", n.attrs({ b: 1 })), n.bind("a.c", 2)]),
      n.attrs([n.bind("a.b", 1), n.bind("a", n.attrs({ c: 1 }))]),
      n.attrs([n.bind("a", n.attrs({ b: 1 })), n.bind("a", n.rec({ c: 2 }))]),
      n.let([n.bind("a.b", 1), n.bind("a.c", 2)], n.id("a")),
      n.let({ k: "b" }, n.attrs([n.bind(["a", n.id("k")], 1), n.bind("a.c", 2)])),
      n.let([n.bind([n.str("a b")], 1)], 1),
    ];
    const values = evalAll(trees.map((t) => print(t)));
    expect(values).toEqual([{ a: { b: 1, c: 2 } }, { a: { b: 1, c: 1 } }, { a: { b: 1, c: 2 } }, { b: 1, c: 2 }, { a: { b: 1, c: 2 } }, 1]);
  });
});
