import type { Diagnostic } from "@nixjs/homelab";
import type { Paint } from "./color.ts";
import { groupOf } from "./diagnostics-order.ts";

/**
 * Diagnostics for a person: errors then warnings, each section grouped by what it is about
 * (the homelab itself first, then containers, services and secrets by name), every finding
 * with its code, path, message, call site and related sites. Expects sorted input
 * (`sortDiagnostics`). Returns "" for none.
 * @example formatDiagnostics(result.diagnostics, paint(false))
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], p: Paint): string {
  const lines: string[] = [];
  for (const severity of ["error", "warning"] as const) {
    const list = diagnostics.filter((d) => d.severity === severity);
    if (list.length === 0) continue;
    const title = severity === "error" ? p.red(p.bold(`Errors (${list.length})`)) : p.yellow(p.bold(`Warnings (${list.length})`));
    lines.push(title);
    let group: string | undefined;
    for (const d of list) {
      const g = groupOf(d.path);
      if (g !== group) {
        group = g;
        lines.push(`  ${p.bold(g === "" ? "homelab" : g)}`);
      }
      const label = severity === "error" ? p.red(`error[${d.code}]`) : p.yellow(`warning[${d.code}]`);
      lines.push(`    ${label} ${d.path === "" ? "" : `${p.cyan(d.path)}: `}${d.message}`);
      lines.push(`      ${p.dim(`at ${d.site}`)}`);
      for (const caller of d.via ?? []) lines.push(`      ${p.dim(`called from ${caller}`)}`);
      for (const r of d.related ?? []) lines.push(`      ${p.dim(`see ${r.path} at ${r.site}`)}`);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * "2 errors, 1 warning".
 * @example countLine(diagnostics) // "1 error, 0 warnings"
 */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
