import { evalAll, NixError, nixParse } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBatches } from "../../test-support/fc-options.ts";
import { TRICKY_PIECES } from "../../test-support/text.ts";
import {
  attrNameProblem,
  binderProblem,
  formatAttrName,
  identifierProblem,
  isIdentifier,
  KEYWORDS,
} from "./names.ts";

describe("isIdentifier", () => {
  it("accepts the identifier token, with ' and - after the first character", () => {
    for (const name of ["a'", "a-b", "a-", "_a", "__x", "A-_9'", "iff", "in2", "true", "null", "__curPos"]) {
      expect(isIdentifier(name), name).toBe(true);
    }
  });

  it("rejects keywords, `or` and everything outside the token", () => {
    for (const name of ["", "1a", "-a", "'a", "é", "a.b", "a b", "if", "or", "inherit", "rec", "a$"]) {
      expect(isIdentifier(name), name).toBe(false);
    }
  });

  it("agrees with Nix: every keyword is refused as a variable", () => {
    for (const keyword of KEYWORDS) {
      expect(() => nixParse(`let ${keyword} = 1; in ${keyword}`), keyword).toThrow(NixError);
    }
  });
});

describe("identifierProblem / binderProblem / attrNameProblem", () => {
  it("explains each refusal", () => {
    expect(identifierProblem("or")).toMatch(/`or` cannot name a variable/);
    expect(identifierProblem("then")).toMatch(/keyword/);
    expect(identifierProblem("a b")).toMatch(/"a b" is not a Nix identifier/);
    expect(identifierProblem("pkgs")).toBeUndefined();
    expect(binderProblem("true")).toMatch(/shadow the literal `true`/);
    expect(binderProblem("null")).toMatch(/shadow/);
    expect(binderProblem("with")).toMatch(/keyword/);
    expect(binderProblem("cfg")).toBeUndefined();
    expect(attrNameProblem("")).toBeUndefined();
    expect(attrNameProblem("a\0")).toMatch(/NUL/);
  });
});

describe("formatAttrName", () => {
  it("quotes exactly the names that are not identifiers", () => {
    expect(formatAttrName("enable")).toBe("enable");
    expect(formatAttrName("a-b'")).toBe("a-b'");
    expect(formatAttrName("or")).toBe('"or"');
    expect(formatAttrName("if")).toBe('"if"');
    expect(formatAttrName("")).toBe('""');
    expect(formatAttrName("example.org")).toBe('"example.org"');
    expect(formatAttrName("${x}")).toBe('"\\${x}"');
    expect(formatAttrName('a"b\\')).toBe('"a\\"b\\\\"');
  });

  const name = fc.oneof(
    fc.constantFrom(...KEYWORDS, "true", "a'", "a-", "_", "x1"),
    fc.array(fc.constantFrom(...TRICKY_PIECES, "a", "Z", "_", "-", "'", "1", ".", "or", "in"), { maxLength: 5 }).map((p) => p.join("")),
  );

  it("every name reads back from a binding, a selection and `?` (fuzz against Nix)", () => {
    checkBatches(fc.array(name, { minLength: 300, maxLength: 300 }), 4, (names) => {
      const sources = names.map((raw) => {
        const f = formatAttrName(raw);
        return `let s = { ${f} = 1; }; in [ (builtins.attrNames s) s.${f} (s ? ${f}) ]`;
      });
      expect(evalAll(sources)).toEqual(names.map((raw) => [[raw], 1, true]));
    });
  });

  it("every identifier works as a bare variable, a parameter and a formal (fuzz against Nix)", () => {
    const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_'-]{0,6}$/).filter(isIdentifier);
    checkBatches(fc.array(ident, { minLength: 200, maxLength: 200 }), 3, (names) => {
      const sources = names.map(
        (v) => `[ (let ${v} = 1; in ${v}) ((${v}: ${v}) 2) (({ ${v} }: ${v}) { ${v} = 3; }) ]`,
      );
      expect(evalAll(sources)).toEqual(names.map(() => [1, 2, 3]));
    });
  });
});
