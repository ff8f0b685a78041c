import { nixParse } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { print } from "./index.ts";

/**
 * A recursive shape: how to nest it `depth` times, and its reference rendering written from
 * the precedence rules (minimal parentheses, one line).
 */
interface Shape {
  readonly name: string;
  readonly make: (depth: number) => NixExpr;
  readonly reference: (depth: number) => string;
}

function nest(depth: number, leaf: NixExpr, wrap: (e: NixExpr, i: number) => NixExpr): NixExpr {
  let e = leaf;
  for (let i = 0; i < depth; i++) e = wrap(e, i);
  return e;
}

const x = n.id("x");
const r = (s: string, k: number): string => s.repeat(k);

const shapes: Shape[] = [
  { name: "list", make: (d) => nest(d, n.int(1), (e) => n.list([e])), reference: (d) => `${r("[ ", d)}1${r(" ]", d)}` },
  { name: "attrs", make: (d) => nest(d, n.int(1), (e) => n.attrs({ a: e })), reference: (d) => `${r("{ a = ", d)}1${r("; }", d)}` },
  { name: "left operator chain", make: (d) => nest(d, x, (e) => n.op(e, "+", n.id("y"))), reference: (d) => `x${r(" + y", d)}` },
  {
    name: "right-nested operator (parenthesised)",
    make: (d) => nest(d, x, (e) => n.op(n.id("y"), "+", e)),
    reference: (d) => `${r("y + (", d - 1)}y + x${r(")", d - 1)}`,
  },
  { name: "++ chain", make: (d) => nest(d, x, (e) => n.op(n.list([n.id("y")]), "++", e)), reference: (d) => `${r("[ y ] ++ ", d)}x` },
  {
    name: "lambda chain",
    make: (d) => nest(d, x, (e, i) => n.fn(`x${d - 1 - i}`, e)),
    reference: (d) => `${Array.from({ length: d }, (_, i) => `x${i}: `).join("")}x`,
  },
  {
    name: "selection chain with defaults",
    make: (d) => nest(d, x, (e) => n.select(e, "a", 1)),
    reference: (d) => `${r("(", d - 1)}x.a or 1${r(").a or 1", d - 1)}`,
  },
  { name: "nested calls", make: (d) => nest(d, x, (e) => n.call("f", e)), reference: (d) => `${r("f (", d - 1)}f x${r(")", d - 1)}` },
  { name: "curried call", make: (d) => nest(d, n.id("f"), (e) => n.call(e, n.id("a"))), reference: (d) => `f${r(" a", d)}` },
  { name: "else-if chain", make: (d) => nest(d, x, (e) => n.if(n.id("c"), n.id("a"), e)), reference: (d) => `${r("if c then a else ", d)}x` },
  { name: "let", make: (d) => nest(d, x, (e) => n.let({ a: 1 }, e)), reference: (d) => `${r("let a = 1; in ", d)}x` },
  { name: "with", make: (d) => nest(d, x, (e) => n.with(n.id("a"), e)), reference: (d) => `${r("with a; ", d)}x` },
  { name: "assert", make: (d) => nest(d, x, (e) => n.assert(n.id("a"), e)), reference: (d) => `${r("assert a; ", d)}x` },
  { name: "negation", make: (d) => nest(d, x, (e) => n.neg(e)), reference: (d) => `${r("-", d)}x` },
  { name: "not", make: (d) => nest(d, x, (e) => n.not(e)), reference: (d) => `${r("!", d)}x` },
  { name: "string interpolation", make: (d) => nest(d, x, (e) => n.str`a${e}b`), reference: (d) => `${r('"a${', d)}x${r('}b"', d)}` },
];

const squash = (s: string): string => s.replace(/\s+/g, "");

describe("deep trees print without recursion", () => {
  for (const shape of shapes) {
    it(`${shape.name}, 10,000 levels: prints, and is the reference up to whitespace`, () => {
      const out = print(shape.make(10_000), { indent: 0 });
      expect(squash(out)).toBe(squash(shape.reference(10_000)));
    });
  }

  it("1,500 levels of each shape parse with Nix to the same tree as the reference", () => {
    // Nix 2.8's parser itself stops at about 5,000 levels ("memory exhausted").
    for (const shape of shapes) {
      const printed = nixParse(`with { }; (\n${print(shape.make(1_500))}\n)`);
      const reference = nixParse(`with { }; (\n${shape.reference(1_500)}\n)`);
      expect({ shape: shape.name, printed: printed === reference }).toEqual({ shape: shape.name, printed: true });
    }
  });
});
