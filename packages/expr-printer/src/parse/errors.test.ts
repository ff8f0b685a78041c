import { NixError, nixParse } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { NixParseError, parse } from "./index.ts";
import { lineColumn } from "./errors.ts";

/** The error `parse` throws for `source` (fails the test when it throws none). */
function errorOf(source: string): NixParseError {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof NixParseError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${JSON.stringify(source)}`);
}

/** [source, expected message with position]: each also rejected by Nix 2.8 (checked below). */
const cases: readonly (readonly [string, string])[] = [
  // syntax: what was expected, what was found
  ["{ a ; }", '1:5: expected "=" after the attribute path, got ";"'],
  ["{ a = 1 }", '1:9: expected ";" after the value of the binding, got "}"'],
  ["{ a = 1;", '1:9: expected a binding or "}", got end of input'],
  ["let a = 1;", '1:11: expected a binding or "in", got end of input'],
  ["(1", '1:3: expected ")" to close the parenthesis, got end of input'],
  ["1 +", "1:4: expected an expression, got end of input"],
  ["1 2 3 )", '1:7: expected the end of the input after a complete expression, got ")"'],
  ["if a then b", '1:12: expected "else" after the "then" branch, got end of input'],
  ["with a b", '1:9: expected ";" after the scope of "with", got end of input'],
  ["{ a, ... , b }: 1", '1:10: expected "}" after "..." (it must be the last formal), got ","'],
  ["{ a b }: 1", '1:5: expected "=" after the attribute path, got identifier "b"'],
  ["{ a, b }", '1:9: expected ":" after the formal arguments, got end of input'],
  ["x: y:", "1:6: expected an expression, got end of input"],
  ["[ f x: x ]", '1:6: expected a list element or "]" to close the list, got ":"'],
  ["[ a -1 ]", '1:5: expected a list element or "]" to close the list, got "-"'],
  ["[ 1 2", '1:6: expected a list element or "]" to close the list, got end of input'],
  ["a.", 'expected an attribute name after ".", got end of input'],
  ["{ inherit (a) ${b}; }", '1:15: dynamic attributes are not allowed in "inherit"'],
  ["let ${a} = 1; in 1", '1:5: dynamic attributes are not allowed in "let"'],
  ["let \"${a}\" = 1; in 1", '1:5: dynamic attributes are not allowed in "let"'],
  ["let ${''a$''} = 1; in 1", '1:5: dynamic attributes are not allowed in "let"'],
  ["a < b < c", '1:7: "<" cannot follow "<" without parentheses (neither operator is associative)'],
  ["a == b != c", '1:8: "!=" cannot follow "==" without parentheses (neither operator is associative)'],
  ["a ? b.c or d", '1:9: expected the end of the input after a complete expression, got "or"'],
  ["1 + if a then b else c", "1:5: expected an expression, got \"if\""],
  ["[ let a = 1; in a ]", '1:7: expected "{" after "let" here (a "let … in" expression needs parentheses in this position), got identifier "a"'],
  // lexical
  ['"abc', "1:1: unterminated string: no closing '\"' before the end of the input"],
  ["x: ''\n  abc", "1:4: unterminated indented string: no closing \"''\" before the end of the input"],
  ["''a'''", "1:1: unterminated indented string: no closing \"''\" before the end of the input"],
  ["1 /* c", '1:3: unterminated comment: "/*" without "*/"'],
  ["${a}", '1:1: "${" outside a string: interpolation is only allowed in strings, paths and attribute names'],
  ["a & b", '1:3: expected the end of the input after a complete expression, got invalid character "&"'],
  ["{ é = 1; }", '1:3: expected a binding or "}", got invalid character "é"'],
  ["'a'", "1:1: expected an expression, got invalid character \"'\""],
  ["./a/", "1:5: path has a trailing slash"],
  ["./a/ + b", "1:5: path has a trailing slash"],
  ["./a${b}/", "1:9: path has a trailing slash"],
  ["/a//a/b.c", '1:10: expected "${" (a path cannot contain "//"), got the end of the path'],
  ["./a//b//c${x}", '1:8: expected "${" (a path cannot contain "//"), got string text'],
  ["9223372036854775808", "1:1: invalid integer 9223372036854775808: it does not fit in 64 bits"],
  ["-9223372036854775808", "1:2: invalid integer 9223372036854775808: it does not fit in 64 bits"],
  ["1.0e309", "1:1: invalid float 1.0e309: too large"],
  ["2.225073858507201e-308", "1:1: invalid float 2.225073858507201e-308: too close to zero (Nix rejects subnormal floats)"],
  ["1.0e-400", "1:1: invalid float 1.0e-400: too close to zero (Nix rejects subnormal floats)"],
  // duplicates (Nix checks them while parsing)
  ["{ a = 1; a = 2; }", '1:10: attribute "a" is already defined (at 1:3)'],
  ['{ a = 1; "a" = 2; }', '1:10: attribute "a" is already defined (at 1:3)'],
  ['{ a = 1; ${"a"} = 2; }', '1:10: attribute "a" is already defined (at 1:3)'],
  ["{ a.b = 1; a = 2; }", '1:12: attribute "a" is already defined (at 1:3)'],
  ["{ a = 2; a.b = 1; }", '1:10: attribute "a" is already defined (at 1:3)'],
  ["{ a = { c = 1; }; a.c = 1; }", '1:19: attribute "a.c" is already defined'],
  ["{ a = { b = 1; }; a = { b = 2; }; }", '1:19: attribute "a.b" is already defined'],
  ["{ inherit a; a = 1; }", '1:14: attribute "a" is already defined (at 1:11)'],
  ["{ a = 1; inherit (x) a; }", '1:22: attribute "a" is already defined (at 1:3)'],
  ["let a = 1; a = 2; in a", '1:12: attribute "a" is already defined (at 1:5)'],
  ["rec { a.b = 1; a.b = 2; }", '1:16: attribute "a.b" is already defined (at 1:7)'],
  ["{ a, a }: a", '1:6: duplicate formal function argument "a"'],
  ["a@{ a }: a", '1:8: duplicate formal function argument "a" (it also names the whole argument)'],
];

describe("NixParseError: message, line and column", () => {
  for (const [source, message] of cases) {
    it(JSON.stringify(source), () => {
      const error = errorOf(source);
      expect(error.message).toContain(message);
      expect(`${error.line}:${error.column}: ${error.reason}`).toBe(error.message);
    });
  }

  it("Nix 2.8 rejects every one of these sources too", () => {
    const accepted = cases.filter(([source]) => {
      try {
        nixParse(`with { }; ${source}`, { cwd: "/" });
        return true;
      } catch (error) {
        if (error instanceof NixError) return false;
        throw error;
      }
    });
    expect(accepted.map(([s]) => s)).toEqual([]);
  });

  it("positions count lines (LF, CRLF, CR) and code points", () => {
    expect(errorOf("[\n  1\r\n  2\r  ;").message).toMatch(/^4:3: /);
    expect(errorOf('{ "😀" = 1; é = 2; }').message).toMatch(/^1:12: /);
    expect(lineColumn("a😀b", 3)).toEqual({ line: 1, column: 3 });
    expect(lineColumn("", 0)).toEqual({ line: 1, column: 1 });
  });

  it("text no Nix file can hold: NUL, lone surrogates", () => {
    expect(errorOf('"a\0b"').message).toBe("1:3: NUL character (U+0000): Nix source cannot contain one");
    expect(errorOf('"a\uD800b"').message).toBe("1:3: lone UTF-16 surrogate U+D800: the text is not valid Unicode");
    expect(errorOf("# \uDC00").message).toMatch(/^1:3: lone UTF-16 surrogate U\+DC00/);
  });

  it("is a real Error with a name", () => {
    const error = errorOf("{");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("NixParseError");
    expect(error.offset).toBe(1);
  });
});
