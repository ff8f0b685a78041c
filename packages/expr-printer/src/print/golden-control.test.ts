import { describe } from "vitest";
import { n } from "../build/index.ts";
import { goldenTests, type Golden } from "../../test-support/golden/check.ts";

/** `let`, `with`, `if` and `assert`: expected outputs written by hand. */
const goldens: Golden[] = [
  { name: "let without bindings", tree: n.let({}, 1), expected: "let\nin\n1\n", value: 1 },
  {
    name: "let with comments, a path binding and inherit",
    tree: n.let(
      [
        n.bind("cfg.port", 80, { comments: ["the port"] }),
        n.inherit(["version"], n.attrs({ version: "1.0" }), { blankLineBefore: true }),
      ],
      n.list([n.select("cfg.port"), n.id("version")]),
    ),
    expected:
      'let\n  # the port\n  cfg.port = 80;\n\n  inherit ({ version = "1.0"; }) version;\nin\n[\n  cfg.port\n  version\n]\n',
    value: [80, "1.0"],
  },
  {
    name: "let as a binding value moves below the =",
    tree: n.attrs({ x: n.let({ a: 1 }, n.id("a")) }),
    expected: "{\n  x =\n    let\n      a = 1;\n    in\n    a;\n}\n",
    value: { x: 1 },
  },
  {
    name: "with at the top: the body on the next line",
    tree: n.with(n.id("lib"), n.list([n.id("a"), n.id("b")])),
    expected: "with lib;\n[\n  a\n  b\n]\n",
    same: "(with (lib); ([ (a) (b) ]))",
  },
  {
    name: "with and a short body fit on one line",
    tree: n.with(n.id("pkgs"), n.id("hello")),
    expected: "with pkgs; hello\n",
    same: "(with (pkgs); (hello))",
  },
  {
    name: "with and a list as a binding value",
    tree: n.attrs({ environment: n.with(n.id("pkgs"), n.list([n.id("htop"), n.id("curl")])) }),
    expected: "{\n  environment = with pkgs; [\n    htop\n    curl\n  ];\n}\n",
    same: "{ environment = (with (pkgs); ([ (htop) (curl) ])); }",
  },
  {
    name: "with and a non-absorbable body as a binding value",
    tree: n.attrs({ a: n.with(n.id("lib"), n.id("x")) }),
    expected: "{ a = with lib; x; }\n",
    same: "{ a = (with (lib); (x)); }",
  },
  { name: "if on one line", tree: n.if(true, 1, 2), expected: "if true then 1 else 2\n", value: 1 },
  {
    name: "if with an absorbable branch breaks",
    tree: n.if(n.id("c"), n.attrs({ a: 1, b: 2 }), n.attrs({})),
    expected: "if c then\n  {\n    a = 1;\n    b = 2;\n  }\nelse\n  { }\n",
    same: "(if (c) then ({ a = (1); b = (2); }) else ({ }))",
  },
  {
    name: "else-if chain",
    tree: n.if(n.id("a"), 1, n.if(n.id("b"), 2, 3)),
    expected: "if a then\n  1\nelse if b then\n  2\nelse\n  3\n",
    same: "(if (a) then (1) else (if (b) then (2) else (3)))",
  },
  {
    name: "if as a list element",
    tree: n.list([n.if(n.id("c"), 1, 2)]),
    expected: "[ (if c then 1 else 2) ]\n",
    same: "[ (if (c) then (1) else (2)) ]",
  },
  { name: "assert", tree: n.assert(true, 1), expected: "assert true;\n1\n", value: 1 },
  {
    name: "assert with an operator condition",
    tree: n.assert(n.op(n.id("a"), "->", n.id("b")), n.id("c")),
    expected: "assert a -> b;\nc\n",
    same: "(assert ((a) -> (b)); (c))",
  },
];

describe("printing let, with, if and assert", () => {
  goldenTests(goldens);
});
