import { describe, expect, it } from "vitest";
import type { NixExpr, NixNode } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { node } from "../build/node.ts";
import { NixValueError } from "../errors.ts";
import { print } from "../print/index.ts";
import { toNix } from "../to-nix/index.ts";

/**
 * Bad input (issue 2, item 4): every value that cannot be written as Nix gets a clear
 * `NixValueError` naming its place: the JS path through `toNix`, the tree path through
 * `print` of a hand-built tree (`items[0].value`, `bindings[1].path[0]`; `(root)` for the
 * root). Never text that means something else.
 */
function printFailure(tree: NixNode): NixValueError {
  let printed: string;
  try {
    printed = print(tree);
  } catch (error) {
    expect(error).toBeInstanceOf(NixValueError);
    return error as NixValueError;
  }
  throw new Error(`print did not refuse the tree; it printed:\n${printed}`);
}

function expectPrintFailure(tree: NixNode, path: string, reason: RegExp): void {
  const e = printFailure(tree);
  expect([e.path, e.reason]).toEqual([path, expect.stringMatching(reason)]);
}

/** A node the builders would not make (they validate or convert), built by hand. */
const raw = <T extends NixExpr>(value: T): T => node(value);

describe("values Nix cannot represent: through toNix and through print", () => {
  const classes: readonly (readonly [string, unknown, NixExpr, RegExp])[] = [
    ["an integer beyond 64 bits", 2n ** 64n, raw({ kind: "int", value: 2n ** 64n }), /does not fit in a 64-bit Nix integer/],
    ["an integer below -2^63", -(2n ** 63n) - 1n, raw({ kind: "int", value: -(2n ** 63n) - 1n }), /does not fit/],
    ["NaN", Number.NaN, n.float(Number.NaN), /NaN has no Nix literal/],
    ["Infinity", Infinity, n.float(Infinity), /Infinity has no Nix literal/],
    ["-Infinity", -Infinity, n.float(-Infinity), /-Infinity has no Nix literal/],
    ["a subnormal float", 5e-324, n.float(5e-324), /subnormal/],
    ["a string with NUL", "a\0b", n.str("a\0b"), /NUL/],
    ["a string with a lone surrogate", "a\uD800", n.str("a\uD800"), /surrogate/],
  ];

  for (const [what, value, tree, reason] of classes) {
    it(`${what}`, () => {
      expect(() => toNix({ list: [1, value] })).toThrow(NixValueError);
      try {
        toNix({ list: [1, value] });
      } catch (error) {
        expect((error as NixValueError).path).toBe("$.list[1]");
        expect((error as NixValueError).reason).toMatch(reason);
      }
      const e = printFailure(n.list([1, tree]));
      expect(e.path).toMatch(/^items\[1\]/);
      expect(e.reason).toMatch(reason);
    });
  }
});

/** [what, tree, expected error path, expected reason]. */
type Case = readonly [string, NixNode, string, RegExp];

function cases(title: string, rows: readonly Case[]): void {
  describe(title, () => {
    for (const [what, tree, path, reason] of rows) it(what, () => expectPrintFailure(tree, path, reason));
  });
}

cases("print: text that cannot be written, wherever it sits", [
  ["NUL in an indented string", n.list([n.indented("a\n\0")]), "items[0].parts[0]", /NUL/],
  ["NUL in an attribute name", n.attrs({ "a\0": 1 }), "bindings[0].path[0]", /NUL/],
  ["a lone surrogate in a selection path", n.select(n.id("x"), ["a", "\uDC00"]), "path[1]", /surrogate/],
  ["NUL in a path", n.list([n.path("./a\0b")]), "items[0].path", /NUL/],
  ["NUL in a comment", n.attrs([n.bind("a", 1, { comments: ["x\0"] })]), "bindings[0].comments[0]", /NUL/],
  ["a lone surrogate in a file header", n.file(["ok", "\uD800"], 1), "header[1]", /surrogate/],
  ["NUL in an inherited name", n.attrs([n.inherit(["a\0"], n.id("x"))]), "bindings[0].names[0]", /NUL/],
  // Unchecked text, but Nix 2.8 silently stops reading a file at NUL: never write one.
  ["NUL in raw text", n.list([n.raw("a\0b")]), "items[0].text", /NUL/],
]);

cases("print: names that cannot be what the tree says", [
  ["a variable that is not an identifier", n.list([n.id("a b")]), "items[0].name", /not a Nix identifier/],
  ["a keyword as a variable", n.list([n.id("if")]), "items[0].name", /keyword/],
  ["`or` as a variable", n.list([n.id("or")]), "items[0].name", /or/],
  ["a keyword as a parameter", n.fn("in", 1), "param.name", /keyword/],
  ["a formal that is not an identifier", n.fn({ formals: ["a.b"] }, 1), "param.formals[0].name", /identifier/],
  ["a keyword as the @-name", n.fn({ formals: ["a"], bind: "let" }, 1), "param.bind.name", /keyword/],
  ["a formal twice", n.fn({ formals: ["a", "a"] }, 1), "param.formals[1].name", /duplicate formal/],
  ["the @-name as a formal", n.fn({ formals: ["a"], bind: "a" }, 1), "param.bind.name", /both the @-name and a formal/],
  ["a let binding of `true`", n.let({ true: 1 }, n.bool(true)), "bindings[0].path[0]", /shadow the literal `true`/],
  ["a parameter named `null`", n.fn("null", n.null()), "param.name", /shadow|null/],
  ["a dynamic name in let", n.let([n.bind([n.str`${n.id("k")}`], 1)], 1), "bindings[0].path[0]", /dynamic attribute names are not allowed in let/],
  ["a dynamic name in inherit", n.attrs([n.inherit([n.str`${n.id("k")}`], n.id("x"))]), "bindings[0].names[0]", /dynamic attribute names are not allowed in inherit/],
  ["an attribute defined twice", n.attrs([n.bind("a", 1), n.bind("a", 2)]), "bindings[1].path[0]", /already defined/],
  ["a path into a non-set value", n.attrs([n.bind("a", n.id("x")), n.bind("a.b", 2)]), "bindings[1].path[0]", /already defined/],
]);

cases("print: malformed nodes a builder would not make", [
  ["a lookup path with a space", n.list([n.searchPath("a b")]), "items[0].path", /not a lookup path/],
  ["a lookup path with a trailing slash", n.list([n.searchPath("a/")]), "items[0].path", /not a lookup path/],
  ["an empty path", n.list([raw({ kind: "path", path: "" })]), "items[0].path", /empty path/],
  ["a ~user path", n.list([n.path("~bob/x")]), "items[0].path", /~user/],
  ["a selection with an empty attribute path", raw({ kind: "select", expr: n.id("x"), path: [] as never }), "path", /at least one name/],
  ["an application without arguments", raw({ kind: "apply", fn: n.id("f"), args: [] as never }), "args", /argument/],
]);
