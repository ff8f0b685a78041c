import fc from "fast-check";

/**
 * fast-check run options for tests: a fixed seed so CI runs are reproducible; set
 * `NIXJS_FC_SEED` (a number) to explore other cases locally, and `NIXJS_FC_RUNS` to scale
 * the number of runs.
 * @example fc.assert(property, fcOptions(10))
 */
export function fcOptions(numRuns: number, seed = 20_260_521): fc.Parameters<unknown> {
  const envSeed = process.env["NIXJS_FC_SEED"];
  const scale = Number(process.env["NIXJS_FC_RUNS"] ?? "1");
  return {
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(scale) ? scale : 1))),
    seed: envSeed === undefined ? seed : Number(envSeed),
    // Batched properties check hundreds of cases per run: shrinking a batch costs many Nix
    // calls and yields a batch anyway; the failing case is named in the assertion instead.
    endOnFailure: true,
  };
}

/**
 * Runs a batched property and, on failure, throws the failing assertion itself (which names
 * the failing case) plus the seed, instead of fast-check's dump of the whole batch.
 * @example checkBatches(fc.array(data(), { minLength: 300, maxLength: 300 }), 10, (values) => …)
 */
export function checkBatches<T>(batches: fc.Arbitrary<T>, runs: number, check: (batch: T) => void): void {
  const details = fc.check(fc.property(batches, check), fcOptions(runs));
  if (!details.failed) return;
  const error = details.errorInstance;
  const where = `(fast-check seed ${details.seed}, run ${details.numRuns}; NIXJS_FC_SEED reproduces it)`;
  if (error instanceof Error) {
    error.message = `${error.message}\n${where}`;
    throw error;
  }
  throw new Error(`property failed ${where}: ${String(error)}`);
}
