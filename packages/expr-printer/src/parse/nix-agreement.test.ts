import { evalAll, NixError, nixParse } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBatches, nixSource, normalizeParse, parseEach, reference } from "../../test-support/index.ts";

import { NixParseError, parse } from "./index.ts";
import { Lexer } from "./lexer.ts";
import { T } from "./tokens.ts";

/*
 * The parser agrees with Nix 2.8: what it accepts, Nix accepts, with the same structure
 * (`--parse` of the text and of the reference rendering of the parsed tree, normalised alike);
 * what it rejects, Nix rejects — but for what it rejects on purpose (`__curPos`, the legacy
 * `f or` argument: constructs without a node).
 */

const CWD = "/";
const wrap = (source: string): string => `with { }; (\n${source}\n)`;

/**
 * Whether the source has a path with interpolations (`./a/${x}`): the AST writes it as
 * `./a + "/${x}"`, which `--parse` shows otherwise (the test below evaluates both instead).
 */
function hasInterpolatedPath(source: string): boolean {
  const lx = new Lexer(source);
  let afterPath = false;
  try {
    for (lx.advance(); lx.kind !== T.EOF; lx.advance()) {
      if (afterPath && lx.kind !== T.PATH_END) return true;
      afterPath = lx.kind === T.PATH || lx.kind === T.HPATH;
    }
  } catch (error) {
    if (!(error instanceof NixParseError)) throw error;
  }
  return false;
}

/** Sources this parser rejects on purpose although Nix accepts them. */
const DELIBERATE = /legacy Nix|__curPos/;

function tryParse(source: string): ReturnType<typeof parse> | NixParseError {
  try {
    return parse(source);
  } catch (error) {
    if (error instanceof NixParseError) return error;
    throw error;
  }
}

/** Checks a batch of sources against Nix (one Nix call for the accepted ones). */
function agree(sources: readonly string[], rejectedSample: number): void {
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const s of sources) {
    const result = tryParse(s);
    if (!(result instanceof NixParseError)) accepted.push(s);
    else if (!DELIBERATE.test(result.message)) rejected.push(s);
  }
  // Parse each accepted source right before the rendering of its tree, in one process, so
  // that Nix shows the bindings of both in the same order (see expectSameStructure).
  const pairs = accepted.flatMap((s) => [wrap(s), wrap(reference(parse(s)))]);
  const shown = parseEach(pairs, { cwd: CWD });
  accepted.forEach((s, i) => {
    if (hasInterpolatedPath(s)) return;
    const context = `source:\n${s}\nparsed tree rendered as:\n${reference(parse(s))}`;
    expect(normalizeParse(shown[2 * i + 1] as string), context).toBe(normalizeParse(shown[2 * i] as string));
  });
  for (const s of rejected.slice(0, rejectedSample)) {
    let nixAccepts = false;
    try {
      nixParse(`with { }; ${s}`, { cwd: CWD });
      nixAccepts = true;
    } catch (error) {
      if (!(error instanceof NixError)) throw error;
    }
    expect({ source: s, nixAccepts, ours: tryParse(s) instanceof NixParseError ? (tryParse(s) as Error).message : "" }).toEqual({
      source: s,
      nixAccepts: false,
      ours: expect.any(String),
    });
  }
}

describe("agreement with nix-instantiate --parse (Nix 2.8)", () => {
  const handWritten = [
    "1", "-5", "- -5", "-0", "--1", "007", "1.", ".5", "1.e3", "2.5E-3", "00.5", "1e3", "0.0e-999",
    "a+b", "a-b", "a - b", "a -b", "a/ b", "a /b", "a//b", "x:x", "x: x", "a:b:c", "{}", "{ }", "{ }: 1", "{}@x: x",
    "{ a, b ? 1, ... }@args: a", "args @ { a ? b, }: a", "x@{...}: x", "{ a ? x: x }: a",
    "f a b c", "(f a) b", "f (a b)", "f -1", "f (-1)", "-f x", "!a + b", "!a && b", "b + !a + c", "-a ? b", "a ++ b ? c",
    "a ? b ? c", "a.b.c or d", "a.b or c.d or e", "f a.b or c", "a.\"b c\".${d}", "a.or", "{ or = 1; }.or", "a.${\"b\"}",
    "a == b < c", "a < b == c", "a -> b -> c", "a || b && c", "a // b // c", "a ++ b ++ c", "a - b - c", "a * b / c",
    "[ a.b or c d ]", "[ (f x) (-1) ]", "[ 1 2 [ 3 ] { } ]",
    "{ a.b.c = 1; a.b.d = 2; }", "{ a = { b = 1; }; a.c = 2; }", "{ a.b = 1; a = { c = 2; }; }", "{ a = {}; a = {}; }",
    "{ ${x} = 1; ${x} = 2; }", "{ \"a\" = 1; b = 2; }", "{ inherit a; inherit (x) b \"c d\"; inherit; }",
    "rec { a = 1; b = a; }", "let a = 1; b = a; in b", "let in 1", "let { body = 1; }", "let { a = 1; body = a; }.x",
    "let or = 1; in 2", "let a.${x} = 1; in a",
    "if a then b else c", "if a then x: x else with b; assert c; 1", "with x; y", "assert x; y",
    "\"\"", "\"a\\nb\\tc\\\\d\\\"e\\$f\"", "\"$${x}\"", "\"\\$${x}\"", "\"$\"", "\"${x}${y}\"", "\"a\r\nb\rc\"",
    "''\n  a\n  b\n''", "''\n  a\n    b''", "''  a''", "''\n  ''\\  a\n''", "''\n  a\n   ''", "''\n  x'''''", "''''",
    "''\n  ''$${x} ''${y} $${z}\n''", "''\n  a''\\r''\\n''\\tb''\\'\n''", "''\n\ta\n  b\n''", "''\r\n  a\r\n''", "''\n  $'\n''",
    "''\n  ${x}\n    y\n''", "''\n\n  a\n\n''", "'' \n  a''", "''\t\n  a''",
    "./a", "a/b", "/a/b", "~/a", "../a", "./a-b/c+d.e_f", "./.", "/.", "<nixpkgs>", "<a/b.c>",
    "http://x.y/z?a=b&c=d", "mailto:a@b", "x:y",
    "/* c */ 1 # d", "# only\n1", "{ # c\n a = 1; /* d */ }",
  ];
  it("hand-written inputs: the same structure", () => {
    agree(handWritten, 0);
    expect(handWritten.every((s) => !(tryParse(s) instanceof NixParseError))).toBe(true);
  });

  it("paths with interpolations evaluate to what Nix makes of them", () => {
    const sources = ["./a/${x}", "./a${x}b/c", "~/${x}", "/${x}", "a/${x}", "./a/${x}/b${x}", "./${x}", "./a//b${x}"];
    const bind = (s: string): string => `let x = "q"; in toString (${s})`;
    const values = evalAll(sources.map((s) => bind(s)), { cwd: "/tmp" });
    const ours = evalAll(sources.map((s) => bind(reference(parse(s)))), { cwd: "/tmp" });
    expect(ours).toEqual(values);
  });

  it("random sources written as people write them (fuzz)", () => {
    checkBatches(fc.array(nixSource(4), { minLength: 150, maxLength: 150 }), 8, (sources) => agree(sources, 4));
  });

  it("duplicate attributes: what Nix accepts and rejects (sets merged through paths and literals)", () => {
    const name = fc.constantFrom("a", "b", "\"a\"", "${\"b\"}", "${x}");
    const set: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof({ weight: 2, arbitrary: fc.constant("1") }, { weight: 1, arbitrary: tie("set") }),
      set: fc
        .array(
          fc.oneof(
            { weight: 5, arbitrary: fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), tie("value")).map(([p, v]) => `${p.join(".")} = ${v};`) },
            { weight: 1, arbitrary: fc.constantFrom("inherit a;", "inherit (x) b;") },
          ),
          { maxLength: 4 },
        )
        .map((bs) => `{ ${bs.join(" ")} }`),
    })).set as fc.Arbitrary<string>;
    checkBatches(fc.array(fc.oneof(set, set.map((s) => `let ${s.slice(1, -1)} in 1`)), { minLength: 200, maxLength: 200 }), 6, (sources) => agree(sources, 8));
  });

  it("mutated printed sources: accepted ones agree, a sample of rejected ones Nix rejects too", () => {
    const mutated = fc
      .tuple(nixSource(4), fc.nat(), fc.constantFrom("delete", "insert", "swap", "duplicate"), fc.constantFrom(...";{}[]()=.:,?@\"'$ a1/#-!<>\n"))
      .map(([s, at, op, c]) => {
        const i = s.length === 0 ? 0 : at % s.length;
        if (op === "delete") return s.slice(0, i) + s.slice(i + 1);
        if (op === "insert") return s.slice(0, i) + c + s.slice(i);
        if (op === "swap") return s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
        return s.slice(0, i) + s.slice(i, i + 3) + s.slice(i);
      });
    checkBatches(fc.array(mutated, { minLength: 150, maxLength: 150 }), 6, (sources) => agree(sources, 4));
  });
});
