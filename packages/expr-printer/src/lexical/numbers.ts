/** Smallest Nix integer, -2^63 (it has no literal: print `(-9223372036854775807 - 1)`). */
export const INT64_MIN = -(2n ** 63n);
/** Largest Nix integer, 2^63 - 1. */
export const INT64_MAX = 2n ** 63n - 1n;
/** Smallest positive normal double; Nix 2.8 rejects literals that read as anything smaller. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Why an integer cannot be written in Nix, or `undefined` when it can: Nix integers are
 * 64-bit, and a literal beyond that is a parse error ("invalid integer").
 * @example intProblem(2n ** 63n) // "9223372036854775808 does not fit …"
 * @example intProblem(-(2n ** 63n)) // undefined
 */
export function intProblem(value: bigint): string | undefined {
  if (value < INT64_MIN || value > INT64_MAX) {
    return `${value} does not fit in a 64-bit Nix integer (range ${INT64_MIN} … ${INT64_MAX})`;
  }
  return undefined;
}

/**
 * Why a float cannot be written in Nix, or `undefined` when it can. Nix has no literal for
 * NaN or ±Infinity and no expression that yields them; a literal that reads as a subnormal
 * (or underflows) is a parse error in Nix 2.8 ("invalid float").
 * @example floatProblem(Number.NaN) // "NaN has no Nix literal"
 * @example floatProblem(5e-324) // "5e-324 is subnormal; …"
 * @example floatProblem(-0) // undefined (prints as 0.0)
 */
export function floatProblem(value: number): string | undefined {
  if (Number.isNaN(value)) return "NaN has no Nix literal";
  if (!Number.isFinite(value)) return `${value} has no Nix literal`;
  if (value !== 0 && Math.abs(value) < MIN_NORMAL) {
    return `${value} is subnormal; Nix rejects float literals below ${MIN_NORMAL}`;
  }
  return undefined;
}

/**
 * The literal of a non-negative float that Nix reads back as the same double: JS's shortest
 * round-trip digits, always with a dot (`1e21` would read as `1` applied to a variable
 * `e21`, `100` as an integer). Negative floats print as a negation of this literal (Nix has
 * no negative literals); `-0` prints as `0.0`, since `-0.0` means `0 - 0.0`, i.e. `0.0`.
 * Throws a `RangeError` for negative values and those {@link floatProblem} rejects.
 * @example formatUnsignedFloat(100) // "100.0"
 * @example formatUnsignedFloat(1e21) // "1.0e+21"
 * @example formatUnsignedFloat(1.5e-7) // "1.5e-7"
 */
export function formatUnsignedFloat(magnitude: number): string {
  const problem = floatProblem(magnitude);
  if (problem !== undefined) throw new RangeError(`unprintable Nix float: ${problem}`);
  if (magnitude < 0) throw new RangeError(`formatUnsignedFloat: ${magnitude} is negative`);
  const s = String(Math.abs(magnitude));
  if (s.includes(".")) return s;
  const e = s.indexOf("e");
  return e === -1 ? `${s}.0` : `${s.slice(0, e)}.0${s.slice(e)}`;
}
