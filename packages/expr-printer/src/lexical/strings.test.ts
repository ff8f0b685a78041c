import { evalAll } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixStringPart } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { renderDoubleQuoted } from "../../test-support/render-strings.ts";
import { adversarialParts, INTERPOLATION } from "../../test-support/text.ts";
import {
  encodeDoubleQuoted,
  escapeDoubleQuotedText,
  mergeTextParts,
  stringProblem,
} from "./strings.ts";

const x = n.id("x");
const X_VALUE = "<x>";
const withX = (source: string): string => `let x = "${X_VALUE}"; in\n${source}`;
const exprSource = (): string => "x";

function parts(content: string): NixStringPart[] {
  return content.split("•").flatMap((t, i) => (i === 0 ? [t] : [x, t]));
}

describe("encodeDoubleQuoted: the table of nix-language.md §2.4", () => {
  // `•` stands for an interpolation of `x`. Expected sources written by hand from the rules.
  const cases: readonly (readonly [string, string])[] = [
    ['say "hi"', '"say \\"hi\\""'],
    ["C:\\dir", '"C:\\\\dir"'],
    ["${HOME}", '"\\${HOME}"'],
    ["$HOME", '"$HOME"'],
    ["$${x}", '"$\\${x}"'],
    ["$•", '"\\$${x}"'],
    ["$$•", '"$\\$${x}"'],
    ["${•", '"\\${${x}"'],
    ["\\${", '"\\\\\\${"'],
    ["ends with $", '"ends with $"'],
    ["a\r\nb", '"a\\r\\nb"'],
    ["a\tb", '"a\\tb"'],
    ["{ } it's 100%", '"{ } it\'s 100%"'],
    ["", '""'],
    ["é ✓ 😀 \u{10FFFF}", '"é ✓ 😀 \u{10FFFF}"'],
    ["•$", '"${x}$"'],
    ["•{", '"${x}{"'],
    ["$•$•", '"\\$${x}\\$${x}"'],
  ];

  for (const [content, expected] of cases) {
    it(`encodes ${JSON.stringify(content)}`, () => {
      expect(renderDoubleQuoted(encodeDoubleQuoted(parts(content)), exprSource)).toBe(expected);
    });
  }

  it("Nix reads every expected source back as its content", () => {
    const values = evalAll(cases.map(([, source]) => withX(source)));
    expect(values).toEqual(cases.map(([content]) => content.replaceAll("•", X_VALUE)));
  });
});

describe("stringProblem", () => {
  it("accepts every Unicode plane", () => {
    expect(stringProblem("a é ✓ 😀 \u{10FFFF} \uFFFF \u2028")).toBeUndefined();
  });

  it("names NUL and lone surrogates with their index", () => {
    expect(stringProblem("ab\0")).toMatch(/NUL.*index 2/);
    expect(stringProblem("a\uD83D")).toMatch(/surrogate \(U\+D83D\) at index 1/);
    expect(stringProblem("\uDE00a")).toMatch(/surrogate \(U\+DE00\) at index 0/);
    expect(stringProblem("\uDE00\uD83D")).toMatch(/index 0/);
  });

  it("makes the encoders refuse rather than print something else", () => {
    expect(() => escapeDoubleQuotedText("a\0", false)).toThrow(RangeError);
    expect(() => encodeDoubleQuoted(["\uD800"])).toThrow(RangeError);
  });
});

describe("mergeTextParts", () => {
  it("joins adjacent text and drops empty text", () => {
    expect(mergeTextParts(["a$", "", "{b", x, "", "c", "d"])).toEqual(["a${b", x, "cd"]);
    expect(encodeDoubleQuoted(["a$", "{b"])).toEqual([{ text: "a\\${b" }]);
  });
});

describe("encodeDoubleQuoted against Nix 2.8 (fuzz)", () => {
  it("every adversarial content reads back exactly", () => {
    const batch = fc.array(adversarialParts(), { minLength: 400, maxLength: 400 });
    checkBatches(batch, 8, (cases) => {
      const sources = cases.map((generated) =>
        withX(
          renderDoubleQuoted(
            encodeDoubleQuoted(generated.map((p) => (p === INTERPOLATION ? x : p))),
            exprSource,
          ),
        ),
      );
      const expected = cases.map((g) => g.map((p) => (p === INTERPOLATION ? X_VALUE : p)).join(""));
      expect(evalAll(sources)).toEqual(expected);
    });
  });
});
