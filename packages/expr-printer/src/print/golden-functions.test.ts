import { describe } from "vitest";
import { n } from "../build/index.ts";
import { goldenTests, type Golden } from "../../test-support/golden/check.ts";

const twoBindings = n.attrs({ a: n.id("x"), b: 1 });

/** Lambdas and applications: expected outputs written by hand from nix-language.md §6. */
const goldens: Golden[] = [
  { name: "lambda", tree: n.fn("x", n.id("x")), expected: "x: x\n", same: "(x: (x))" },
  {
    name: "two parameters share a line with the body",
    tree: n.fn("a", n.fn("b", n.op(n.id("a"), "+", n.id("b")))),
    expected: "a: b: a + b\n",
    same: "(a: (b: ((a) + (b))))",
  },
  {
    name: "from three parameters on, the body goes on the next line",
    tree: n.fn("a", n.fn("b", n.fn("c", n.id("a")))),
    expected: "a: b: c:\na\n",
    same: "(a: (b: (c: (a))))",
  },
  {
    name: "an absorbable body stays on the parameters' line",
    tree: n.fn("final", n.fn("prev", n.attrs({ a: 1, b: 2 }))),
    expected: "final: prev: {\n  a = 1;\n  b = 2;\n}\n",
    same: "(final: (prev: ({ a = (1); b = (2); })))",
  },
  { name: "empty formals", tree: n.fn({ formals: [] }, 1), expected: "{ }: 1\n", same: "({ }: (1))" },
  {
    name: "formals with an ellipsis",
    tree: n.fn({ formals: ["pkgs"], ellipsis: true }, n.id("pkgs")),
    expected: "{ pkgs, ... }: pkgs\n",
    same: "({ pkgs, ... }: (pkgs))",
  },
  {
    name: "@ before the formals",
    tree: n.fn({ formals: ["a"], ellipsis: true, bind: "args" }, n.id("args")),
    expected: "args@{ a, ... }: args\n",
    same: "(args @ { a, ... }: (args))",
  },
  {
    name: "@ after the formals",
    tree: n.fn({ formals: ["a"], bind: { name: "args", position: "after" } }, n.id("a")),
    expected: "{ a }@args: a\n",
    same: "({ a } @ args: (a))",
  },
  {
    name: "a module: three formals expand, the set body starts on the next line",
    tree: n.fn({ formals: ["config", "lib", "pkgs"], ellipsis: true }, n.attrs({ a: 1 })),
    expected: "{\n  config,\n  lib,\n  pkgs,\n  ...\n}:\n{\n  a = 1;\n}\n",
    same: "({ config, lib, pkgs, ... }: ({ a = (1); }))",
  },
  {
    name: "defaults expand the formals",
    tree: n.fn({ formals: [{ name: "cfg", default: n.attrs({}) }, "x"] }, n.id("cfg")),
    expected: "{\n  cfg ? { },\n  x,\n}:\ncfg\n",
    same: "({ cfg ? ({ }), x }: (cfg))",
  },
  { name: "application", tree: n.call("f", n.id("x")), expected: "f x\n", same: "((f) (x))" },
  {
    name: "arguments are parenthesised when looser than a selection",
    tree: n.call("f", n.call("g", n.id("x")), n.int(-1), n.not(n.id("b")), n.select("a.b")),
    expected: "f (g x) (-1) (!b) a.b\n",
    same: "((f) ((g) (x)) (-(1)) (!(b)) (a.b))",
  },
  {
    name: "a lambda argument",
    tree: n.call("map", n.fn("x", n.op(n.id("x"), "+", 1)), n.id("xs")),
    expected: "map (x: x + 1) xs\n",
    same: "((map) (x: ((x) + (1))) (xs))",
  },
  {
    name: "nested applications are one call",
    tree: n.call(n.call("f", n.id("a")), n.id("b")),
    expected: "f a b\n",
    same: "((f) (a) (b))",
  },
  {
    name: "a parenthesised function",
    tree: n.call(n.fn("x", n.id("x")), 1),
    expected: "(x: x) 1\n",
    same: "((x: (x)) (1))",
  },
  {
    name: "the last argument is absorbed",
    tree: n.call("lib.mkIf", n.select("cfg.enable"), twoBindings),
    expected: "lib.mkIf cfg.enable {\n  a = x;\n  b = 1;\n}\n",
    same: "((lib.mkIf) (cfg.enable) ({ a = (x); b = (1); }))",
  },
  {
    name: "a short last argument stays on the line",
    tree: n.call("lib.mkIf", n.select("cfg.enable"), n.attrs({ a: 1 })),
    expected: "lib.mkIf cfg.enable { a = 1; }\n",
    same: "((lib.mkIf) (cfg.enable) ({ a = (1); }))",
  },
  {
    name: "a parenthesised lambda as last argument absorbs its body",
    tree: n.call("f", n.fn("x", twoBindings)),
    expected: "f (x: {\n  a = x;\n  b = 1;\n})\n",
    same: "((f) (x: ({ a = (x); b = (1); })))",
  },
  {
    name: "a parenthesised call of a variable as last argument absorbs its argument",
    tree: n.call("f", n.call("g", twoBindings)),
    expected: "f (g {\n  a = x;\n  b = 1;\n})\n",
    same: "((f) ((g) ({ a = (x); b = (1); })))",
  },
  {
    name: "a set argument before the last one is expanded alone",
    tree: n.call("builtins.map", n.fn("x", twoBindings), n.id("xs")),
    expected: "builtins.map (x: {\n  a = x;\n  b = 1;\n}) xs\n",
    same: "((builtins.map) (x: ({ a = (x); b = (1); })) (xs))",
  },
  {
    name: "short lists of simple items stay inline before the last argument",
    tree: n.call("builtins.replaceStrings", n.list(["a", "b"]), n.list(["c", "d"]), n.id("s")),
    expected: 'builtins.replaceStrings [ "a" "b" ] [ "c" "d" ] s\n',
    same: '((builtins.replaceStrings) ([ ("a") ("b") ]) ([ ("c") ("d") ]) (s))',
  },
  {
    name: "the last two arguments both short lists: both stay inline",
    tree: n.call("lib.zipListsWith", n.id("f"), n.list(["a", "b"]), n.list(["c", "d"])),
    expected: 'lib.zipListsWith f [ "a" "b" ] [ "c" "d" ]\n',
    same: '((lib.zipListsWith) (f) ([ ("a") ("b") ]) ([ ("c") ("d") ]))',
  },
  {
    name: "a last list argument alone expands",
    tree: n.call("lib.concatStringsSep", ",", n.list(["a", "b"])),
    expected: 'lib.concatStringsSep "," [\n  "a"\n  "b"\n]\n',
    same: '((lib.concatStringsSep) (",") ([ ("a") ("b") ]))',
  },
  {
    name: "a long call: the first arguments fill the line, the rest go below, indented",
    tree: n.call(
      "someFunctionWithAVeryLongName",
      n.select("argumentNumberOne.withAPath"),
      n.select("argumentNumberTwo.withAPath"),
      n.select("argumentNumberThree.withAPath"),
    ),
    expected:
      "someFunctionWithAVeryLongName argumentNumberOne.withAPath argumentNumberTwo.withAPath\n" +
      "  argumentNumberThree.withAPath\n",
    same: "((someFunctionWithAVeryLongName) (argumentNumberOne.withAPath) (argumentNumberTwo.withAPath) (argumentNumberThree.withAPath))",
  },
  {
    name: "a parenthesised last argument that does not fit goes between ( and )",
    tree: n.call("foo", n.call("builtins.substring", 33, n.int(-1), n.call("baseNameOf", n.id("path")))),
    options: { width: 45 },
    expected: "foo (\n  builtins.substring 33 (-1) (baseNameOf path)\n)\n",
    same: "((foo) ((builtins.substring) (33) (-(1)) ((baseNameOf) (path))))",
  },
  {
    name: "a call as a binding value that does not fit moves below the =",
    tree: n.attrs({
      a: 1,
      long: n.call(
        "someFunctionWithAVeryLongName",
        n.select("argumentNumberOne.withAPath"),
        n.select("argumentNumberTwo.withAPath"),
        n.select("argumentNumberThree.withAPath"),
      ),
    }),
    expected:
      "{\n  a = 1;\n  long =\n    someFunctionWithAVeryLongName argumentNumberOne.withAPath argumentNumberTwo.withAPath\n" +
      "      argumentNumberThree.withAPath;\n}\n",
    same:
      "{ a = (1); long = ((someFunctionWithAVeryLongName) (argumentNumberOne.withAPath) (argumentNumberTwo.withAPath) (argumentNumberThree.withAPath)); }",
  },
  {
    name: "a simple call (two simple arguments) is never broken",
    tree: n.attrs({ a: 1, long: n.call("someFunctionWithAVeryLongName", n.select("argumentNumberOne.withAPath"), n.id("b")) }),
    options: { width: 40 },
    expected: "{\n  a = 1;\n  long = someFunctionWithAVeryLongName argumentNumberOne.withAPath b;\n}\n",
    same: "{ a = (1); long = ((someFunctionWithAVeryLongName) (argumentNumberOne.withAPath) (b)); }",
  },
];

describe("printing lambdas and applications", () => {
  goldenTests(goldens);
});
