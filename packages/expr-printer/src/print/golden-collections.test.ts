import { describe } from "vitest";
import { n } from "../build/index.ts";
import { toNix } from "../to-nix/index.ts";
import { goldenTests, type Golden } from "../../test-support/golden/check.ts";

/** Sets, lists, bindings, inherit and comments: expected outputs written by hand. */
const goldens: Golden[] = [
  { name: "empty set", tree: n.attrs({}), expected: "{ }\n", value: {} },
  { name: "empty rec set", tree: n.rec({}), expected: "rec { }\n", value: {} },
  { name: "single binding stays inline", tree: n.attrs({ a: 1 }), expected: "{ a = 1; }\n", value: { a: 1 } },
  {
    name: "rec set",
    tree: n.rec({ a: 1, b: n.op(n.id("a"), "+", 1) }),
    expected: "rec {\n  a = 1;\n  b = a + 1;\n}\n",
    value: { a: 1, b: 2 },
  },
  {
    name: "names that must be quoted",
    tree: n.attrs({ "a.b": 1, if: 2, or: 3, "": 4, "1x": 5, é: 6, "${x}": 7 }),
    expected: '{\n  "a.b" = 1;\n  "if" = 2;\n  "or" = 3;\n  "" = 4;\n  "1x" = 5;\n  "é" = 6;\n  "\\${x}" = 7;\n}\n',
    value: { "a.b": 1, if: 2, or: 3, "": 4, "1x": 5, é: 6, "${x}": 7 },
  },
  {
    name: "attribute paths and dynamic names",
    tree: n.attrs([
      n.bind(["virtualHosts", "example.org", "root"], "/srv"),
      n.bind([n.str`${n.id("host")}.conf`], true),
      n.bind([n.id("key")], 1),
    ]),
    expected: '{\n  virtualHosts."example.org".root = "/srv";\n  "${host}.conf" = true;\n  ${key} = 1;\n}\n',
    same: '{ virtualHosts = { "example.org" = { root = ("/srv"); }; }; "${(host)}.conf" = (true); ${(key)} = (1); }',
  },
  {
    name: "inherit, up to three names inline",
    tree: n.attrs([n.inherit(["a", "b", "c"]), n.inherit(["mkIf"], n.id("lib"))]),
    expected: "{\n  inherit a b c;\n  inherit (lib) mkIf;\n}\n",
    same: "{ inherit a b c; inherit (lib) mkIf; }",
  },
  {
    name: "inherit of four names, one per line",
    tree: n.attrs([n.inherit(["a", "b", "c", "d"])]),
    expected: "{\n  inherit\n    a\n    b\n    c\n    d\n    ;\n}\n",
    same: "{ inherit a b c d; }",
  },
  {
    name: "inherit from a call",
    tree: n.let([n.inherit(["version"], n.call("import", n.path("./info.nix")))], n.id("version")),
    expected: "let\n  inherit (import ./info.nix) version;\nin\nversion\n",
    same: "(let inherit ((import) (/info.nix)) version; in (version))",
  },
  {
    name: "toNix writes `domain = domain;` as `inherit domain;` (one sorted inherit, first)",
    tree: n.let(
      { domain: "example.org", host: "h", other: "o" },
      toNix({ port: 80, host: n.id("host"), domain: n.id("domain"), name: n.id("other") }),
    ),
    expected:
      'let\n  domain = "example.org";\n  host = "h";\n  other = "o";\nin\n{\n  inherit domain host;\n  name = other;\n  port = 80;\n}\n',
    value: { domain: "example.org", host: "h", name: "o", port: 80 },
  },
  {
    name: "a binding as wide as the line stays on it, wherever it is in the set",
    tree: n.attrs({ aaaaa: 1, b: ["x".repeat(89)], c: ["x".repeat(89)] }),
    expected: `{\n  aaaaa = 1;\n  b = [ "${"x".repeat(89)}" ];\n  c = [ "${"x".repeat(89)}" ];\n}\n`,
    value: { aaaaa: 1, b: ["x".repeat(89)], c: ["x".repeat(89)] },
  },
  {
    name: "a binding one column too wide breaks, wherever it is in the set",
    tree: n.attrs({ aaaaa: n.attrs({ p: 1, q: 2 }), b: ["x".repeat(90)], c: ["x".repeat(90)] }),
    expected: `{\n  aaaaa = {\n    p = 1;\n    q = 2;\n  };\n  b = [\n    "${"x".repeat(90)}"\n  ];\n  c = [\n    "${"x".repeat(90)}"\n  ];\n}\n`,
    value: { aaaaa: { p: 1, q: 2 }, b: ["x".repeat(90)], c: ["x".repeat(90)] },
  },
  {
    name: "comments and blank lines before bindings",
    tree: n.attrs([
      n.bind("a", 1, { comments: ["first", "two\nlines"] }),
      n.bind("b", 2, { blankLineBefore: true }),
      n.bind("c", 3, { blankLineBefore: true, comments: ["third"] }),
    ]),
    expected: "{\n  # first\n  # two\n  # lines\n  a = 1;\n\n  b = 2;\n\n  # third\n  c = 3;\n}\n",
    value: { a: 1, b: 2, c: 3 },
  },
  {
    name: "a comment forces a single binding set to expand",
    tree: n.attrs([n.bind("a", 1, { comments: ["why"] })]),
    expected: "{\n  # why\n  a = 1;\n}\n",
    value: { a: 1 },
  },
  {
    name: "a CR in a comment starts a new comment line",
    tree: n.attrs([n.bind("a", 1, { comments: ["x\ry = 2;"] })]),
    expected: "{\n  # x\n  # y = 2;\n  a = 1;\n}\n",
    value: { a: 1 },
  },
  { name: "empty list", tree: n.list([]), expected: "[ ]\n", value: [] },
  { name: "single item stays inline", tree: n.list([1]), expected: "[ 1 ]\n", value: [1] },
  { name: "two items expand", tree: n.list([1, "two"]), expected: '[\n  1\n  "two"\n]\n', value: [1, "two"] },
  {
    name: "items are parenthesised when looser than a selection",
    tree: n.list([
      n.call("f", 1),
      n.neg(n.id("x")),
      n.int(-1),
      n.float(-2.5),
      n.fn("x", n.id("x")),
      n.if(true, 1, 2),
      n.op(1, "+", 2),
      n.select("a.b"),
      n.select(n.id("a"), "b", 1),
    ]),
    expected:
      "[\n  (f 1)\n  (-x)\n  (-1)\n  (-2.5)\n  (x: x)\n  (if true then 1 else 2)\n  (1 + 2)\n  a.b\n  a.b or 1\n]\n",
    same: "[ ((f) (1)) (-(x)) (-(1)) (-(2.5)) (x: (x)) (if (true) then (1) else (2)) ((1) + (2)) (a.b) ((a).b or (1)) ]",
  },
  {
    name: "comments and blank lines before list items",
    tree: n.list([n.item(n.path("./host.nix"), { comments: ["host"] }), n.item(n.path("./net.nix"), { blankLineBefore: true })]),
    expected: "[\n  # host\n  ./host.nix\n\n  ./net.nix\n]\n",
    same: "[ (/host.nix) (/net.nix) ]",
  },
  {
    name: "a set in a single-item list",
    tree: n.list([n.attrs({ url: "http://a", weight: 1 })]),
    expected: '[\n  {\n    url = "http://a";\n    weight = 1;\n  }\n]\n',
    value: [{ url: "http://a", weight: 1 }],
  },
  {
    name: "a single-binding set in a single-item list stays inline",
    tree: n.attrs({ a: 1, servers: n.list([n.attrs({ url: "http://a" })]) }),
    expected: '{\n  a = 1;\n  servers = [ { url = "http://a"; } ];\n}\n',
    value: { a: 1, servers: [{ url: "http://a" }] },
  },
  {
    name: "nested lists",
    tree: n.list([n.list([]), n.list([1, 2])]),
    expected: "[\n  [ ]\n  [\n    1\n    2\n  ]\n]\n",
    value: [[], [1, 2]],
  },
];

describe("printing sets, lists, bindings and comments", () => {
  goldenTests(goldens);
});
