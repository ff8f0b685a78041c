import { NixError, nixEval, nixParse, type RunOptions } from "./nix.ts";

/** A batch member failed; `index` says which one, `cause` carries Nix's message. */
export class NixBatchError extends Error {
  override readonly name = "NixBatchError";
  constructor(
    readonly index: number,
    readonly item: string,
    override readonly cause: NixError,
  ) {
    super(`batch item ${index} failed:\n${cause.message}`);
  }
}

/** Parenthesised on their own lines, so a trailing `#` comment cannot swallow the `)`. */
export function asListSource(sources: readonly string[]): string {
  return `[\n${sources.map((s) => `(\n${s}\n)`).join("\n")}\n]\n`;
}

/**
 * Finds the first source of a failing batch by bisection: O(log n) Nix calls instead of n,
 * so a thousand-case property run costs one call when it passes and a dozen when it fails.
 */
function firstFailure(sources: readonly string[], check: (batch: readonly string[]) => void): NixBatchError {
  let lo = 0;
  let hi = sources.length;
  let lastError: NixError | undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      check(sources.slice(lo, mid));
      lo = mid;
    } catch (error) {
      if (!(error instanceof NixError)) throw error;
      lastError = error;
      hi = mid;
    }
  }
  try {
    check(sources.slice(lo, lo + 1));
  } catch (error) {
    if (error instanceof NixError) return new NixBatchError(lo, sources[lo] ?? "", error);
    throw error;
  }
  // The batch failed only in combination (should not happen for independent items).
  throw lastError ?? new Error("batch failed, but no single item fails on its own");
}

/**
 * Checks that every source parses, with one nix-instantiate call for the whole batch.
 * Throws {@link NixBatchError} naming the first source that does not parse.
 */
export function parseAll(sources: readonly string[], options?: RunOptions): void {
  const check = (batch: readonly string[]): void => void nixParse(asListSource(batch), options);
  try {
    check(sources);
  } catch (error) {
    if (!(error instanceof NixError)) throw error;
    throw firstFailure(sources, check);
  }
}

/**
 * Evaluates every expression strictly to JSON with one nix-instantiate call and returns the
 * values in order. Throws {@link NixBatchError} naming the first expression that fails.
 */
export function evalAll(exprs: readonly string[], options?: RunOptions): unknown[] {
  const run = (batch: readonly string[]): unknown[] => nixEval(asListSource(batch), options) as unknown[];
  try {
    return run(exprs);
  } catch (error) {
    if (!(error instanceof NixError)) throw error;
    throw firstFailure(exprs, (batch) => void run(batch));
  }
}
