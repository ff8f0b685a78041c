/**
 * Where OIDC client secrets are decrypted: where their provider runs (the guest of a NixOS
 * container, else the host: a host instance, or a Podman container the file is mounted into).
 */
import { atContainer } from "../facts/located.ts";
import { HOST_SYSTEM, type SecretSystem, type SecretUsage } from "../facts/systems.ts";
import type { Host } from "../model/index.ts";

/**
 * One use per client with a secret whose provider exists, at the client's place in its app's
 * `oidc` option; enabled when both the app and the provider's container are.
 * @example oidcSecretUsages(host).map((u) => u.secret.name) // ["grafana-oidc-digest"]
 */
export function oidcSecretUsages(host: Host): SecretUsage[] {
  const out: SecretUsage[] = [];
  const byName = new Map(host.containers.map((c) => [c.name, c] as const));
  for (const app of host.containers) {
    (app.oidc ?? []).forEach((client, i) => {
      if (client.secret === undefined) return;
      const provider = host.auth.find((p) => p.name === client.provider);
      if (provider === undefined) return;
      const runner = provider.runsIn.kind === "container" ? byName.get(provider.runsIn.container) : undefined;
      if (provider.runsIn.kind === "container" && runner === undefined) return;
      const system: SecretSystem = runner?.backend === "nspawn" ? { kind: "guest", container: runner.name } : HOST_SYSTEM;
      const at = atContainer(app, "oidc", i, "secret");
      out.push({ secret: client.secret, system, how: "declared", enabled: app.enable && (runner?.enable ?? true), at });
    });
  }
  return out;
}
