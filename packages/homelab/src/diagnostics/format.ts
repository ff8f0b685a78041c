/** The one way a diagnostic is printed: the path, its location, one line per finding. */
import type { Diagnostic, RelatedLocation } from "../model/diagnostic.ts";
import { formatPath } from "./path.ts";

/**
 * Where a finding is, as text: the model path (`containers.immich.ports[0]`), or for a
 * rejected builder call the call and the option (`container("immich").ports[0]`).
 * @example formatLocation(d) // 'container("immich").ports[0]'
 */
export function formatLocation(d: Pick<Diagnostic, "subject" | "path"> | RelatedLocation): string {
  const path = formatPath(d.path);
  if (d.subject.kind !== "call") return path;
  if (path === "") return d.subject.label;
  return `${d.subject.label}${path.startsWith("[") ? "" : "."}${path}`;
}

/**
 * One diagnostic as a line: `site location: message`, and the chain of calls that led to the
 * site when the builder was called inside a helper.
 * @example formatDiagnostic(d)
 * // 'homelab.config.ts:31:5 container("immich").ports[0]: expected a port 1–65535, got 70000'
 */
export function formatDiagnostic(d: Diagnostic): string {
  const location = formatLocation(d);
  const via = d.via === undefined || d.via.length === 0 ? "" : ` (called from ${d.via.join(", from ")})`;
  return `${d.site}${location === "" ? "" : ` ${location}`}: ${d.message}${via}`;
}
