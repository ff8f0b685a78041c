/**
 * Which hosts of a fleet decrypt each encrypted file: what the recipients of the file follow
 * (people's keys + the `hostKey` of every host that decrypts it; decision 5), and what the
 * secret-recipient checks read. A NixOS container's guest decrypts with its host's keys
 * (bind-mounted), so its secrets count for its host.
 */
import type { Homelab, Host } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostFacts } from "./host-facts.ts";
import type { Located } from "./located.ts";

/** One encrypted file and the hosts that decrypt it. */
export interface SecretDecrypters {
  /** The encrypted file, relative to the output directory, as the backend names it. */
  readonly file: string;
  /** The first secret seen for the file (for messages). */
  readonly secret: Secret;
  /**
   * Every host whose config uses the file, enabled parts or not (the rules file keeps a
   * disabled part's file encrypted to its host, so enabling it later still decrypts), by name.
   */
  readonly hosts: readonly Host[];
  /** Each host that decrypts it when deployed (an enabled use), with that use's place, by host name. */
  readonly deployedOn: readonly { readonly host: Host; readonly at: Located }[];
}

/**
 * Every encrypted file of the fleet with the hosts that decrypt it, sorted by file. `file`
 * names a secret's encrypted file as the backend does (`secretBackend(lab).file`).
 * @example fleetSecretFiles(lab, agenix.file).map((f) => [f.file, f.hosts.map((h) => h.name)]) // [["secrets/jellyfin-api.age", ["nas"]]]
 */
export function fleetSecretFiles(lab: Homelab, file: (secret: Secret) => string): SecretDecrypters[] {
  const byFile = new Map<string, { secret: Secret; hosts: Set<Host>; deployed: Map<Host, Located> }>();
  for (const host of [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    for (const u of hostFacts(lab, host).secrets) {
      const f = file(u.secret);
      let entry = byFile.get(f);
      if (entry === undefined) byFile.set(f, (entry = { secret: u.secret, hosts: new Set(), deployed: new Map() }));
      entry.hosts.add(host);
      if (u.enabled && !entry.deployed.has(host)) entry.deployed.set(host, u.at);
    }
  }
  return [...byFile]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([f, e]) => ({ file: f, secret: e.secret, hosts: [...e.hosts], deployedOn: [...e.deployed].map(([host, at]) => ({ host, at })) }));
}
