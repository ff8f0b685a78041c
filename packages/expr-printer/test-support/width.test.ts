import { describe, expect, it } from "vitest";
import { overlongLines } from "./width.ts";

const long = (n: number): string => "x".repeat(n);

describe("overlongLines", () => {
  it("allows a line whose excess is one unbreakable token", () => {
    expect(overlongLines(`{\n  a = "${long(150)} with spaces";\n}\n`, 100)).toEqual([]);
    expect(overlongLines(`  # ${long(200)} comment\n`, 100)).toEqual([]);
    expect(overlongLines(`x = ./${long(120)}/y;\n`, 100)).toEqual([]);
    expect(overlongLines(`a.${long(60)}."b c".${long(60)} = 1;\n`, 100)).toEqual([]);
    expect(overlongLines(`''\n  ${long(50)} ${long(80)}\n''\n`, 100)).toEqual([]);
    expect(overlongLines(`"\${f ${long(60)} ${long(60)}}"\n`, 100)).toEqual([]);
  });

  it("counts only what follows the indentation, in code points", () => {
    expect(overlongLines(`${" ".repeat(60)}${long(100)}\n`, 100)).toEqual([]);
    expect(overlongLines(`${"😀".repeat(100)}\n`, 100)).toEqual([]);
  });

  it("flags lines that are long because of several tokens", () => {
    const line = `f ${long(60)} ${long(60)}`;
    expect(overlongLines(`${line}\n`, 100)).toEqual([{ line: 1, text: line, length: 123, longestToken: 60 }]);
    expect(overlongLines(`[\n  b'' ${long(60)} ${long(60)}\n]\n`, 100)).toHaveLength(1);
    expect(overlongLines(`"a $\${" ${long(60)} ${long(60)}\n`, 100)).toHaveLength(1);
  });
});

describe("overlongLines: a long binding value may share its line with a long attribute path", () => {
  it("accepts `long.path = long-string;` but not the same as arguments", () => {
    expect(overlongLines(`a.${long(60)} = "${long(60)}";\n`, 100)).toEqual([]);
    expect(overlongLines(`f a.${long(60)} "${long(60)}"\n`, 100)).toHaveLength(1);
  });
});
