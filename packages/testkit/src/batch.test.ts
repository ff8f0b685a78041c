import { describe, expect, it } from "vitest";
import { evalAll, NixBatchError, parseAll } from "./batch.ts";
import { NixError, nixEval, nixParse } from "./nix.ts";

describe("nix test kit (real nix-instantiate)", () => {
  it("parses and evaluates", () => {
    expect(nixParse("{ a = 1; }")).toBe("{ a = 1; }");
    expect(nixEval('{ a = [ 1 "x" ]; }')).toEqual({ a: [1, "x"] });
  });

  it("reports Nix's own error", () => {
    expect(() => nixParse("{ a = ; }")).toThrow(NixError);
    expect(() => nixParse("{ a = ; }")).toThrow(/syntax error/);
  });

  it("evaluates a batch in order, a trailing comment cannot swallow the closing paren", () => {
    expect(evalAll(["1 # one", '"two"', "[ 3 ]"])).toEqual([1, "two", [3]]);
  });

  it("names the first failing member of a batch", () => {
    const sources = Array.from({ length: 50 }, (_, i) => (i === 37 ? "1 +" : String(i)));
    let caught: unknown;
    try {
      parseAll(sources);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NixBatchError);
    expect((caught as NixBatchError).index).toBe(37);
    expect(() => evalAll(["1", "throw \"boom\"", "3"])).toThrow(/item 1 failed[\s\S]*boom/);
  });
});
