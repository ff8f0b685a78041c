/** The systems of a host that decrypt secrets, and one use of a secret in one of them. */
import type { Secret } from "../model/secret.ts";
import type { Located } from "./located.ts";

/** The system that decrypts a secret: the host, or the guest of a NixOS container. */
export type SecretSystem = { readonly kind: "host" } | { readonly kind: "guest"; readonly container: string };

/** The host system. */
export const HOST_SYSTEM: SecretSystem = Object.freeze({ kind: "host" });

/** One use of a secret. */
export interface SecretUsage {
  readonly secret: Secret;
  readonly system: SecretSystem;
  /** Listed in a `secrets`/`environmentFiles` option, or found inside a `config`. */
  readonly how: "declared" | "config";
  /** Its container or service is enabled (a disabled one decrypts nothing). */
  readonly enabled: boolean;
  readonly at: Located;
  /**
   * A NixOS container's use of a secret the host decrypts (`decrypt: "host"`): the use is the
   * host's, and the file is bind-mounted read-only into this container.
   */
  readonly mountedInto?: string;
}

/**
 * A key for grouping by system.
 * @example systemKey({ kind: "guest", container: "authelia" }) // "guest:authelia"
 */
export function systemKey(system: SecretSystem): string {
  return system.kind === "host" ? "host" : `guest:${system.container}`;
}
