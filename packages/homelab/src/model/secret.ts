import type { NixSelect } from "@nixjs/expr-printer";
import type { SourceSite } from "./site.ts";

/**
 * An agenix secret. It has a name and an encrypted `.age` file, never a value: nixjs cannot
 * leak what it never holds.
 */
export interface Secret {
  readonly kind: "secret";
  /** `age.secrets.<name>`; the plaintext appears at `/run/agenix/<name>`. */
  readonly name: string;
  /** The `.age` file, relative to the output directory: `secrets/<name>.age` by default. */
  readonly file: string;
  readonly owner?: string;
  readonly group?: string;
  /** chmod syntax, e.g. `"0440"`; agenix's default is `"0400"`. */
  readonly mode?: string;
  /**
   * The Nix expression `config.age.secrets.<name>.path`, resolved in the system that declares
   * the secret (the container's guest system for nspawn containers, the host otherwise).
   */
  readonly path: NixSelect;
  readonly site: SourceSite;
}
