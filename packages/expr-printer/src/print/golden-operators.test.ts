import { describe } from "vitest";
import type { NixBinaryOp } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { goldenTests, type Golden } from "../../test-support/golden/check.ts";

const a = n.id("a");
const b = n.id("b");
const c = n.id("c");
const ops: NixBinaryOp[] = ["++", "*", "/", "+", "-", "//", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"];

/** Selection, `?`, unary and binary operators, parentheses from precedence: by hand. */
const goldens: Golden[] = [
  { name: "selection", tree: n.select("a.b.c"), expected: "a.b.c\n", same: "(a.b.c)" },
  { name: "selection with a default", tree: n.select(a, "b", 1), expected: "a.b or 1\n", same: "((a).b or (1))" },
  {
    name: "a default looser than a selection is parenthesised",
    tree: n.select(a, "b", n.call("f", n.id("x"))),
    expected: "a.b or (f x)\n",
    same: "((a).b or ((f) (x)))",
  },
  {
    name: "a default that is itself a selection with a default",
    tree: n.select(a, "b", n.select(c, "d", 1)),
    expected: "a.b or c.d or 1\n",
    same: "((a).b or ((c).d or (1)))",
  },
  { name: "a call as the base", tree: n.select(n.call("f", n.id("x")), "a"), expected: "(f x).a\n", same: "(((f) (x)).a)" },
  { name: "a number as the base", tree: n.select(n.int(1), "a"), expected: "(1).a\n", same: "((1).a)" },
  { name: "a path as the base", tree: n.select(n.path("./a"), "b"), expected: "(./a).b\n", same: "((/a).b)" },
  {
    name: "a selection with a default as the base",
    tree: n.select(n.select(a, "b", c), "d"),
    expected: "(a.b or c).d\n",
    same: "(((a).b or (c)).d)",
  },
  {
    name: "dynamic and quoted names",
    tree: n.select(n.id("x"), [n.id("y"), "a b", "or", n.str`p${n.id("q")}`]),
    expected: 'x.${y}."a b"."or"."p${q}"\n',
    same: '((x).${(y)}."a b"."or"."p${(q)}")',
  },
  { name: "has attribute", tree: n.has(n.id("x"), "a.b"), expected: "x ? a.b\n", same: "((x) ? a.b)" },
  { name: "has a quoted attribute", tree: n.has(n.id("x"), ["a b"]), expected: 'x ? "a b"\n', same: '((x) ? "a b")' },
  { name: "! under ? is parenthesised", tree: n.has(n.not(n.id("x")), "a"), expected: "(!x) ? a\n", same: "((!(x)) ? a)" },
  { name: "negation", tree: n.neg(n.id("x")), expected: "-x\n", same: "(-(x))" },
  { name: "not", tree: n.not(n.id("x")), expected: "!x\n", same: "(!(x))" },
  { name: "double negation", tree: n.neg(n.int(-1)), expected: "--1\n", value: 1 },
  { name: "double not", tree: n.not(n.not(n.bool(true))), expected: "!!true\n", value: true },
  { name: "negation of a sum", tree: n.neg(n.op(1, "+", 2)), expected: "-(1 + 2)\n", value: -3 },
  { name: "not of a comparison", tree: n.not(n.op(1, "==", 2)), expected: "!(1 == 2)\n", value: true },
  { name: "negation of a path literal", tree: n.neg(n.path("./a")), expected: "-(./a)\n", same: "(-((/a)))" },
  {
    name: "negation of a call of a path (-../a would be a path)",
    tree: n.neg(n.call(n.path("../a"), 1)),
    expected: "-(../a 1)\n",
    same: "(-(((/a)) (1)))",
  },
  {
    name: "every binary operator",
    tree: n.attrs(Object.fromEntries(ops.map((op, i) => [`r${i}`, n.op(a, op, b)]))),
    expected: `{\n${ops.map((op, i) => `  r${i} = a ${op} b;\n`).join("")}}\n`,
    same: `{ ${ops.map((op, i) => `r${i} = ((a) ${op} (b));`).join(" ")} }`,
  },
  { name: "left-associative chain", tree: n.op(n.op(1, "-", 2), "-", 3), expected: "1 - 2 - 3\n", value: -4 },
  { name: "right operand of the same level", tree: n.op(1, "-", n.op(2, "-", 3)), expected: "1 - (2 - 3)\n", value: 2 },
  {
    name: "right-associative chain",
    tree: n.op(n.list([1]), "++", n.op(n.list([2]), "++", n.list([3]))),
    expected: "[ 1 ] ++ [ 2 ] ++ [ 3 ]\n",
    value: [1, 2, 3],
  },
  {
    name: "left operand of a right-associative operator",
    tree: n.op(n.op(n.list([1]), "++", n.list([2])), "++", n.list([3])),
    expected: "([ 1 ] ++ [ 2 ]) ++ [ 3 ]\n",
    value: [1, 2, 3],
  },
  { name: "tighter inside looser", tree: n.op(1, "+", n.op(2, "*", 3)), expected: "1 + 2 * 3\n", value: 7 },
  { name: "looser inside tighter", tree: n.op(n.op(1, "+", 2), "*", 3), expected: "(1 + 2) * 3\n", value: 9 },
  { name: "comparisons do not chain", tree: n.op(n.op(1, "<", 2), "==", true), expected: "1 < 2 == true\n", value: true },
  {
    name: "equality does not chain",
    tree: n.op(n.op(1, "==", 1), "==", true),
    expected: "(1 == 1) == true\n",
    value: true,
  },
  { name: "! under + is parenthesised", tree: n.op(n.not(a), "+", b), expected: "(!a) + b\n", same: "((!(a)) + (b))" },
  { name: "! under && is not", tree: n.op(n.not(a), "&&", n.not(b)), expected: "!a && !b\n", same: "((!(a)) && (!(b)))" },
  { name: "negative right operand", tree: n.op(a, "-", n.int(-1)), expected: "a - -1\n", same: "((a) - (-(1)))" },
  { name: "implication is right-associative", tree: n.op(a, "->", n.op(b, "->", c)), expected: "a -> b -> c\n", same: "((a) -> ((b) -> (c)))" },
  { name: "left implication", tree: n.op(n.op(a, "->", b), "->", c), expected: "(a -> b) -> c\n", same: "(((a) -> (b)) -> (c))" },
  {
    name: "keyword constructs as operands are parenthesised",
    tree: n.op(n.if(true, 1, 2), "+", n.let({ x: 1 }, n.id("x"))),
    expected: "(if true then 1 else 2)\n+ (\n  let\n    x = 1;\n  in\n  x\n)\n",
    value: 2,
  },
  {
    name: "as a binding value, an absorbable last operand stays after the operator",
    tree: n.attrs({ x: n.op(n.id("defaults"), "//", n.attrs({ a: 1, b: 2 })) }),
    expected: "{\n  x = defaults // {\n    a = 1;\n    b = 2;\n  };\n}\n",
    same: "{ x = ((defaults) // ({ a = (1); b = (2); })); }",
  },
  {
    name: "as a binding value, a call after the operator",
    tree: n.attrs({ x: n.op(n.id("base"), "//", n.call("lib.optionalAttrs", n.id("c"), n.attrs({ a: 1, b: 2 }))) }),
    expected: "{\n  x =\n    base\n    // lib.optionalAttrs c {\n      a = 1;\n      b = 2;\n    };\n}\n",
    same: "{ x = ((base) // ((lib.optionalAttrs) (c) ({ a = (1); b = (2); }))); }",
  },
  {
    name: "a short operation as a binding value stays on the line",
    tree: n.attrs({ x: n.op(n.list([n.id("a")]), "++", n.id("b")) }),
    expected: "{ x = [ a ] ++ b; }\n",
    same: "{ x = (([ (a) ]) ++ (b)); }",
  },
];

describe("printing selections and operators", () => {
  goldenTests(goldens);
});
