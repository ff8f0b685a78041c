/** The secret backend of `homelab()`: agenix or sops-nix, never both. */
import type { InputProblem } from "./problems.ts";

/**
 * `agenix` and `sops` both given: a homelab keeps its secrets with one backend.
 * @example secretBackendProblems({ agenix: {}, sops: {} }) // [{ path: ["sops"], message: "…" }]
 */
export function secretBackendProblems(r: Record<string, unknown>): InputProblem[] {
  if (r["agenix"] === undefined || r["sops"] === undefined) return [];
  return [{ path: ["sops"], message: "give either agenix or sops: a homelab keeps its secrets with one backend (every secret() is declared with it)" }];
}
