import type { SynthResult } from "../synth.ts";
import { exitCodeOf } from "../synth.ts";
import { MANIFEST_FILE } from "../paths.ts";

/** Version of the `--json` document's shape. */
export const JSON_REPORT_VERSION = 1;

/**
 * The `--json` document: status, exit code, diagnostics, the file plan (every generated or
 * removed path with its action and hash), refusals, and the summary; for a fleet, its host names
 * (`hosts`, sorted). Stable key order.
 * @example JSON.parse(stdout).files.filter((f) => f.action !== "unchanged")
 */
export function jsonReport(result: SynthResult, durationMs: number): object {
  const plan = result.plan;
  return {
    version: JSON_REPORT_VERSION,
    status: result.status,
    exitCode: exitCodeOf(result),
    mode: result.mode,
    config: result.config,
    out: result.out,
    // Only for a fleet: a homelab of one host keeps the document it always had.
    ...(result.hosts === undefined ? {} : { hosts: result.hosts }),
    diagnostics: result.diagnostics,
    files: plan?.changes.map((c) => ({
      path: c.path,
      action: c.kind,
      ...(c.kind === "delete" || c.kind === "disown" ? {} : { sha256: c.hash }),
      ...(c.kind !== "create" && c.kind !== "unchanged" && c.forced ? { forced: c.forced } : {}),
    })) ?? [],
    manifest: plan ? { path: MANIFEST_FILE, changed: plan.manifest.changed } : null,
    refusals: plan?.refusals ?? [],
    summary: result.counts ? { ...result.counts, durationMs: Math.round(durationMs) } : null,
    recovery: result.recovery?.kind ?? null,
    pending: result.pending === undefined || result.pending.kind === "none" ? null : result.pending,
    lock: result.status === "locked" ? { path: result.lockPath, holder: result.lockHolder ?? null } : null,
    error: result.error ?? null,
  };
}
