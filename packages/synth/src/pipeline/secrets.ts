import type { Homelab, Secret } from "@nixjs/homelab";
import { compareCodeUnits } from "../paths.ts";

/**
 * Every secret the deployed system decrypts: those of enabled containers (nspawn `secrets`,
 * Podman `environmentFiles`), of enabled host services, and Traefik's environment files. One
 * per `.age` file, sorted by file. A disabled container's secrets are not needed to deploy.
 * @example secretsOf(lab).map((s) => s.file) // ["secrets/authelia-jwt.age", …]
 */
export function secretsOf(lab: Homelab): readonly Secret[] {
  const found: Secret[] = [];
  for (const container of lab.containers) {
    if (!container.enable) continue;
    found.push(...(container.backend === "nspawn" ? container.secrets : container.environmentFiles));
  }
  for (const service of lab.services) if (service.enable) found.push(...service.secrets);
  if (lab.traefik) found.push(...lab.traefik.environmentFiles);
  const byFile = new Map<string, Secret>();
  for (const secret of found) if (!byFile.has(secret.file)) byFile.set(secret.file, secret);
  return [...byFile.values()].sort((a, b) => compareCodeUnits(a.file, b.file));
}
