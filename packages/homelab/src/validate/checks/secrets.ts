/**
 * Secrets: every secret a config uses is declared in the system that evaluates the config (the
 * container's guest, or the host, which mounts what it decrypts into containers); one name
 * never carries two settings in one system; modes are not too open; an identity to decrypt
 * with exists, and (warning) recipients to encrypt to. All read the one index of uses.
 */
import { formatPath } from "../../diagnostics/path.ts";
import { systemKey, type SecretUsage } from "../../facts/systems.ts";
import type { Secret } from "../../model/index.ts";
import { PROXY_PROVIDERS } from "../../proxies/index.ts";
import { listWithOr } from "../../util/list.ts";
import { atHomelab, type CheckContext } from "../context.ts";
import { groupBy, MAX_RELATED, nameOthers, type Located } from "../report.ts";
import { checkSecretModes } from "./secret-modes.ts";

/** Where host secrets are declared: the core's options and the proxies' (`traefik's environmentFiles`). */
const HOST_SECRET_OPTIONS = listWithOr([
  "a service's secrets",
  "a Podman container's environmentFiles",
  ...PROXY_PROVIDERS.flatMap((p) => p.hostSecretsOption ?? []),
]);

interface Declaration extends Located {
  readonly secret: Secret;
  /** The system it is declared in, or mounted into (`host`, `guest:<container>`). */
  readonly system: string;
}

function describe(file: string, s: Secret): string {
  const decrypt = s.decrypt === "host" ? ", decrypted on the host" : "";
  return `file ${file}, owner ${s.owner ?? "root"}, group ${s.group ?? "(owner's)"}, mode ${s.mode ?? "0400"}${decrypt}`;
}

/**
 * Same name, different settings in one system (one `age.secrets.<name>`, one mount point): each
 * declaration is reported with some that differ. Systems declare one name with their own
 * owner and mode freely (the host's service reads it as `grafana`, a container as root).
 */
function checkConflicts(ctx: CheckContext, decls: readonly Declaration[]): void {
  const file = (s: Secret) => ctx.facts.backend.file(s);
  const settings = (s: Secret) => JSON.stringify([file(s), s.owner ?? null, s.group ?? null, s.mode ?? null, s.decrypt ?? null]);
  for (const group of groupBy(decls, (d) => `${d.system}\0${d.secret.name}`).values()) {
    const bySettings = groupBy(group, (d) => settings(d.secret));
    if (bySettings.size < 2) continue;
    for (const d of group) {
      const mine = settings(d.secret);
      const total = group.length - bySettings.get(mine)!.length;
      const others: Declaration[] = [];
      for (const [key, members] of bySettings) {
        if (others.length >= MAX_RELATED) break;
        if (key === mine) continue;
        for (const m of members) {
          if (others.length >= MAX_RELATED) break;
          others.push(m);
        }
      }
      ctx.report.error(
        "secret-conflict",
        d,
        `secret "${d.secret.name}" (${describe(file(d.secret), d.secret)}) is declared differently by ${nameOthers(others, total)} in the same system (${d.system === "host" ? "the host" : `the container ${d.system.slice("guest:".length)}`}), which holds one file per name: make the settings equal, or give one its own name (the same encrypted file may serve both: secret("${d.secret.name}-2", { file: "${file(d.secret)}" }))`,
        others,
      );
    }
  }
}

export function checkSecrets(ctx: CheckContext): void {
  const { report, host, lab } = ctx;
  const declared = ctx.facts.secrets.filter((u) => u.how === "declared" && u.enabled);
  // A mounted secret takes its name in the container too: a guest secret of that name there contradicts it.
  const mountedAs = (u: SecretUsage) => (u.mountedInto === undefined ? [] : [{ ...u.at, secret: u.secret, system: systemKey({ kind: "guest", container: u.mountedInto }) }]);
  checkConflicts(ctx, declared.flatMap((u) => [{ ...u.at, secret: u.secret, system: systemKey(u.system) }, ...mountedAs(u)]));
  checkSecretModes(ctx);

  // Used but not declared where the config is evaluated (a host-decrypted secret is declared where it is mounted).
  const names = new Set(declared.flatMap((u) => [`${systemKey(u.system)}\0${u.secret.name}`, ...mountedAs(u).map((m) => `${m.system}\0${u.secret.name}`)]));
  for (const scan of ctx.facts.configs) {
    for (const use of scan.secretUses) {
      if (names.has(`${systemKey(scan.system)}\0${use.name}`)) continue;
      const fix =
        scan.system.kind === "host"
          ? `declare it on the host: in ${HOST_SECRET_OPTIONS}`
          : `add it to secrets of ${formatPath(["containers", scan.system.container])} (a container decrypts its own secrets)`;
      report.error("secret-undeclared", { ...scan.at, path: use.path }, `secret "${use.name}" is used here but not declared in this system: ${fix}`);
    }
  }

  const sops = lab.secrets.backend === "sops";
  if (declared.length > 0 && host.identityPaths.length === 0) {
    if (sops) report.error("identity-paths-empty", atHomelab(lab, "sops", "sshKeyPaths"), "secrets are declared but sops-nix has no key to decrypt them: set sops.sshKeyPaths (e.g. the host's /etc/ssh/ssh_host_ed25519_key) or sops.ageKeyFile");
    else report.error("identity-paths-empty", atHomelab(host, "agenix", "identityPaths"), "secrets are declared but agenix has no identity to decrypt them: set agenix.identityPaths (e.g. the host's /etc/ssh/ssh_host_ed25519_key)");
  }
  // A fleet host's own key (hostKey) is a recipient of every file it decrypts (secret-recipients.ts).
  if (lab.fleet !== undefined && host.hostKey !== undefined) return;
  if (declared.length > 0 && Object.keys(lab.secrets.recipients).length === 0) {
    if (sops) report.warning("no-recipients", atHomelab(lab, "sops", "recipients"), "secrets are declared but .sops.yaml will list no public keys to encrypt them to: set sops.recipients (the host's key as age, from ssh-to-age, and yours)");
    else report.warning("no-recipients", atHomelab(lab, "agenix", "recipients"), "secrets are declared but secrets.nix will list no public keys to encrypt them to: set agenix.recipients (the host's SSH key and yours)");
  }
}
