import { evalAll, NixError, nixParse } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBatches } from "../../test-support/fc-options.ts";
import { floatProblem, formatUnsignedFloat, INT64_MAX, INT64_MIN, intProblem, MIN_NORMAL } from "./numbers.ts";

describe("intProblem", () => {
  it("accepts exactly the int64 range", () => {
    expect(intProblem(INT64_MAX)).toBeUndefined();
    expect(intProblem(INT64_MIN)).toBeUndefined();
    expect(intProblem(0n)).toBeUndefined();
    expect(intProblem(INT64_MAX + 1n)).toMatch(/9223372036854775808 does not fit in a 64-bit/);
    expect(intProblem(INT64_MIN - 1n)).toMatch(/-9223372036854775809 does not fit/);
  });

  it("agrees with Nix on the boundary", () => {
    expect(nixParse("9223372036854775807")).toBe("9223372036854775807");
    expect(() => nixParse("9223372036854775808")).toThrow(NixError);
    expect(evalAll(["toString (-9223372036854775807 - 1)"])).toEqual(["-9223372036854775808"]);
  });
});

describe("floatProblem", () => {
  it("rejects NaN, ±Infinity and subnormals; accepts 0, -0 and the normal extremes", () => {
    expect(floatProblem(Number.NaN)).toBe("NaN has no Nix literal");
    expect(floatProblem(Infinity)).toBe("Infinity has no Nix literal");
    expect(floatProblem(-Infinity)).toBe("-Infinity has no Nix literal");
    expect(floatProblem(5e-324)).toMatch(/subnormal/);
    expect(floatProblem(-2.225073858507201e-308)).toMatch(/subnormal/);
    for (const ok of [0, -0, MIN_NORMAL, -MIN_NORMAL, Number.MAX_VALUE, 0.1]) {
      expect(floatProblem(ok), String(ok)).toBeUndefined();
    }
  });

  it("agrees with Nix: subnormal and overflowing literals do not parse", () => {
    for (const bad of ["2.225073858507201e-308", "5.0e-324", "1.0e309"]) {
      expect(() => nixParse(bad), bad).toThrow(/invalid float/);
    }
  });
});

describe("formatUnsignedFloat", () => {
  it("always writes a dot, before any exponent", () => {
    expect(formatUnsignedFloat(100)).toBe("100.0");
    expect(formatUnsignedFloat(0)).toBe("0.0");
    expect(formatUnsignedFloat(-0)).toBe("0.0");
    expect(formatUnsignedFloat(0.5)).toBe("0.5");
    expect(formatUnsignedFloat(1e21)).toBe("1.0e+21");
    expect(formatUnsignedFloat(2e-7)).toBe("2.0e-7");
    expect(formatUnsignedFloat(1.5e-7)).toBe("1.5e-7");
    expect(formatUnsignedFloat(2 ** 60)).toBe("1152921504606847000.0"); // shortest digits of 2^60
    expect(formatUnsignedFloat(Number.MAX_VALUE)).toBe("1.7976931348623157e+308");
  });

  it("refuses negative and unprintable values", () => {
    expect(() => formatUnsignedFloat(-1)).toThrow(RangeError);
    expect(() => formatUnsignedFloat(Number.NaN)).toThrow(/NaN/);
    expect(() => formatUnsignedFloat(1e-320)).toThrow(/subnormal/);
  });

  /**
   * The oracle is independent of the digits under test: the same double written with 17
   * significant digits (always exact) and read by Nix's JSON parser.
   */
  const normal = fc
    .oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 1e-310, max: 1e-300, noNaN: true }),
      fc.double({ min: 1e300, max: Number.MAX_VALUE, noNaN: true }),
      fc.integer().map((i) => i / 1024),
      fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map(Number),
      fc.constantFrom(MIN_NORMAL, Number.MAX_VALUE, 0.1, 0.30000000000000004, 1e21, 1e-7, 123456789.125),
    )
    .map(Math.abs)
    .filter((v) => floatProblem(v) === undefined);

  it("Nix reads every literal back as the same double, typed float (fuzz)", () => {
    checkBatches(fc.array(normal, { minLength: 500, maxLength: 500 }), 6, (values) => {
      const sources = values.map((v) => {
        const lit = formatUnsignedFloat(v);
        return `[ (${lit} == builtins.fromJSON "${v.toPrecision(17)}") (builtins.typeOf ${lit}) ]`;
      });
      expect(evalAll(sources)).toEqual(values.map(() => [true, "float"]));
    });
  });
});
