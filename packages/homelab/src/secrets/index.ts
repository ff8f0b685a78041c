/** The secret backends, by kind: adding one is a module and a case here. */
import type { Homelab } from "../model/homelab.ts";
import { agenix } from "./agenix.ts";
import type { SecretBackend } from "./backend.ts";
import { sopsBackend } from "./sops.ts";

/**
 * The backend a homelab keeps its secrets with (agenix, or sops-nix with its keys).
 * @example secretBackend(lab).createHint(jwt, "server", "secrets/secrets.nix")
 */
export function secretBackend(lab: Pick<Homelab, "secrets">): SecretBackend {
  const setup = lab.secrets;
  switch (setup.backend) {
    case "agenix":
      return agenix;
    case "sops":
      return sopsBackend(setup);
  }
}

export type { RulesFile, SecretBackend } from "./backend.ts";
export { pathRegex } from "./sops-rules.ts";
