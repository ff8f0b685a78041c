import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { print } from "../print/index.ts";
import { parse } from "./index.ts";

/** 10,000 levels: far beyond what a recursive parser survives on the default JS stack. */
const DEPTH = 10_000;

/** The nesting depth of a tree, walked with an explicit stack. */
function depth(root: NixExpr): number {
  let max = 0;
  const todo: [NixExpr, number][] = [[root, 1]];
  while (todo.length > 0) {
    const [e, d] = todo.pop() as [NixExpr, number];
    max = Math.max(max, d);
    const children: NixExpr[] = [];
    switch (e.kind) {
      case "list":
        for (const item of e.items) children.push(item.kind === "commented" ? item.value : item);
        break;
      case "attrs":
      case "let":
        for (const b of e.bindings) if (b.kind === "binding") children.push(b.value);
        if (e.kind === "let") children.push(e.body);
        break;
      case "binary":
        children.push(e.left, e.right);
        break;
      case "unary":
        children.push(e.expr);
        break;
      case "select":
        children.push(e.expr);
        for (const name of e.path) if (typeof name !== "string") children.push(name);
        if (e.default !== undefined) children.push(e.default);
        break;
      case "lambda":
      case "with":
      case "assert":
        children.push(e.body);
        break;
      case "if":
        children.push(e.else);
        break;
      case "apply":
        children.push(e.fn, ...e.args);
        break;
      case "string":
        for (const p of e.parts) if (typeof p !== "string") children.push(p);
        break;
      default:
        break;
    }
    for (const c of children) todo.push([c, d + 1]);
  }
  return max;
}

const cases: readonly (readonly [string, string, number])[] = [
  ["lists", `${"[ ".repeat(DEPTH)}1${" ]".repeat(DEPTH)}`, DEPTH + 1],
  ["sets", `${"{ a = ".repeat(DEPTH)}1${"; }".repeat(DEPTH)}`, DEPTH + 1],
  ["lets", `${"let a = 1; in ".repeat(DEPTH)}a`, DEPTH + 1],
  ["parentheses", `${"(".repeat(DEPTH)}1${")".repeat(DEPTH)}`, 1],
  ["a left-nested binary chain", `1${" + 1".repeat(DEPTH)}`, DEPTH + 1],
  ["a right-nested binary chain", `${"[ 1 ] ++ ".repeat(DEPTH)}[ ]`, DEPTH + 2],
  ["parenthesised right operands", `${"1 - (".repeat(DEPTH)}1${")".repeat(DEPTH)}`, DEPTH + 1],
  ["negations", `${"!".repeat(DEPTH)}x`, DEPTH + 1],
  ["lambdas", `${"x: ".repeat(DEPTH)}x`, DEPTH + 1],
  ["withs", `${"with x; ".repeat(DEPTH)}x`, DEPTH + 1],
  ["ifs", `${"if x then 1 else ".repeat(DEPTH)}2`, DEPTH + 1],
  ["selection defaults", `x.a${" or x.a".repeat(DEPTH)}`, DEPTH + 2],
  ["interpolations", `${'"${'.repeat(DEPTH)}x${'}"'.repeat(DEPTH)}`, DEPTH + 1],
  ["dynamic attribute names", `${"x.${".repeat(DEPTH)}x${"}".repeat(DEPTH)}`, DEPTH + 1],
  ["applications in arguments", `${"f (".repeat(DEPTH)}x${")".repeat(DEPTH)}`, DEPTH + 1],
];

describe("parse: 10,000 levels of nesting, without stack overflow", () => {
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const tree = parse(source).body;
      expect(depth(tree)).toBe(expected);
    });
  }

  it("reads back what the printer wrote for deep trees", () => {
    // 3,000 levels: printing them is the slow part, and the printer has its own deep tests.
    const list = parse(`${"[ ".repeat(3000)}1${" ]".repeat(3000)}`).body;
    const printed = print(list);
    expect(print(parse(printed).body)).toBe(printed);
  });
});
