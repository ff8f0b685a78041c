import { evalAll } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixStringPart } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { renderIndented } from "../../test-support/render-strings.ts";
import { adversarialParts, INTERPOLATION, type TextParts } from "../../test-support/text.ts";
import { encodeIndented, isVerbatimIndented, preferIndented } from "./indented.ts";

const x = n.id("x");
const X_VALUE = "<x>";
const withX = (source: string): string => `let x = "${X_VALUE}"; in\n${source}`;
const exprSource = (): string => "x";

/** Content parts: text, with `•` standing for the interpolation `${x}`. */
function parts(content: string): NixStringPart[] {
  return content.split("•").flatMap((t, i) => (i === 0 ? [t] : [x, t]));
}

describe("encodeIndented: the table of nix-language.md §2.4 (content lines at 2 spaces)", () => {
  // Expected sources written by hand from the rules; each is also evaluated by Nix below.
  const cases: readonly (readonly [string, string])[] = [
    ["line1\nline2\n", "''\n  line1\n  line2\n''"],
    ["line1\nline2", "''\n  line1\n  line2''"],
    ["\nstarts blank\n", "''\n\n  starts blank\n''"],
    ["a\n\n\nb\n", "''\n  a\n\n\n  b\n''"],
    ["  indented\nnot\n", "''\n    indented\n  not\n''"],
    ["  all\n  indented\n", "''\n  ''\\  all\n    indented\n''"],
    ["   \n", "''\n  ''\\   \n''"],
    ["a\n  ", "''\n  a\n  ''\\  ''"],
    ["\ttab\n", "''\n  \ttab\n''"],
    ["crlf\r\n", "''\n  crlf''\\r\n''"],
    ["it's\n", "''\n  it's\n''"],
    ["ends with '", "''\n  ends with ''\\'''"],
    ["two '' quotes\n", "''\n  two ''' quotes\n''"],
    ["x''", "''\n  x'''''"],
    ["'''\n", "''\n  ''''\n''"],
    ["${literal}\n", "''\n  ''${literal}\n''"],
    ["$•\n", "''\n  ''$${x}\n''"],
    ["'${\n", "''\n  ''\\'''${\n''"],
    // nix-language.md §2.4 lists `'''''${x}` here, which Nix reads as the text `''${x}`.
    ["''•\n", "''\n  '''${x}\n''"],
    ["cost: $5\n", "''\n  cost: $5\n''"],
    ["", "''\n''"],
    ["\n", "''\n\n''"],
    ["•", "''\n  ${x}''"],
    ["  •\n", "''\n  ''\\  ${x}\n''"],
    ["'\r", "''\n  ''\\'''\\r''"],
    ["a'\nb", "''\n  a'\n  b''"],
    ["'•'", "''\n  '${x}''\\'''"],
  ];

  for (const [content, expected] of cases) {
    it(`encodes ${JSON.stringify(content)}`, () => {
      expect(renderIndented(encodeIndented(parts(content)), 2, 0, exprSource)).toBe(expected);
    });
  }

  it("Nix reads every expected source back as its content", () => {
    const values = evalAll(cases.map(([, source]) => withX(source)));
    expect(values).toEqual(cases.map(([content]) => content.replaceAll("•", X_VALUE)));
  });
});

describe("encodeIndented: structure", () => {
  it("keeps interpolations as expression chunks on their line", () => {
    expect(encodeIndented(["a ", x, " b\nc"])).toEqual({
      lines: [[{ text: "a " }, { expr: x }, { text: " b" }], [{ text: "c" }]],
      closeOnOwnLine: false,
    });
  });

  it("merges adjacent text parts before escaping (a `${` may span them)", () => {
    expect(encodeIndented(["a$", "{b"]).lines).toEqual([[{ text: "a''${b" }]]);
  });

  it("rejects NUL and lone surrogates", () => {
    expect(() => encodeIndented(["a\0b"])).toThrow(/NUL/);
    expect(() => encodeIndented(["a\uD800b"])).toThrow(/surrogate/);
  });
});

describe("preferIndented", () => {
  it("prefers ''…'' for multi-line text", () => {
    expect(preferIndented(["#!/bin/sh\necho hi\n"])).toBe(true);
    expect(preferIndented(["a\n", x])).toBe(true);
    expect(preferIndented([x, "\n"])).toBe(true);
    expect(preferIndented(["one line\n"])).toBe(true);
  });

  it("keeps single-line text, bare newlines and CR text in \"…\"", () => {
    expect(preferIndented(["one line"])).toBe(false);
    expect(preferIndented([])).toBe(false);
    expect(preferIndented(["\n"])).toBe(false);
    expect(preferIndented(["\n\n"])).toBe(false);
    expect(preferIndented(["a\r\nb\r\n"])).toBe(false);
    expect(preferIndented(["a\nb\r"])).toBe(false);
  });
});

/** Content of generated parts, with interpolations replaced by the value of `x`. */
function contentOf(generated: TextParts): string {
  return generated.map((p) => (p === INTERPOLATION ? X_VALUE : p)).join("");
}

function toParts(generated: TextParts): NixStringPart[] {
  return generated.map((p) => (p === INTERPOLATION ? x : p));
}

describe("encodeIndented against Nix 2.8 (fuzz)", () => {
  it("every adversarial content reads back exactly, at several indentations", () => {
    const layout = fc.constantFrom([0, 0], [2, 0], [4, 2], [6, 4], [1, 7], [8, 0]);
    const batch = fc.array(fc.tuple(adversarialParts(), layout), { minLength: 300, maxLength: 300 });
    checkBatches(batch, 12, (cases) => {
      const sources = cases.map(([generated, [indent, close]]) =>
        withX(renderIndented(encodeIndented(toParts(generated)), indent, close, exprSource)),
      );
      expect(evalAll(sources)).toEqual(cases.map(([generated]) => contentOf(generated)));
    });
  });
});

describe("isVerbatimIndented", () => {
  it("says when every line of the encoding is the line of the text, as it is", () => {
    const texts = fc.oneof(
      fc.array(fc.constantFrom("a", " ", "  ", "\t", "'", "$", "{", "\r", "é", "😀", "x y", ""), { maxLength: 6 }).map((lines) => lines.join("\n")),
      fc.string({ unit: fc.constantFrom("a", " ", "\n", "'", "$", "\r", "b") }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const verbatim = isVerbatimIndented(text);
        const lines = text.split("\n");
        const closeOnOwnLine = lines.length > 1 && lines[lines.length - 1] === "";
        if (closeOnOwnLine) lines.pop();
        const encoding = encodeIndented([text]);
        const encoded = encoding.lines.map((chunks) => chunks.map((c) => ("text" in c ? c.text : "${…}")).join(""));
        const same = encoded.join("\n") === lines.join("\n") && encoding.closeOnOwnLine === closeOnOwnLine;
        // Verbatim implies the same lines; text that encodes as itself may still be refused
        // (only when no line pins the indentation and escaping changes nothing visible).
        if (verbatim) expect(same, JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 2000, seed: 20_260_521 },
    );
    expect(isVerbatimIndented("PORT=80\nHOST=::\n")).toBe(true);
    expect(isVerbatimIndented("a\n  b")).toBe(true);
    expect(isVerbatimIndented("  a\n  b\n")).toBe(false);
    expect(isVerbatimIndented("a\n  ")).toBe(false);
    expect(isVerbatimIndented("it's\n")).toBe(false);
    expect(isVerbatimIndented("a\r\nb")).toBe(false);
  });
});
