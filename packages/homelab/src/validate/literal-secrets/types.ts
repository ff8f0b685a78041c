/** The shapes the literal-secret detector takes and gives. */

/**
 * Where a value sits, which decides the advice (and, for `"script"`, how the text is read):
 * - `"environment"`: a process environment variable (Podman `environment`,
 *   `systemd.services.<n>.environment`, an env-like upper-case key);
 * - `"label"`: a container label (public: `podman inspect` shows it to anyone);
 * - `"config"`: NixOS option data;
 * - `"script"`: the text of a generated script or file (`script`, `writeText`, `text`,
 *   `extraConfig`), read line by line as assignments and command lines.
 */
export type ValueContext = "environment" | "label" | "config" | "script";

/** The attribute path from the config root; list indices as numbers. */
export type KeyPath = readonly (string | number)[];

/** What an attribute name says about the value it holds. */
export type KeyVerdict = "secret" | "secret-hash" | "reference" | "neutral";

/** One finding: an error (a literal secret) or a warning (a weaker form, e.g. a password hash). */
export interface LiteralSecretFinding {
  readonly severity: "error" | "warning";
  readonly code: "secret-literal" | "secret-hash-literal";
  /** Which rule matched (`"key-name"`, `"url-credentials"`, `"github-token"`, …): stable, for tests and opt-out notes. */
  readonly rule: string;
  /** Why this is a secret; never repeats the secret itself. */
  readonly reason: string;
  /** What to write instead. */
  readonly fix: string;
}

/** A finding in a command line: `index` is the argument that holds the secret. */
export interface CommandLineFinding {
  readonly index: number;
  readonly finding: LiteralSecretFinding;
}

/** A part of an interpolated string: literal text, or an interpolation (a reference, never a secret). */
export type TemplatePart = string | { readonly opaque: true };
