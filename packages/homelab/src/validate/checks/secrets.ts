/**
 * agenix secrets: every secret a config uses is declared in the system that evaluates the
 * config (the container's guest, or the host); one name never carries two settings; an
 * identity to decrypt with exists, and (warning) recipients to encrypt to.
 */
import type { Secret } from "../../model/index.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { containerPath } from "../paths.ts";
import { groupBy, MAX_RELATED, nameOthers, type Located } from "../report.ts";

interface Declaration extends Located {
  readonly secret: Secret;
  /** `"host"`, or the name of the container whose guest declares it. */
  readonly scope: string;
}

const settings = (s: Secret) => JSON.stringify([s.file, s.owner ?? null, s.group ?? null, s.mode ?? null]);

function declarations(ctx: CheckContext): Declaration[] {
  const out: Declaration[] = [];
  for (const c of ctx.enabled) {
    if (c.backend === "nspawn") c.secrets.forEach((secret, i) => out.push({ ...at(c, `.secrets[${i}]`), secret, scope: c.name }));
    else c.environmentFiles.forEach((secret, i) => out.push({ ...at(c, `.environmentFiles[${i}]`), secret, scope: "host" }));
  }
  for (const s of ctx.enabledServices) s.secrets.forEach((secret, i) => out.push({ ...atService(s, `.secrets[${i}]`), secret, scope: "host" }));
  const t = ctx.lab.traefik;
  if (t !== undefined) {
    const scope = t.mode === "container" ? "traefik" : "host";
    t.environmentFiles.forEach((secret, i) => out.push({ path: `traefik.environmentFiles[${i}]`, site: t.site, secret, scope }));
  }
  return out;
}

function describe(s: Secret): string {
  return `file ${s.file}, owner ${s.owner ?? "root"}, group ${s.group ?? "(owner's)"}, mode ${s.mode ?? "0400"}`;
}

export function checkSecrets(ctx: CheckContext): void {
  const { report, lab } = ctx;
  const decls = declarations(ctx);

  // Same name, different settings: each declaration is reported with some that differ.
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
      report.error(
        "secret-conflict",
        d,
        `secret "${d.secret.name}" (${describe(d.secret)}) is declared differently by ${nameOthers(others, total)}: one name is one .age file; make the settings equal or use another name`,
        others,
      );
    }
  }

  // Used but not declared where the config is evaluated.
  const declared = new Set(decls.map((d) => `${d.scope}\0${d.secret.name}`));
  for (const scan of ctx.configs) {
    const scope = scan.guest === undefined ? "host" : scan.guest.name;
    for (const use of scan.secretUses) {
      if (declared.has(`${scope}\0${use.name}`)) continue;
      const fix =
        scan.guest === undefined
          ? `declare it on the host: in a service's secrets, a Podman container's environmentFiles or traefik's environmentFiles`
          : `add it to secrets of ${containerPath(scan.guest)} (a container decrypts its own secrets)`;
      report.error("secret-undeclared", { path: use.path, site: scan.site }, `secret "${use.name}" is used here but not declared in this system: ${fix}`);
    }
  }

  if (decls.length > 0 && lab.agenix.identityPaths.length === 0) {
    report.error("identity-paths-empty", { path: "agenix.identityPaths", site: lab.site }, "secrets are declared but agenix has no identity to decrypt them: set agenix.identityPaths (e.g. the host's /etc/ssh/ssh_host_ed25519_key)");
  }
  if (decls.length > 0 && Object.keys(lab.agenix.recipients).length === 0) {
    report.warning("no-recipients", { path: "agenix.recipients", site: lab.site }, "secrets are declared but secrets.nix will list no public keys to encrypt them to: set agenix.recipients (the host's SSH key and yours)");
  }
}
