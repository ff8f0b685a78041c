/** The secret backends, by kind: adding one is a module and a line here. */
import type { Homelab } from "../model/homelab.ts";
import { agenix } from "./agenix.ts";
import type { SecretBackend } from "./backend.ts";

const BACKENDS: { readonly [K in Homelab["secrets"]["backend"]]: SecretBackend } = { agenix };

/**
 * The backend a homelab keeps its secrets with.
 * @example secretBackend(lab).createHint(jwt, "server", "secrets/secrets.nix")
 */
export function secretBackend(lab: Pick<Homelab, "secrets">): SecretBackend {
  return BACKENDS[lab.secrets.backend];
}

export type { RulesFile, SecretBackend } from "./backend.ts";
