/**
 * The secret backend's rules file of a fleet, once at the root for every host's secrets
 * (`secrets/secrets.nix` under agenix, `.sops.yaml` under sops-nix): the `.age`/`.sops` files
 * stay at the root `secrets/`, shared by the hosts that decrypt them.
 */
import { hostFacts } from "../../facts/host-facts.ts";
import { allSecrets } from "../../facts/secrets.ts";
import type { Homelab, Secret } from "../../model/index.ts";
import type { SecretBackend } from "../../secrets/index.ts";
import { compareCodeUnits } from "../../util/order.ts";

/**
 * Every secret of every host, one per encrypted file, sorted by file (hosts in any order).
 * @example fleetSecrets(lab, backend).map((s) => s.name) // ["authelia-jwt", "jellyfin-api"]
 */
export function fleetSecrets(lab: Homelab, backend: SecretBackend): readonly Secret[] {
  const byFile = new Map<string, Secret>();
  const hosts = [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const host of hosts) for (const s of allSecrets(hostFacts(lab, host).secrets)) if (!byFile.has(backend.file(s))) byFile.set(backend.file(s), s);
  return [...byFile.keys()].sort(compareCodeUnits).map((f) => byFile.get(f)!);
}
