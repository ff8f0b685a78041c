import type { Diagnostic } from "@nixjs/homelab";
import { compareCodeUnits } from "../paths.ts";

/**
 * What a diagnostic is about, for grouping: a container (`containers.immich.ports[0]`, or a
 * builder call `container("immich").ports[0]`), a host service, a secret, or the homelab as a
 * whole (`""`, printed first).
 * @example groupOf("containers.immich.ports[0]") // "container immich"
 */
export function groupOf(path: string): string {
  const model = /^(containers|services|secrets)\.([^.[]+)/.exec(path);
  if (model) return `${{ containers: "container", services: "service", secrets: "secret" }[model[1] as "containers"]} ${model[2]}`;
  const call = /^(container|service|secret)\("([^"]*)"\)/.exec(path);
  if (call) return `${call[1]} ${call[2]}`;
  return "";
}

/**
 * Errors before warnings; then by group (the homelab itself first), path, code and message,
 * by code units: the same order on every machine.
 * @example sortDiagnostics(validate(lab))
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.severity === "error" ? 0 : 1);
  return [...diagnostics].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compareCodeUnits(groupOf(a.path), groupOf(b.path)) ||
      compareCodeUnits(a.path, b.path) ||
      compareCodeUnits(a.code, b.code) ||
      compareCodeUnits(a.message, b.message),
  );
}
