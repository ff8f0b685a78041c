import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { isNixExpr, n, node } from "../build/index.ts";
import { parse } from "./index.ts";

/** The body of `text` parsed. */
const body = (text: string): NixExpr => parse(text).body;
const [a, b, c, x, y, f] = ["a", "b", "c", "x", "y", "f"].map((v) => n.id(v)) as [NixExpr, NixExpr, NixExpr, NixExpr, NixExpr, NixExpr];

describe("parse: literals (expected trees written with the builders)", () => {
  it("numbers", () => {
    expect(body("42")).toEqual(n.int(42));
    expect(body("007")).toEqual(n.int(7));
    expect(body("9223372036854775807")).toEqual(n.int(9223372036854775807n));
    expect(body("1.5")).toEqual(n.float(1.5));
    expect(body("1.")).toEqual(n.float(1));
    expect(body(".5")).toEqual(n.float(0.5));
    expect(body("1.e3")).toEqual(n.float(1000));
    expect(body("2.5e-7")).toEqual(n.float(2.5e-7));
    expect(body("1.0e+21")).toEqual(n.float(1e21));
    expect(body("0.0e-999")).toEqual(n.float(0));
  });
  it("negative literals: `-` directly before a nonzero number", () => {
    expect(body("-5")).toEqual(n.int(-5));
    expect(body("-2.5")).toEqual(n.float(-2.5));
    expect(body("- 5")).toEqual(n.int(-5));
    expect(body("-0")).toEqual(n.neg(n.int(0)));
    expect(body("-0.0")).toEqual(n.neg(n.float(0)));
    expect(body("--5")).toEqual(n.neg(n.int(-5)));
    expect(body("-(5)")).toEqual(n.neg(n.int(5)));
    expect(body("-5 x")).toEqual(n.neg(n.call(n.int(5), x)));
    expect(body("-5 .a")).toEqual(n.neg(n.select(n.int(5), ["a"])));
    expect(body("-5.a")).toEqual(n.neg(n.call(n.float(5), a)));
    expect(body("(-9223372036854775807 - 1)")).toEqual(n.op(n.int(-9223372036854775807n), "-", 1));
  });
  it("true, false, null are the literal nodes", () => {
    expect(body("true")).toEqual(n.bool(true));
    expect(body("false")).toEqual(n.bool(false));
    expect(body("null")).toEqual(n.null());
  });
  it("double-quoted strings: escapes, CR, `$`, interpolation", () => {
    expect(body('""')).toEqual(n.str(""));
    expect(body('"a\\n\\t\\r\\"\\\\\\$\\x"')).toEqual(n.str('a\n\t\r"\\$x'));
    expect(body('"a\r\nb\rc"')).toEqual(n.str("a\nb\nc"));
    expect(body('"$${x} $x $"')).toEqual(n.str("$${x} $x $"));
    expect(body('"\\$${x}"')).toEqual(n.str(["$", x]));
    expect(body('"a${x}b${y}"')).toEqual(n.str(["a", x, "b", y]));
    expect(body('"${"${x}"}"')).toEqual(n.str([n.str([x])]));
    expect(body('"é 😀"')).toEqual(n.str("é 😀"));
  });
  it("indented strings: indentation stripping and escapes", () => {
    expect(body("''\n  a\n  b\n''")).toEqual(n.indented("a\nb\n"));
    expect(body("''\n  a\n    b''")).toEqual(n.indented("a\n  b"));
    expect(body("''  a''")).toEqual(n.indented("a"));
    expect(body("''\n  ''\\  all\n    indented\n''")).toEqual(n.indented("  all\n  indented\n"));
    expect(body("''\n  a\n   ''")).toEqual(n.indented("a\n"));
    expect(body("''\n  x'''''")).toEqual(n.indented("x''"));
    expect(body("''\n  ''$${x} ''${y} $${z}\n''")).toEqual(n.indented(["$", x, " ${y} $${z}\n"]));
    expect(body("''\n  a''\\r''\\n''\\tb''\\'\n''")).toEqual(n.indented("a\r\n\tb'\n"));
    expect(body("''\n  ${x}\n    y\n''")).toEqual(n.indented([x, "\n  y\n"]));
    expect(body("''\n\ta\n  b\n''")).toEqual(n.indented("\ta\n  b\n"));
    expect(body("''''")).toEqual(n.indented(""));
  });
  it("paths, lookup paths, URIs", () => {
    expect(body("./a/b.nix")).toEqual(n.path("./a/b.nix"));
    expect(body("../x")).toEqual(n.path("../x"));
    expect(body("a/b")).toEqual(n.path("a/b"));
    expect(body("/etc/nixos")).toEqual(n.path("/etc/nixos"));
    expect(body("~/x")).toEqual(n.path("~/x"));
    expect(body("./.")).toEqual(n.path("./."));
    expect(body("<nixpkgs/lib>")).toEqual(n.searchPath("nixpkgs/lib"));
    expect(body("http://example.org/a?b=c")).toEqual(n.str("http://example.org/a?b=c"));
    expect(body("x:y")).toEqual(n.str("x:y"));
  });
  it("paths with interpolations: `path + \"rest\"`", () => {
    expect(body("./a/${x}.nix")).toEqual(n.op(n.path("./a"), "+", n.str(["/", x, ".nix"])));
    expect(body("./a${x}b/c")).toEqual(n.op(n.path("./a"), "+", n.str([x, "b/c"])));
    expect(body("~/${x}")).toEqual(n.op(n.path("~"), "+", n.str(["/", x])));
    expect(body("/${x}")).toEqual(n.op(n.path("/"), "+", n.str([x])));
    expect(body("a/${x}")).toEqual(n.op(n.path("a"), "+", n.str(["/", x])));
  });
  it("nodes are made by the node factories: branded and frozen", () => {
    const e = body('{ a = [ 1 "s" ]; }');
    expect(isNixExpr(e)).toBe(true);
    expect(Object.isFrozen(e)).toBe(true);
    if (e.kind !== "attrs") throw new Error("not a set");
    const binding = e.bindings[0];
    expect(Object.isFrozen(e.bindings) && Object.isFrozen(binding)).toBe(true);
    if (binding?.kind !== "binding" || binding.value.kind !== "list") throw new Error("not a list");
    expect(binding.value.items.every(isNixExpr)).toBe(true);
    expect(Object.isFrozen(parse("1"))).toBe(true);
  });
});

describe("parse: collections and names", () => {
  it("sets, rec sets, attribute paths", () => {
    expect(body("{ }")).toEqual(n.attrs({}));
    expect(body("rec { a = 1; b = a; }")).toEqual(n.rec([n.bind("a", 1), n.bind("b", a)]));
    expect(body('{ a.b.c = 1; "d e" = 2; ${x} = 3; "f${y}" = 4; or = 5; }')).toEqual(
      n.attrs([n.bind("a.b.c", 1), n.bind(["d e"], 2), n.bind([x], 3), n.bind([n.str(["f", y])], 4), n.bind(["or"], 5)]),
    );
    expect(body('{ ${"static"} = 1; ${""} = 2; }')).toEqual(n.attrs([n.bind(["static"], 1), n.bind([""], 2)]));
  });
  it("a name `${''…''}` Nix reads as several tokens stays dynamic", () => {
    expect(body("{ ${''a''} = 1; }")).toEqual(n.attrs([n.bind(["a"], 1)]));
    expect(body("{ ${''a$''} = 1; }")).toEqual(n.attrs([n.bind([n.indented("a$")], 1)]));
  });
  it("inherit", () => {
    expect(body('{ inherit a "b" or; inherit (x) c; inherit; }')).toEqual(
      n.attrs([n.inherit(["a", "b", "or"]), n.inherit(["c"], x), n.inherit([])]),
    );
  });
  it("lists hold selections and simple expressions", () => {
    expect(body("[ ]")).toEqual(n.list([]));
    expect(body('[ 1 a.b "s" (f x) [ ] { } ./p ]')).toEqual(
      n.list([1, n.select(a, ["b"]), "s", n.call(f, x), n.list([]), n.attrs({}), n.path("./p")]),
    );
  });
  it("let, legacy let", () => {
    expect(body("let a = 1; inherit b; in a")).toEqual(n.let([n.bind("a", 1), n.inherit(["b"])], a));
    expect(body("let in 1")).toEqual(n.let({}, 1));
    expect(body("let { a = 1; body = a; }")).toEqual(n.select(n.rec([n.bind("a", 1), n.bind("body", a)]), ["body"]));
  });
});

describe("parse: functions and control", () => {
  it("lambdas with every parameter form", () => {
    expect(body("x: x")).toEqual(n.fn("x", x));
    expect(body("x: y: x")).toEqual(n.fn("x", n.fn("y", x)));
    expect(body("{ }: 1")).toEqual(n.fn({ formals: [] }, 1));
    expect(body("{ a, b ? 1, ... }: a")).toEqual(n.fn({ formals: ["a", { name: "b", default: 1 }], ellipsis: true }, a));
    expect(body("{ a, }: a")).toEqual(n.fn({ formals: ["a"] }, a));
    expect(body("args@{ a }: a")).toEqual(n.fn({ formals: ["a"], bind: "args" }, a));
    expect(body("{ a } @ args: a")).toEqual(n.fn({ formals: ["a"], bind: { name: "args", position: "after" } }, a));
    expect(body("{ ... }: 1")).toEqual(n.fn({ formals: [], ellipsis: true }, 1));
  });
  it("application is left-associative and collects arguments", () => {
    expect(body("f a b c")).toEqual(n.call(f, a, b, c));
    expect(body("(f a) b")).toEqual(n.call(n.call(f, a), b));
    expect(body("f -1")).toEqual(n.op(f, "-", 1));
    expect(body("f (-1)")).toEqual(n.call(f, -1));
    expect(body("f let { body = 1; }")).toEqual(n.call(f, n.select(n.rec({ body: 1 }), ["body"])));
  });
  it("if, with, assert", () => {
    expect(body("if a then b else c")).toEqual(n.if(a, b, c));
    expect(body("with a; b")).toEqual(n.with(a, b));
    expect(body("assert a; b")).toEqual(n.assert(a, b));
    expect(body("if a then x: x else with b; assert c; 1")).toEqual(n.if(a, n.fn("x", x), n.with(b, n.assert(c, 1))));
  });
});

describe("parse: operators (precedence and associativity of parser.y)", () => {
  const cases: readonly (readonly [string, NixExpr])[] = [
    ["a + b * c", n.op(a, "+", n.op(b, "*", c))],
    ["a - b - c", n.op(n.op(a, "-", b), "-", c)],
    ["a ++ b ++ c", n.op(a, "++", n.op(b, "++", c))],
    ["a // b // c", n.op(a, "//", n.op(b, "//", c))],
    ["a -> b -> c", n.op(a, "->", n.op(b, "->", c))],
    ["a || b && c", n.op(a, "||", n.op(b, "&&", c))],
    ["a == b < c", n.op(a, "==", n.op(b, "<", c))],
    ["a < b == c", n.op(n.op(a, "<", b), "==", c)],
    ["!a + b", n.not(n.op(a, "+", b))],
    ["!a && b", n.op(n.not(a), "&&", b)],
    ["!a == b", n.op(n.not(a), "==", b)],
    ["b + !a + c", n.op(b, "+", n.not(n.op(a, "+", c)))],
    ["-a ? b", n.has(n.neg(a), "b")],
    ["!a ? b", n.not(n.has(a, "b"))],
    ["a ++ b ? c", n.op(a, "++", n.has(b, "c"))],
    ["a ? b ? c", n.has(n.has(a, "b"), "c")],
    ["a ? b.c", n.has(a, "b.c")],
    ["- f x", n.neg(n.call(f, x))],
    ["a * -b", n.op(a, "*", n.neg(b))],
    ["a.b or c.d or x", n.select(a, ["b"], n.select(c, ["d"], x))],
    ["f a.b or c", n.call(f, n.select(a, ["b"], c))],
    ["(a.b).c", node({ kind: "select", expr: node({ kind: "select", expr: a, path: ["b"] }), path: ["c"] })],
    ["a.b.c", n.select(a, ["b", "c"])],
    ["a <= b || x >= y", n.op(n.op(a, "<=", b), "||", n.op(x, ">=", y))],
  ];
  for (const [source, expected] of cases) {
    it(source, () => expect(body(source)).toEqual(expected));
  }
  it("every binary operator", () => {
    for (const op of ["++", "*", "/", "+", "-", "//", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"] as const) {
      expect(body(`a ${op} b`)).toEqual(n.op(a, op, b));
    }
  });
});

describe("parse: comments and blank lines", () => {
  it("header comments", () => {
    const file = parse("# one\n#\n#   two\n\n/* three\n   four */\n1\n");
    expect(file).toEqual(n.file(["one", "", "  two", "three", "four"], 1));
  });
  it("comments and blank lines before bindings and list elements", () => {
    const source = "{\n  # c1\n  # c2\n  a = 1;\n\n  b = 2; # trailing: dropped\n\n  # c3\n  inherit c;\n}\n";
    expect(body(source)).toEqual(
      n.attrs([n.bind("a", 1, { comments: ["c1", "c2"] }), n.bind("b", 2, { blankLineBefore: true }), n.inherit(["c"], undefined, { comments: ["c3"], blankLineBefore: true })]),
    );
    expect(body("[\n\n  # x\n  1\n\n  2\n  3 /* in line */\n]")).toEqual(
      n.list([n.item(1, { comments: ["x"] }), n.item(2, { blankLineBefore: true }), 3]),
    );
  });
  it("comments inside expressions are dropped, or an error with unplacedComments: \"error\"", () => {
    expect(body("1 + /* c */ 2 # end")).toEqual(n.op(1, "+", 2));
    expect(() => parse("1 + /* c */ 2", { unplacedComments: "error" })).toThrow(/1:5: this comment has no place/);
    expect(() => parse("{\n  a = 1; # note\n}", { unplacedComments: "error" })).toThrow(/2:10/);
    expect(parse("# h\n{\n  # c\n  a = 1;\n}", { unplacedComments: "error" }).header).toEqual(["h"]);
  });
});

describe("parse: constructs the AST has no node for", () => {
  it("__curPos and the legacy `or` argument are errors", () => {
    expect(() => parse("__curPos")).toThrow(/1:1: __curPos/);
    expect(() => parse("map or [ 1 ]")).toThrow(/legacy/);
    expect(() => parse("[ a or b ]")).toThrow(/legacy/);
    expect(body("{ __curPos = 1; }.__curPos")).toEqual(n.select(n.attrs({ __curPos: 1 }), ["__curPos"]));
  });
  it("raw nodes never come out of the parser", () => {
    expect(node({ kind: "raw", text: "1" })).not.toEqual(body("1"));
  });
});
