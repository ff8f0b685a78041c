/**
 * The recipients of each encrypted file of a fleet (decision 5): the fleet's people keys
 * (`homelab({ agenix: { recipients } })`, sops `recipients`), then the `hostKey` of every host
 * that decrypts the file — a secret used on `nas` only is not encrypted to `proxy`. Each key is
 * named once: people by their names, hosts by their host names. A host without `hostKey`
 * cannot be a recipient (the `secret-host-key-missing` check says so); a host name a person
 * already has is written as its key in place, so the rules file stays valid whatever the check says.
 */
import type { Homelab } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { fleetSecretFiles } from "../facts/fleet-secrets.ts";
import { compareCodeUnits } from "../util/order.ts";

/** A recipient of a file: a named key, or a key written in place (its name is taken). */
export type Recipient = { readonly kind: "named"; readonly name: string } | { readonly kind: "literal"; readonly key: string };

/** The keys a fleet's rules file names, and each file's recipients. */
export interface FleetRecipients {
  /** Every named key, people (sorted) then hosts (sorted): the `let` bindings, the YAML anchors. */
  readonly named: readonly { readonly name: string; readonly key: string }[];
  /** Each encrypted file (sorted) with its recipients: people first, then its hosts; one key once. */
  readonly files: readonly { readonly file: string; readonly recipients: readonly Recipient[] }[];
}

/**
 * The recipients of every encrypted file of a fleet; `file` names a secret's encrypted file as
 * the backend does. A function of the whole lab: the same for any host it is asked for.
 * @example fleetRecipients(lab, agenix.file).files[0] // { file: "secrets/jellyfin-api.age", recipients: [{ kind: "named", name: "alice" }, { kind: "named", name: "nas" }] }
 */
export function fleetRecipients(lab: Homelab, file: (secret: Secret) => string): FleetRecipients {
  const people = lab.secrets.recipients;
  const peopleNames = Object.keys(people).sort(compareCodeUnits);
  const named = peopleNames.map((name) => ({ name, key: people[name] as string }));
  const taken = new Set(peopleNames);
  // Host name → the key bound to it (two hosts of one name, a check's error, keep the first's).
  const hostKeys = new Map<string, string>();
  for (const h of [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (h.hostKey === undefined || taken.has(h.name) || hostKeys.has(h.name)) continue;
    hostKeys.set(h.name, h.hostKey);
    named.push({ name: h.name, key: h.hostKey });
  }
  const files = fleetSecretFiles(lab, file).map((f) => {
    const seen = new Set<string>();
    const recipients: Recipient[] = [];
    const add = (key: string, r: Recipient) => {
      if (seen.has(key)) return;
      seen.add(key);
      recipients.push(r);
    };
    for (const name of peopleNames) add(people[name] as string, { kind: "named", name });
    for (const h of f.hosts) {
      if (h.hostKey === undefined) continue;
      add(h.hostKey, hostKeys.get(h.name) === h.hostKey ? { kind: "named", name: h.name } : { kind: "literal", key: h.hostKey });
    }
    return { file: f.file, recipients };
  });
  return { named, files };
}
