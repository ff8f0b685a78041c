/** The one order diagnostics are listed in, by `validate` and by synth. */
import type { Diagnostic, Severity } from "../model/diagnostic.ts";
import { compareCodeUnits } from "../util/order.ts";
import { formatPath } from "./path.ts";
import { subjectGroup } from "./subject.ts";

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };


/**
 * Errors, then warnings, then notes; within each, the homelab first, then by host, group
 * (`container immich` …), path, code and message — all by code units.
 * @example sortDiagnostics(validate(lab))
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const keyed = diagnostics.map((d) => {
    const group = subjectGroup(d.subject);
    return { d, host: d.host ?? "", group: group === "homelab" ? "" : group, path: formatPath(d.path) };
  });
  keyed.sort(
    (a, b) =>
      RANK[a.d.severity] - RANK[b.d.severity] ||
      compareCodeUnits(a.host, b.host) ||
      compareCodeUnits(a.group, b.group) ||
      compareCodeUnits(a.path, b.path) ||
      compareCodeUnits(a.d.code, b.d.code) ||
      compareCodeUnits(a.d.message, b.d.message),
  );
  return keyed.map((k) => k.d);
}

/** True when the list holds an error. @example if (hasErrors(validate(lab))) process.exitCode = 1; */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
