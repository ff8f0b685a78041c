import { describe, it } from "vitest";
import { n } from "../build/index.ts";
import { expectSameStructure } from "../../test-support/structure.ts";

/**
 * Hand-picked trees where tokens glue or precedence is easy to get wrong (nix-language.md
 * §1.1, §4), each checked against Nix's own parse of the reference rendering. Failures the
 * property tests found are pinned here so they stay fixed.
 */
describe("token gluing and precedence (real Nix --parse)", () => {
  it("negation next to paths and numbers", () => {
    expectSameStructure([
      n.neg(n.path("./a")),
      n.neg(n.path("../a")),
      n.neg(n.path("/a")),
      // Found by the structure property: printed as `-../a 1`, read as the path `-../a`.
      n.neg(n.call(n.path("../a"), 1)),
      n.neg(n.call(n.call(n.path("./a"), 1), 2)),
      n.neg(n.select(n.path("./a"), "b")),
      n.neg(n.call(n.path("./a b"), 1)),
      n.neg(n.float(0.5)),
      n.neg(n.neg(n.int(1))),
      n.neg(n.int(-1)),
      n.op(n.int(1), "-", n.neg(n.path("./a"))),
      n.op(n.id("a"), "-", n.int(1)),
      n.list([n.neg(n.path("./a")), n.int(-1), n.float(-2.5), n.int(-(2n ** 63n))]),
      n.call(n.id("f"), n.int(-1), n.neg(n.id("x"))),
    ]);
  });

  it("selection from paths, numbers and strings", () => {
    expectSameStructure([
      n.select(n.path("./a"), "b"),
      n.select(n.path("./a b"), "b"),
      n.select(n.float(1.5), "b"),
      n.select(n.int(1), "b"),
      n.select(n.int(-1), "b"),
      n.select(n.str("s"), "b"),
      n.select(n.id("x"), "b", n.path("./c")),
      n.select(n.id("x"), "b", n.int(-1)),
      n.select(n.id("x"), "b", n.call(n.id("f"), 1)),
      n.has(n.path("./a"), "b"),
    ]);
  });

  it("operators between paths, lambdas and keywords", () => {
    expectSameStructure([
      n.op(n.path("./a"), "/", n.path("./b")),
      n.op(n.path("./a"), "+", n.path("./b")),
      n.op(n.id("a"), "->", n.id("b")),
      n.not(n.path("./a")),
      n.op(n.not(n.id("a")), "+", n.id("b")),
      n.op(n.id("b"), "+", n.not(n.id("a"))),
      n.op(n.fn("x", n.id("x")), "//", n.id("y")),
      n.op(n.if(n.id("c"), 1, 2), "+", 1),
      n.call(n.fn("x", n.id("x")), n.id("x")),
      n.fn({ formals: ["a"], bind: { name: "x", position: "after" } }, n.id("a")),
      n.list([n.id("a"), n.select(n.id("b"), "c", n.id("d"))]),
    ]);
  });
});
