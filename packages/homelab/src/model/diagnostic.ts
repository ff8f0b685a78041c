import type { DiagnosticCode } from "../diagnostics/codes.ts";
import type { ModelPath } from "../diagnostics/path.ts";
import type { Subject } from "../diagnostics/subject.ts";

/**
 * How bad a finding is: errors stop synth, warnings do not (unless `--strict`), notes only
 * inform.
 */
export type Severity = "error" | "warning" | "note";

/** The other side of a conflict, so a message can name both. */
export interface RelatedLocation {
  readonly subject: Subject;
  /** Model path, e.g. `["containers", "authelia", "localAddress"]`. */
  readonly path: ModelPath;
  /** `file:line:column` of the builder call. */
  readonly site: string;
}

/**
 * One finding of `validate` (or of a builder's input check), structured until it is printed
 * (`formatDiagnostic`).
 * @example
 * { severity: "error", code: "address-conflict", subject: { kind: "container", name: "immich" },
 *   path: ["containers", "immich", "localAddress"], site: "homelab.config.ts:31:5",
 *   message: "10.10.10.5 is also … pick another address …" }
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable kebab-case identifier of the check (see `DIAGNOSTIC_CODES`). */
  readonly code: DiagnosticCode;
  /** The host the finding belongs to, in a homelab of several hosts. */
  readonly host?: string;
  /** What it is about: a part of the model, or a builder call whose input was rejected. */
  readonly subject: Subject;
  /**
   * Where: a model path from the host's root (`["containers", "immich", "ports", 0]`), or for
   * a rejected call the path inside the call's options (`["ports", 0]`).
   */
  readonly path: ModelPath;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** `file:line:column` of the builder call the finding is about. */
  readonly site: string;
  /**
   * When that builder was called inside a helper of the user's: the calls that led there,
   * innermost first, as `file:line:column` (see `SourceSite.via`).
   */
  readonly via?: readonly string[];
  readonly related?: readonly RelatedLocation[];
}
