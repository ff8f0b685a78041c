/** The values of number literals, checked as Nix checks them (the lexer's errors). */
import type { Lexer } from "./lexer.ts";

const INT64_MAX = 2n ** 63n - 1n;
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * A float literal's value, with Nix's checks: `strtod` reports overflow and underflow
 * (a subnormal or a nonzero literal that reads as 0), and Nix rejects both.
 */
export function floatValue(lx: Lexer, start: number, text: string): number {
  const value = Number(text);
  const mantissa = text.replace(/[eE].*$/, "");
  const underflow = (value === 0 && /[1-9]/.test(mantissa)) || (value !== 0 && value < MIN_NORMAL);
  if (!Number.isFinite(value) || underflow) {
    lx.fail(start, `invalid float ${text}: ${underflow ? "too close to zero (Nix rejects subnormal floats)" : "too large"}`);
  }
  return value;
}

/** An integer literal's value; Nix rejects one beyond int64 ("invalid integer"). */
export function intValue(lx: Lexer, start: number, end: number): bigint {
  const s = lx.src;
  if (end - start <= 15) {
    // Up to 15 digits fit a double exactly: no text to cut out, no BigInt parsing.
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
    return BigInt(n);
  }
  const text = s.slice(start, end);
  const value = BigInt(text);
  if (value > INT64_MAX) lx.fail(start, `invalid integer ${text}: it does not fit in 64 bits`);
  return value;
}
