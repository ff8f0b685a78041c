/** How bad a finding is: errors stop synth, warnings do not (unless `--strict`). */
export type Severity = "error" | "warning";

/** The other side of a conflict, so a message can name both. */
export interface RelatedLocation {
  /** Model path, e.g. `containers.authelia.localAddress`. */
  readonly path: string;
  /** `file:line:column` of the builder call. */
  readonly site: string;
}

/**
 * One finding of `validate` (or of a builder's input check).
 * @example
 * { severity: "error", code: "address-conflict", path: "containers.immich.localAddress",
 *   site: "homelab.config.ts:31:5", message: "10.10.10.5 is also … pick another address …" }
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable kebab-case identifier of the check, for tooling and tests. */
  readonly code: string;
  /** Where in the model: `containers.immich.ports[0]`. */
  readonly path: string;
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
