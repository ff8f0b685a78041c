import type { FileChange, Plan, PlanCounts, Refusal, RefusalKind } from "../plan/types.ts";
import { MANIFEST_FILE } from "../paths.ts";
import type { SynthMode } from "../synth.ts";
import type { Paint } from "./color.ts";

const FORCED: Record<RefusalKind, string> = {
  edited: "edited by hand; overwritten because of --force",
  unowned: "not written by nixjs; overwritten because of --force",
  "edited-removed": "edited by hand; deleted because of --force",
  "manifest-unreadable": "manifest unreadable; --force",
  "not-generated": "no nixjs header: kept, and dropped from the manifest because of --force",
  blocked: "blocked",
  symlink: "symbolic link",
};

/**
 * One line per file that changes (`create`, `update`, `delete`, `disown`), prefixed with the
 * output directory; unchanged files are not listed. The manifest is listed when it alone changes.
 * @example formatChanges(plan, "server", paint(false), "write")
 */
export function formatChanges(plan: Plan, out: string, p: Paint, mode: SynthMode): string {
  const verb = (c: FileChange): string => {
    const future = mode !== "write";
    if (c.kind === "create") return p.green(future ? "would create" : "created");
    if (c.kind === "update") return p.yellow(future ? "would update" : "updated");
    if (c.kind === "disown") return p.yellow(future ? "would keep" : "kept");
    return p.red(future ? "would delete" : "deleted");
  };
  const lines: string[] = [];
  for (const c of plan.changes) {
    if (c.kind === "unchanged") continue;
    const note = c.kind !== "create" && c.forced && mode === "write" ? p.dim(` (${FORCED[c.forced]})`) : "";
    lines.push(`  ${verb(c)} ${join(out, c.path)}${note}`);
  }
  if (lines.length === 0 && plan.manifest.changed) {
    lines.push(`  ${p.yellow(mode === "write" ? "updated" : "would update")} ${join(out, MANIFEST_FILE)}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * The refusals, each naming its file and how to resolve it.
 * @example formatRefusals(plan.refusals, "server", paint(false))
 */
export function formatRefusals(refusals: readonly Refusal[], out: string, p: Paint): string {
  if (refusals.length === 0) return "";
  const head = p.red(p.bold(`Refused to touch ${refusals.length} file${refusals.length === 1 ? "" : "s"} in ${out}/ (nothing was written):`));
  return `${head}\n${refusals.map((r) => `  ${p.red(`refused[${r.kind}]`)} ${join(out, r.path)}: ${r.message}`).join("\n")}\n`;
}

/**
 * The paths `--check` found different, one per line, with what differs.
 * @example formatDrift(plan, "server", paint(false))
 */
export function formatDrift(plan: Plan, out: string, p: Paint): string {
  const lines: string[] = [];
  for (const c of plan.changes) {
    if (c.kind === "unchanged") continue;
    const what = c.kind === "create" ? "missing" : c.kind === "delete" ? "no longer generated" : c.kind === "disown" ? "listed in the manifest, but has no nixjs header" : c.forced === "edited" ? "edited by hand" : c.forced === "unowned" ? "not written by nixjs" : "out of date";
    lines.push(`  ${p.red("differs")} ${join(out, c.path)} ${p.dim(`(${what})`)}`);
  }
  for (const r of plan.refusals) lines.push(`  ${p.red("differs")} ${join(out, r.path)} ${p.dim(`(${r.kind})`)}`);
  if (plan.manifest.changed) lines.push(`  ${p.red("differs")} ${join(out, MANIFEST_FILE)} ${p.dim("(manifest)")}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * The closing line: files written, unchanged, removed, and the time taken; for a fleet, the
 * hosts the tree is for.
 * @example summaryLine("write", counts, "server", 412.3) // "synth: 3 written, 9 unchanged, 1 removed in server/ (0.41 s)"
 * @example summaryLine("write", counts, "server", 412.3, false, ["dns", "nas"]) // "synth: 3 written, 9 unchanged, 1 removed in server/ for 2 hosts (dns, nas) (0.41 s)"
 */
export function summaryLine(mode: SynthMode, counts: PlanCounts, out: string, ms: number, drift = false, hosts: readonly string[] = []): string {
  const time = `${(ms / 1000).toFixed(2)} s`;
  const { written, unchanged, removed } = counts;
  const dir = hosts.length === 0 ? `${out}/` : `${out}/ for ${hosts.length} host${hosts.length === 1 ? "" : "s"} (${hosts.join(", ")})`;
  if (mode === "check") {
    return drift
      ? `check: ${dir} differs from what synth would write (${written} to write, ${removed} to remove); run synth and commit (${time})`
      : `check: ${dir} is up to date (${unchanged} files) (${time})`;
  }
  if (mode === "dry-run") return `dry run: ${written} to write, ${unchanged} unchanged, ${removed} to remove in ${dir}; nothing written (${time})`;
  return `synth: ${written} written, ${unchanged} unchanged, ${removed} removed in ${dir} (${time})`;
}

function join(out: string, path: string): string {
  return out === "." ? path : `${out}/${path}`;
}
