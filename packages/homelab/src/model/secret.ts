import type { NixSelect } from "@nixjs/expr-printer";
import type { SourceSite } from "./site.ts";

/**
 * A secret (agenix or sops-nix, whichever the homelab keeps its secrets with). It has a name
 * and an encrypted file, never a value: nixjs cannot leak what it never holds.
 */
export interface Secret {
  readonly kind: "secret";
  /**
   * `age.secrets.<name>` (`sops.secrets.<name>`); the plaintext appears at `/run/agenix/<name>`
   * (`/run/secrets/<name>`).
   */
  readonly name: string;
  /**
   * The encrypted file, relative to the output directory: `secrets/<name>.age` by default.
   * Read it through the backend (`SecretBackend.file`), which knows its own default name.
   */
  readonly file: string;
  /** No `file` was given: the backend names it (`secrets/<name>.age`, `secrets/<name>.sops`). */
  readonly defaultFile?: true;
  /**
   * `"host"`: decrypted once on the host and bind-mounted read-only into every NixOS container
   * that uses it (at `/run/host-secrets/<name>`). Absent: each NixOS container that uses
   * it decrypts it in its own guest; host services and Podman decrypt on the host anyway.
   */
  readonly decrypt?: "host";
  readonly owner?: string;
  readonly group?: string;
  /** chmod syntax, e.g. `"0440"`; the backends' default is `"0400"`. */
  readonly mode?: string;
  /**
   * The Nix expression `config.age.secrets.<name>.path`, resolved in the system that declares
   * the secret (the container's guest system for nspawn containers, the host otherwise). Render
   * writes it as the backend names it (`config.sops.secrets.<name>.path` under sops-nix), and
   * inside a container a host-decrypted secret is mounted into as the mount point
   * (`"/run/host-secrets/<name>"`).
   */
  readonly path: NixSelect;
  readonly site: SourceSite;
}

