/**
 * Secrets: every secret a config uses is declared in the system that evaluates the config (the
 * container's guest, or the host); one name never carries two settings; an identity to
 * decrypt with exists, and (warning) recipients to encrypt to. All read the one index of uses.
 */
import { formatPath } from "../../diagnostics/path.ts";
import { systemKey } from "../../facts/systems.ts";
import type { Secret } from "../../model/index.ts";
import { PROXY_PROVIDERS } from "../../proxies/index.ts";
import { listWithOr } from "../../util/list.ts";
import { atHomelab, type CheckContext } from "../context.ts";
import { groupBy, MAX_RELATED, nameOthers, type Located } from "../report.ts";

/** Where host secrets are declared: the core's options and the proxies' (`traefik's environmentFiles`). */
const HOST_SECRET_OPTIONS = listWithOr([
  "a service's secrets",
  "a Podman container's environmentFiles",
  ...PROXY_PROVIDERS.flatMap((p) => p.hostSecretsOption ?? []),
]);

interface Declaration extends Located {
  readonly secret: Secret;
}

const settings = (s: Secret) => JSON.stringify([s.file, s.owner ?? null, s.group ?? null, s.mode ?? null]);

function describe(s: Secret): string {
  return `file ${s.file}, owner ${s.owner ?? "root"}, group ${s.group ?? "(owner's)"}, mode ${s.mode ?? "0400"}`;
}

/** Same name, different settings: each declaration is reported with some that differ. */
function checkConflicts(ctx: CheckContext, decls: readonly Declaration[]): void {
  for (const group of groupBy(decls, (d) => d.secret.name).values()) {
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
        `secret "${d.secret.name}" (${describe(d.secret)}) is declared differently by ${nameOthers(others, total)}: one name is one .age file; make the settings equal or use another name`,
        others,
      );
    }
  }
}

export function checkSecrets(ctx: CheckContext): void {
  const { report, host, lab } = ctx;
  const declared = ctx.facts.secrets.filter((u) => u.how === "declared" && u.enabled);
  checkConflicts(ctx, declared.map((u) => ({ ...u.at, secret: u.secret })));

  // Used but not declared where the config is evaluated.
  const names = new Set(declared.map((u) => `${systemKey(u.system)}\0${u.secret.name}`));
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

  if (declared.length > 0 && host.identityPaths.length === 0) {
    report.error("identity-paths-empty", atHomelab(lab, "agenix", "identityPaths"), "secrets are declared but agenix has no identity to decrypt them: set agenix.identityPaths (e.g. the host's /etc/ssh/ssh_host_ed25519_key)");
  }
  if (declared.length > 0 && Object.keys(lab.secrets.recipients).length === 0) {
    report.warning("no-recipients", atHomelab(lab, "agenix", "recipients"), "secrets are declared but secrets.nix will list no public keys to encrypt them to: set agenix.recipients (the host's SSH key and yours)");
  }
}
