import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fcOptions, nixFile, nixSource } from "../../test-support/index.ts";

import { print } from "../print/index.ts";
import { NixValueError } from "../errors.ts";
import { NixParseError, parse } from "./index.ts";

/**
 * Parses (with either comment mode, chosen by the text's length so that runs repeat), and
 * fails the property on any exception but a `NixParseError`.
 */
function parsesOrRejects(text: string): void {
  try {
    parse(text, { unplacedComments: text.length % 2 === 0 ? "error" : "drop" });
  } catch (error) {
    if (!(error instanceof NixParseError)) throw new Error(`not a NixParseError for ${JSON.stringify(text)}: ${String(error)}`);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message.startsWith(`${error.line}:${error.column}: `)).toBe(true);
  }
}

/** Characters and pieces of Nix syntax, so random text reaches deep into the grammar. */
const pieces = fc.constantFrom(
  ..."{}[]()=;.:,?@\"'$ \n\t\r\\#/*-+!<>&|~a1_0e".split(""),
  "${", "''", "'''", "''$", "''\\", "/*", "*/", "//", "++", "->", "==", "...", "or", "in", "let", "if", "then",
  "else", "with", "assert", "rec", "inherit", "./a", "<a>", "x:y", "1.5", "\0", "\uD800", "é", "😀",
);

/** Printed text with one random edit. */
function mutated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })).map(([s, at, op, piece]) => {
    const i = s.length === 0 ? 0 : at % s.length;
    switch (op) {
      case 0:
        return s.slice(0, i) + s.slice(i + 1);
      case 1:
        return s.slice(0, i) + piece + s.slice(i);
      case 2:
        return s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
      default:
        return s.slice(0, i);
    }
  });
}

const printedFiles = nixFile(4).map((t) => {
  try {
    return print(t);
  } catch (error) {
    if (error instanceof NixValueError) return "";
    throw error;
  }
});

describe("parse never throws anything but a NixParseError (fuzz)", () => {
  it("on arbitrary strings (any UTF-16, lone surrogates included)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), parsesOrRejects), fcOptions(5000));
  });
  it("on strings of Nix syntax pieces", () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")), parsesOrRejects), fcOptions(10000));
  });
  it("on printed files with one random edit", () => {
    fc.assert(fc.property(mutated(printedFiles), parsesOrRejects), fcOptions(3000));
  });
  it("on hand-written style sources with one random edit", () => {
    fc.assert(fc.property(mutated(nixSource(4)), parsesOrRejects), fcOptions(3000));
  });
  it("on every prefix of a printed file", () => {
    fc.assert(
      fc.property(printedFiles, (text) => {
        for (let i = 0; i <= text.length; i++) parsesOrRejects(text.slice(0, i));
      }),
      fcOptions(50),
    );
  });
});
