import { formatDiagnostic } from "../diagnostics/format.ts";
import type { Diagnostic } from "../model/index.ts";

export { formatDiagnostic };

/**
 * Malformed input to a builder: every problem of one call at once, each naming the field
 * (`path`, relative to the call's options) and the call site. Its `message` is the list,
 * one line per problem, ready to print without a stack.
 *
 * @example
 * try { container("immich", { ports: [70000] }) } catch (e) {
 *   if (e instanceof HomelabInputError) console.error(e.message);
 * }
 * // homelab.config.ts:31:5 container("immich"): ports[0]: expected a port 1–65535, got 70000
 */
export class HomelabInputError extends Error {
  override readonly name = "HomelabInputError";
  /** The call, e.g. `container("immich")`. */
  readonly builder: string;
  /** `file:line:column` of the call. */
  readonly site: string;
  /** Every problem; `path` is relative to the call's options (`["ports", 0]`), `[]` for the call itself. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(builder: string, site: string, diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
    this.builder = builder;
    this.site = site;
    this.diagnostics = Object.freeze([...diagnostics]);
  }
}

/** True for a {@link HomelabInputError}, also across copies of the package. */
export function isHomelabInputError(error: unknown): error is HomelabInputError {
  return error instanceof HomelabInputError || (error instanceof Error && error.name === "HomelabInputError");
}
