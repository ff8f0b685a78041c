/**
 * Options the host's NixOS release renamed, removed or does not have yet, set in a config (the
 * release table says which); and secrets owned by a user that release never creates (a service
 * running as a systemd DynamicUser, such as cloudflared).
 */
import { definedAt } from "../../config/defined.ts";
import { formatPath } from "../../diagnostics/path.ts";
import type { CheckContext } from "../context.ts";

const dotted = (path: readonly string[]): string => formatPath(path);

export function checkRelease(ctx: CheckContext): void {
  const { release } = ctx.facts;
  const nixos = `NixOS ${release.release}`;
  for (const config of ctx.facts.configs) {
    const at = (path: readonly string[]) => ({ ...config.at, path: [...config.at.path, ...path] });
    for (const r of release.renamed) {
      if (definedAt(config.value, r.from) === undefined) continue;
      ctx.report.warning("option-renamed", at(r.from), `${nixos} renamed ${dotted(r.from)} to ${dotted(r.to)}: write the new name (the old one only warns, and goes away)`);
    }
    for (const r of release.removed) {
      if (definedAt(config.value, r.path) === undefined) continue;
      ctx.report.error("option-removed", at(r.path), `${nixos} removed ${dotted(r.path)} (defining it fails the build): ${r.hint}`);
    }
    for (const r of release.later) {
      if (definedAt(config.value, r.path) === undefined) continue;
      ctx.report.error("option-unavailable", at(r.path), `${dotted(r.path)} exists from NixOS ${r.since} on, but this host runs ${nixos}: drop it, or set nixos: "${r.since}"`);
    }
  }
  for (const u of ctx.facts.secrets) {
    const owner = u.secret.owner;
    const dynamic = owner === undefined ? undefined : release.dynamicUsers.find((d) => d.user === owner);
    if (dynamic === undefined || !u.enabled) continue;
    ctx.report.error(
      "secret-owner-dynamic-user",
      u.at,
      `secret "${u.secret.name}" is owned by "${owner}", a user ${nixos} never creates: ${dynamic.service} runs as a systemd DynamicUser and systemd hands it its credentials as root; drop owner (root may read it)`,
    );
  }
}
