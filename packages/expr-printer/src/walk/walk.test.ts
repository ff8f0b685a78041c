import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { print } from "../print/index.ts";
import { expectSameStructure, fcOptions, nixExpr } from "../../test-support/index.ts";
import { mapExpr } from "./map-expr.ts";
import { childExprs, visitExprs } from "./visit.ts";

/** One tree with every kind of node that has children, `x` in every child position. */
const x = n.id("x");
const everyKind: NixExpr = n.let(
  [n.bind("a", n.str`s${x}`), n.inherit(["b"], x, { comments: ["kept"] })],
  n.list([
    n.attrs([n.bind(["p", x], n.indented(["i", x, "\n"]))]),
    n.item(n.with(x, x), { comments: ["an item"] }),
    n.if(x, x, x),
    n.assert(x, x),
    n.fn({ formals: [{ name: "f", default: x }], ellipsis: true }, x),
    n.call(x, x, x),
    n.select(x, ["q", x], x),
    n.has(x, ["r", x]),
    n.neg(x),
    n.op(x, "+", x),
    n.rec([n.bind("c", x)]),
    n.int(1),
    n.path("./p"),
    n.raw("raw"),
  ]),
);

describe("mapExpr", () => {
  it("reaches every child position of every node kind, and keeps trivia", () => {
    const y = mapExpr(everyKind, (e) => (e.kind === "ident" && e.name === "x" ? n.id("y") : undefined));
    const expected = print(everyKind).replace(/\bx\b/g, "y");
    expect(print(y)).toBe(expected);
    expect(print(y)).not.toMatch(/\bx\b/);
    expect(print(y)).toContain("# kept");
    expect(print(y)).toContain("# an item");
    // Nix reads the rewritten tree as it reads the same text written by hand.
    expectSameStructure([y]);
  });

  it("returns the very tree when nothing is replaced, and shares unchanged subtrees", () => {
    expect(mapExpr(everyKind, () => undefined)).toBe(everyKind);
    const left = n.list([n.int(1)]);
    const tree = n.op(left, "++", n.list([x]));
    const out = mapExpr(tree, (e) => (e === x ? n.int(2) : undefined));
    expect(out.kind === "binary" && out.left).toBe(left);
  });

  it("does not visit below a replacement", () => {
    const seen: string[] = [];
    mapExpr(n.call(x, n.list([x])), (e) => {
      seen.push(e.kind);
      return e.kind === "list" ? n.null() : undefined;
    });
    expect(seen).toEqual(["apply", "ident", "list"]);
  });

  it("identity on random trees: the same object, every time", () => {
    fc.assert(
      fc.property(nixExpr(), (t) => mapExpr(t, () => undefined) === t),
      fcOptions(300),
    );
  });
});

describe("visitExprs", () => {
  it("visits every expression once, parents first, in source order", () => {
    const order: string[] = [];
    visitExprs(n.op(n.id("a"), "+", n.call(n.id("b"), n.id("c"))), (e) => {
      order.push(e.kind === "ident" ? e.name : e.kind);
    });
    expect(order).toEqual(["binary", "a", "apply", "b", "c"]);
  });

  it("skips the children of an expression when visit returns false", () => {
    const order: string[] = [];
    visitExprs(n.list([n.list([n.int(1)]), n.int(2)]), (e) => {
      order.push(e.kind === "int" ? String(e.value) : e.kind);
      return !(e.kind === "list" && e.items.length === 1);
    });
    expect(order).toEqual(["list", "list", "2"]);
  });

  it("agrees with mapExpr on random trees: the same expressions, the same count", () => {
    fc.assert(
      fc.property(nixExpr(), (t) => {
        let visited = 0;
        visitExprs(t, () => void visited++);
        let mapped = 0;
        mapExpr(t, () => void mapped++);
        return visited === mapped;
      }),
      fcOptions(300),
    );
  });

  it("is iterative: a 10,000-deep tree is fine", () => {
    let deep: NixExpr = n.int(0);
    for (let i = 0; i < 10_000; i++) deep = n.list([deep]);
    let count = 0;
    visitExprs(deep, () => void count++);
    expect(count).toBe(10_001);
    expect(childExprs(deep)).toHaveLength(1);
  });
});
