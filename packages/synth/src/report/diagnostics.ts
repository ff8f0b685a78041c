import { formatLocation, subjectGroup, type Diagnostic } from "@nixjs/homelab";
import type { Paint } from "./color.ts";

/**
 * Diagnostics for a person: errors then warnings, each section grouped by what it is about
 * (the homelab itself first, then containers, services and secrets by name), every finding
 * with its code, path, message, call site and related sites. Expects sorted input
 * (`sortDiagnostics`). Returns "" for none.
 * @example formatDiagnostics(result.diagnostics, paint(false))
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], p: Paint): string {
  const lines: string[] = [];
  for (const severity of ["error", "warning", "note"] as const) {
    const list = diagnostics.filter((d) => d.severity === severity);
    if (list.length === 0) continue;
    const heading = { error: `Errors (${list.length})`, warning: `Warnings (${list.length})`, note: `Notes (${list.length})` }[severity];
    const colour = severity === "error" ? p.red : severity === "warning" ? p.yellow : p.cyan;
    lines.push(colour(p.bold(heading)));
    let group: string | undefined;
    for (const d of list) {
      const g = `${d.host === undefined ? "" : `host ${d.host}: `}${subjectGroup(d.subject)}`;
      if (g !== group) {
        group = g;
        lines.push(`  ${p.bold(g)}`);
      }
      const location = formatLocation(d);
      lines.push(`    ${colour(`${severity}[${d.code}]`)} ${location === "" ? "" : `${p.cyan(location)}: `}${d.message}`);
      lines.push(`      ${p.dim(`at ${d.site}`)}`);
      for (const caller of d.via ?? []) lines.push(`      ${p.dim(`called from ${caller}`)}`);
      for (const r of d.related ?? []) lines.push(`      ${p.dim(`see ${formatLocation(r)} at ${r.site}`)}`);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * "2 errors, 1 warning" (notes are not counted: they ask for nothing).
 * @example countLine(diagnostics) // "1 error, 0 warnings"
 */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
