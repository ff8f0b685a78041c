import fc from "fast-check";
import type { NixBinaryOp, NixExpr } from "../src/ast/index.ts";
import { n } from "../src/build/index.ts";
import { adversarialText, linesText } from "./text.ts";

/**
 * Closed, well-typed expressions that evaluate without error (no free variables, no
 * division by zero, asserts that hold), so a printed tree can be compared with its reference
 * rendering by value: operators of every precedence level mixed with `let`, `with`, `if`,
 * `assert`, lambdas (identifier and formals), calls, selection with `or`, `?`, `rec`,
 * `inherit`, strings with interpolation. Integers only (no floats), so `==` is exact.
 * @example fc.sample(typedExpr("int", 4), 1)
 */
export type NixType = "int" | "bool" | "string" | "list" | "attrs";

/** Attribute sets generated here always hold these names (ints), so selections succeed. */
const KEYS = ["k", "or", "a b", "if"] as const;

const smallInt = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map((v) => n.int(v)),
  fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).map((v) => n.int(v)),
  fc.constantFrom(n.int(-(2n ** 63n)), n.int(2n ** 63n - 1n)),
);

/** Names bound by `let` and lambdas (the two pools never share a name). */
const firstName = fc.constantFrom("v", "v-1", "v'", "_v");
const secondName = fc.constantFrom("w", "w_2", "w''", "if-");

export function typedExpr(type: NixType, maxDepth = 4): fc.Arbitrary<NixExpr> {
  const memo = new Map<string, fc.Arbitrary<NixExpr>>();
  const get = (t: NixType, depth: number): fc.Arbitrary<NixExpr> => {
    const key = `${t}:${depth}`;
    let arb = memo.get(key);
    if (arb === undefined) {
      arb = build(t, depth, (u) => fc.constant(null).chain(() => get(u, depth - 1)));
      memo.set(key, arb);
    }
    return arb;
  };
  return get(type, maxDepth);
}

type Sub = (t: NixType) => fc.Arbitrary<NixExpr>;

function leaf(type: NixType): fc.Arbitrary<NixExpr> {
  switch (type) {
    case "int":
      return smallInt;
    case "bool":
      return fc.boolean().map((b) => n.bool(b));
    case "string":
      return fc.oneof(adversarialText(), linesText()).map((t) => n.str(t));
    case "list":
      return fc.array(smallInt, { maxLength: 3 }).map((items) => n.list(items));
    case "attrs":
      return fc.tuple(...KEYS.map(() => smallInt)).map((values) => n.attrs(Object.fromEntries(KEYS.map((k, i) => [k, values[i]]))));
  }
}

function build(type: NixType, depth: number, sub: Sub): fc.Arbitrary<NixExpr> {
  if (depth <= 1) return leaf(type);
  const same = sub(type);
  const key = fc.constantFrom(...KEYS);
  const generic: fc.Arbitrary<NixExpr>[] = [
    fc.tuple(sub("bool"), same, same).map(([c, a, b]) => n.if(c, a, b)),
    fc.tuple(same, same, firstName).map(([a, b, v]) => n.let({ [v]: a }, n.if(n.op(n.id(v), "==", n.id(v)), n.id(v), b))),
    fc.tuple(same, sub("int")).map(([a, i]) => n.assert(n.op(i, "==", i), a)),
    fc.tuple(same, firstName).map(([a, v]) => n.call(n.fn(v, n.id(v)), a)),
    fc.tuple(same, same, firstName, secondName).map(([a, b, v, w]) =>
      n.call(n.fn({ formals: [v, { name: w, default: b }], ellipsis: true, bind: "args" }, n.id(v)), n.attrs({ [v]: a })),
    ),
    fc.tuple(same, key).map(([a, k]) => n.with(n.attrs({ [k]: 0 }), a)),
    fc.tuple(same, key, sub("int")).map(([a, k, i]) => n.select(n.attrs([n.bind([k], a)]), [k], i)),
    fc.tuple(same, key).map(([a, k]) => n.select(n.attrs({ other: 1 }), [k], a)),
  ];
  return fc.oneof({ weight: 2, arbitrary: leaf(type) }, ...generic, ...specific(type, sub, key));
}

const intOps: readonly NixBinaryOp[] = ["+", "-", "*"];
const compareOps: readonly NixBinaryOp[] = ["<", "<=", ">", ">=", "==", "!="];
const boolOps: readonly NixBinaryOp[] = ["&&", "||", "->", "==", "!="];

function specific(type: NixType, sub: Sub, key: fc.Arbitrary<string>): fc.Arbitrary<NixExpr>[] {
  const int = sub("int");
  const bool = sub("bool");
  const str = sub("string");
  const attrs = sub("attrs");
  const list = sub("list");
  switch (type) {
    case "int":
      return [
        fc.tuple(int, fc.constantFrom(...intOps), int).map(([a, op, b]) => n.op(a, op, b)),
        fc.tuple(int, fc.integer({ min: 1, max: 9 })).map(([a, d]) => n.op(a, "/", d)),
        int.map((a) => n.neg(a)),
        fc.tuple(attrs, key).map(([s, k]) => n.select(s, [k])),
        list.map((l) => n.call(n.select("builtins.length"), l)),
        fc.tuple(int, int).map(([a, b]) => n.select(n.rec([n.bind("a", a), n.bind("b", n.op(n.id("a"), "-", b))]), "b")),
        str.map((s) => n.call(n.select("builtins.stringLength"), s)),
      ];
    case "bool":
      return [
        fc.tuple(int, fc.constantFrom(...compareOps), int).map(([a, op, b]) => n.op(a, op, b)),
        fc.tuple(bool, fc.constantFrom(...boolOps), bool).map(([a, op, b]) => n.op(a, op, b)),
        bool.map((b) => n.not(b)),
        fc.tuple(attrs, key).map(([s, k]) => n.has(s, [k])),
        fc.tuple(str, str).map(([a, b]) => n.op(a, "==", b)),
        fc.tuple(list, list).map(([a, b]) => n.op(a, "==", b)),
      ];
    case "string":
      return [
        fc.tuple(str, str).map(([a, b]) => n.op(a, "+", b)),
        fc.array(fc.oneof(adversarialText(), str), { maxLength: 4 }).map((parts) => n.str(parts)),
        fc.array(fc.oneof(linesText(), str), { maxLength: 4 }).map((parts) => n.indented(parts)),
        int.map((i) => n.call(n.id("toString"), i)),
      ];
    case "list":
      return [
        fc.array(int, { maxLength: 3 }).map((items) => n.list(items)),
        fc.tuple(list, list).map(([a, b]) => n.op(a, "++", b)),
        list.map((l) => n.call(n.id("map"), n.fn("x", n.op(n.id("x"), "*", 2)), l)),
      ];
    case "attrs":
      return [
        fc.tuple(attrs, attrs).map(([a, b]) => n.op(a, "//", b)),
        fc.tuple(attrs, int).map(([a, i]) => n.op(a, "//", n.attrs([n.bind(["extra", "deep"], i)]))),
        attrs.map((a) => n.let({ s: a }, n.attrs([n.inherit([...KEYS], n.id("s"))]))),
        fc.tuple(attrs, int).map(([a, i]) =>
          n.with(a, n.attrs([n.inherit(["k"]), n.bind(["or"], i), n.bind(["a b"], n.id("k")), n.bind(["if"], 0)])),
        ),
      ];
  }
}
