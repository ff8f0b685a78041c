/**
 * The recipients of a fleet's secrets (decision 5): each encrypted file goes to the people's
 * keys and the `hostKey` of every host that decrypts it. Checked:
 * - a host that decrypts secrets (an enabled use) without `hostKey` (error): nothing encrypts
 *   the files to it, so agenix / sops-nix fail to decrypt them at activation;
 * - a person's recipient name that is a host's name (error): one name for two keys in
 *   `secrets.nix` / `.sops.yaml`, and usually a host key listed the single-host way;
 * - a host key equal to a person's or another host's (warning): a person's private key on a
 *   machine, or one cloned machine key — either way a host then decrypts what other hosts'
 *   files hold, which per-host recipients are meant to prevent;
 * - under sops-nix, a host key that is not an age key (error): sops ≥ 3.10 accepts SSH keys as
 *   recipients, but encrypts to an SSH stanza that sops-nix's ssh-to-age identity cannot open
 *   (Mic92/sops-nix#824): convert the host key with `ssh-to-age`.
 */
import type { Host } from "../../model/index.ts";
import { fleetSecretFiles } from "../../facts/fleet-secrets.ts";
import { secretBackend } from "../../secrets/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { atHomelab } from "../context.ts";
import { groupBy } from "../report.ts";
import { atHost } from "./fleet-at-host.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

/** A key without its comment: `ssh-ed25519 AAAA… root@nas` and `… admin@nas` are one key. */
function keyIdentity(key: string): string {
  return key.trim().split(/\s+/).slice(0, 2).join(" ");
}

/** Names of files, for messages: "a.age, b.age and 3 more". */
function fileList(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

/**
 * The secret-recipient checks of a fleet (nothing for a homelab written with `hostName`).
 * @example checkSecretRecipients({ lab, fleet: fleetFacts(lab), report: (h) => reporters.get(h)! })
 */
export function checkSecretRecipients(ctx: FleetCheckContext): void {
  const { lab } = ctx;
  if (lab.fleet === undefined) return;
  const backend = secretBackend(lab);
  const option = lab.secrets.backend === "sops" ? "sops" : "agenix";
  const files = fleetSecretFiles(lab, (s) => backend.file(s));
  const hosts = [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));

  for (const h of hosts) {
    if (h.hostKey !== undefined) continue;
    const needed = files.filter((f) => f.deployedOn.some((d) => d.host === h));
    if (needed.length === 0) continue;
    const uses = needed.map((f) => f.deployedOn.find((d) => d.host === h)!.at);
    ctx.report(h).error(
      "secret-host-key-missing",
      atHost(h, "hostKey"),
      `${h.name} decrypts ${fileList(needed.map((f) => f.file))}, but has no hostKey, so they are not encrypted to it and ${option === "sops" ? "sops-nix" : "agenix"} cannot decrypt them there: set hostKey to its public key (${option === "sops" ? "ssh-keyscan -t ed25519 <host> | ssh-to-age" : "ssh-keyscan -t ed25519 <host>"})`,
      uses,
    );
  }

  const byName = new Map<string, Host>(hosts.map((h) => [h.name, h]));
  const people = lab.secrets.recipients;
  for (const name of Object.keys(people).sort(compareCodeUnits)) {
    const h = byName.get(name);
    if (h === undefined) continue;
    const same = h.hostKey !== undefined && keyIdentity(h.hostKey) === keyIdentity(people[name] as string);
    ctx.report(h).error(
      "recipient-name-host",
      atHomelab(lab, option, "recipients", name),
      `the recipient ${name} has the name of the host ${name}: in a fleet the host's own key is its hostKey, added to the secrets it decrypts, and the recipients are people. ${same ? `It is ${name}'s hostKey already: remove it from ${option}.recipients` : `Move the key to host("${name}", { hostKey }) if it is the host's, or rename the person`}`,
      [atHost(h, "hostKey")],
    );
  }

  const personByKey = new Map(Object.entries(people).map(([name, key]) => [keyIdentity(key), name]));
  const withKeys = hosts.filter((h) => h.hostKey !== undefined);
  for (const h of withKeys) {
    const person = personByKey.get(keyIdentity(h.hostKey!));
    if (person === undefined || person === h.name) continue; // same name: recipient-name-host said it
    ctx.report(h).warning(
      "host-key-shared",
      atHost(h, "hostKey"),
      `${h.name}'s hostKey is the key of the person ${person}: that private key then lives on ${h.name}, which can decrypt every secret ${person} can. Use the machine's own key (ssh-keyscan -t ed25519 ${h.name})`,
      [atHomelab(lab, option, "recipients", person)],
    );
  }
  for (const group of groupBy(withKeys, (h) => keyIdentity(h.hostKey!)).values()) {
    if (group.length < 2) continue;
    for (const h of group) {
      const others = group.filter((o) => o !== h);
      ctx.report(h).warning(
        "host-key-shared",
        atHost(h, "hostKey"),
        `${h.name} has the hostKey of ${others.map((o) => o.name).join(", ")}: one machine key on several hosts (a cloned image?), so each decrypts the others' secrets. Give each host its own key (regenerate it: rm /etc/ssh/ssh_host_* and restart sshd)`,
        others.map((o) => atHost(o, "hostKey")),
      );
    }
  }

  if (option !== "sops") return;
  for (const h of withKeys) {
    if (h.hostKey!.startsWith("age1") || !files.some((f) => f.hosts.includes(h))) continue;
    ctx.report(h).error(
      "host-key-not-age",
      atHost(h, "hostKey"),
      `${h.name}'s hostKey is an SSH key, and sops-nix decrypts with the age key it derives from the host's SSH key (ssh-to-age), which cannot open what sops encrypts to the SSH key itself: set hostKey to its age form (ssh-keyscan -t ed25519 ${h.name} | ssh-to-age)`,
    );
  }
}
