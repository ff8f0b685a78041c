import type { DiagnosticCode } from "../diagnostics/codes.ts";

/** A problem found by a builder's cross-field check on the raw input. */
export interface InputProblem {
  /** Path below the call's options, e.g. `["ports", 0]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Diagnostic code; `invalid-value` when absent. */
  readonly code?: DiagnosticCode;
}

/** The raw input as a record when it is a plain object, for cross-field checks. */
export function asRecord(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** Options whose value is NixOS configuration: there `__proto__` is an ordinary attribute name. */
const CONFIG_OPTIONS: ReadonlySet<string> = new Set(["config", "extraOptions"]);

/**
 * Every own `__proto__` key in a builder's raw input outside its NixOS configuration options
 * (`config`, nspawn `extraOptions`, where it is a legal Nix attribute and kept). zod's records
 * drop that key without a word (to protect their own prototype), so it is refused here with
 * a message instead of vanishing.
 * @example protoKeyProblems({ environment: JSON.parse('{"__proto__": "x"}') }) // [{ path: ["environment", "__proto__"], … }]
 */
export function protoKeyProblems(raw: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== "object" || value === null || seen.has(value) || Object.isFrozen(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return;
    for (const key of Object.keys(value)) {
      if (path.length === 0 && CONFIG_OPTIONS.has(key)) continue;
      if (key === "__proto__") {
        problems.push({ path: [...path, key], message: '"__proto__" cannot be a name here (JavaScript treats it specially and it would be lost); rename it' });
        continue;
      }
      walk((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(raw, []);
  return problems;
}
