const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MIN_NORMAL = 2.2250738585072014e-308;

/** Why an integer cannot be written in Nix, or `undefined` when it can. */
export function intProblem(value: bigint): string | undefined {
  if (value < INT64_MIN || value > INT64_MAX) {
    return `${value} does not fit in a 64-bit Nix integer (range ${INT64_MIN} … ${INT64_MAX})`;
  }
  return undefined;
}

/** Why a float cannot be written in Nix, or `undefined` when it can. */
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
 * round-trip digits, always with a dot (`1e21` would be an application in Nix).
 */
export function formatUnsignedFloat(magnitude: number): string {
  const s = String(magnitude);
  if (s.includes(".")) return s;
  const e = s.indexOf("e");
  return e === -1 ? `${s}.0` : `${s.slice(0, e)}.0${s.slice(e)}`;
}
