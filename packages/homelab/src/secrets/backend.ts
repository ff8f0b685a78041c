/**
 * A secret backend: how secrets are declared, decrypted and referred to on NixOS (agenix,
 * sops-nix: one module each behind this interface). Render, validate and synth ask it; none of
 * them knows a backend by name.
 */
import type { NixBinding, NixExpr, NixSelect } from "@nixjs/expr-printer";
import type { Homelab } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";

/** A flake input a backend needs. */
export interface FlakeInput {
  readonly name: string;
  readonly url: string;
  /** Its own nixpkgs input follows ours. */
  readonly followsNixpkgs: boolean;
}

/**
 * The rules file of a backend's command-line tool, rendered: a Nix file (agenix's
 * `secrets/secrets.nix`) or a text file (sops' `.sops.yaml`).
 */
export type RulesFile =
  | {
      readonly kind: "nix";
      /** Relative to the output directory. */
      readonly path: string;
      readonly body: NixExpr;
    }
  | {
      readonly kind: "text";
      /** Relative to the output directory. */
      readonly path: string;
      /** The file's text after its `#` header line (given without the `# `). */
      text(header: string): string;
    };

export interface SecretBackend {
  readonly kind: Homelab["secrets"]["backend"];
  /** Its flake input (`agenix`, `sops-nix`). */
  readonly input: FlakeInput;
  /** The host module, in `flake.nix`'s module list (`agenix.nixosModules.default`). */
  readonly hostModule: NixExpr;
  /**
   * The encrypted file of a secret, relative to the output directory: the one it names, else
   * the backend's default (`secrets/<name>.age`, `secrets/<name>.sops`).
   * @example backend.file(secret("jwt")) // "secrets/jwt.age"
   */
  file(secret: Secret): string;
  /**
   * `expr` with every secret path as `secret().path` writes it (`config.age.secrets.<name>.path`)
   * named as this backend names it (`config.sops.secrets.<name>.path`); agenix returns it as is.
   * Applied to every rendered file.
   */
  localPaths(expr: NixExpr): NixExpr;
  /**
   * Where a decrypted secret is, as the system declaring it names it
   * (`config.age.secrets.<name>.path`).
   */
  pathExpr(name: string): NixSelect;
  /**
   * How a module asserts that a secret is declared: an expression true when it is
   * (`config.age.secrets ? name`), and the option's name for the message (`age.secrets.name`).
   */
  declaredTest(name: string): { readonly assertion: NixExpr; readonly option: string };
  /**
   * The secret a selection names, when it is one of this backend's paths (`config.age.secrets.x…`,
   * `config.sops.secrets.x…`) or a secret's `path` as `secret()` writes it.
   */
  recognises(select: NixSelect): string | undefined;
  /**
   * The host's declarations, as `host.nix` bindings: its identities and one entry per secret,
   * each encrypted file as a path relative to `from` (the file they are written in).
   */
  hostDeclarations(secrets: readonly Secret[], identityPaths: readonly string[], from: string): NixBinding[];
  /**
   * A NixOS container guest's declarations, as module data to merge into its configuration:
   * the backend's module imported again (host modules are not visible in a guest), the host
   * keys (bind-mounted read-only) as identities, one entry per secret.
   */
  guestDeclarations(secrets: readonly Secret[], identityPaths: readonly string[], from: string): Record<string, unknown>;
  /** The rules file the backend's tool reads, listing every secret and its recipients. */
  rulesFile(lab: Homelab, secrets: readonly Secret[]): RulesFile;
  /**
   * The shell command that creates a missing encrypted file; `out` is the output directory as
   * the user names it, `rulesPath` the rules file's path inside it.
   * @example createHint(jwt, "server", "secrets/secrets.nix") // "cd server/secrets && agenix -e authelia-jwt.age"
   */
  createHint(secret: Secret, out: string, rulesPath: string): string;
}
