/** A problem found by a builder's cross-field check on the raw input. */
export interface InputProblem {
  /** Path below the call's options, e.g. `["ports", 0]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Diagnostic code; `invalid-value` when absent. */
  readonly code?: string;
}

/** The raw input as a record when it is a plain object, for cross-field checks. */
export function asRecord(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}
