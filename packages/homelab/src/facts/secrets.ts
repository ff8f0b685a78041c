/**
 * The one index of where secrets are used: which secret, decrypted by which system (the host,
 * or a NixOS container's guest), declared explicitly or found in a config, at which call site.
 * validate (conflicts, undeclared uses), render (the declarations of each system, the rules
 * file) and synth (missing files) all read it.
 */
import { walkConfig } from "../config/walk.ts";
import type { Container } from "../model/containers.ts";
import type { Host } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { proxyProvider } from "../proxies/index.ts";
import { oidcSecretUsages } from "../auth/secrets.ts";
import { compareCodeUnits } from "../util/order.ts";
import { atContainer, atService, type Located } from "./located.ts";
import { HOST_SYSTEM, systemKey, type SecretSystem, type SecretUsage } from "./systems.ts";

export { HOST_SYSTEM, systemKey, type SecretSystem, type SecretUsage };


function guest(c: Container): SecretSystem {
  return { kind: "guest", container: c.name };
}

/** Every secret object nested in a config value, with its path. */
function inConfig(value: unknown, at: Located, push: (secret: Secret, at: Located) => void): void {
  walkConfig(value, { secret: (secret, path) => push(secret, { ...at, path }) }, at.path);
}

/**
 * Every use of a secret on a host, in declaration order: NixOS containers decrypt their
 * `secrets` and the secrets their `config` and `extraOptions` hold in their guest; Podman
 * `environmentFiles` and host services' `secrets` and `config` are the host's; each proxy says
 * where its own (e.g. Traefik's environment files) are decrypted.
 * @example secretUsages(host).filter((u) => u.system.kind === "host")
 */
export function secretUsages(host: Host): SecretUsage[] {
  const out: SecretUsage[] = [];
  for (const c of host.containers) {
    const add = (system: SecretSystem, how: SecretUsage["how"]) => (secret: Secret, at: Located) =>
      out.push({ secret, system, how, enabled: c.enable, at });
    if (c.backend === "nspawn") {
      // A secret the host decrypts is the host's, mounted into the guest.
      const inGuest = (how: SecretUsage["how"]) => (secret: Secret, at: Located) =>
        secret.decrypt === "host"
          ? out.push({ secret, system: HOST_SYSTEM, how, enabled: c.enable, at, mountedInto: c.name })
          : add(guest(c), how)(secret, at);
      c.secrets.forEach((s, i) => inGuest("declared")(s, atContainer(c, "secrets", i)));
      inConfig(c.config, atContainer(c, "config"), inGuest("config"));
      inConfig(c.extraOptions, atContainer(c, "extraOptions"), inGuest("config"));
    } else {
      c.environmentFiles.forEach((s, i) => add(HOST_SYSTEM, "declared")(s, atContainer(c, "environmentFiles", i)));
    }
  }
  for (const p of host.proxies) out.push(...proxyProvider(p).secrets(p));
  out.push(...oidcSecretUsages(host));
  for (const s of host.services) {
    const add = (how: SecretUsage["how"]) => (secret: Secret, at: Located) => out.push({ secret, system: HOST_SYSTEM, how, enabled: s.enable, at });
    s.secrets.forEach((secret, i) => add("declared")(secret, atService(s, "secrets", i)));
    inConfig(s.config, atService(s, "config"), add("config"));
  }
  return out;
}

/**
 * One secret per name (the first seen wins; `validate` reports differing settings), sorted by name.
 * @example uniqueSecrets([a, b, a]) // [a, b]
 */
export function uniqueSecrets(secrets: Iterable<Secret>): Secret[] {
  const byName = new Map<string, Secret>();
  for (const s of secrets) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()].sort((a, b) => compareCodeUnits(a.name, b.name));
}

/**
 * The secrets one system of the deployed host declares: every enabled use in it.
 * @example declaredIn(usages, { kind: "guest", container: "authelia" })
 */
export function declaredIn(usages: readonly SecretUsage[], system: SecretSystem): Secret[] {
  const key = systemKey(system);
  return uniqueSecrets(usages.filter((u) => u.enabled && systemKey(u.system) === key).map((u) => u.secret));
}

/**
 * Every secret the config mentions, disabled parts included: the rules file must keep listing
 * them, so re-keying re-encrypts them and enabling a part later still decrypts. One per name
 * and file (systems may declare one name with their own settings), sorted by name.
 * @example allSecrets(usages).map((s) => s.file)
 */
export function allSecrets(usages: readonly SecretUsage[]): Secret[] {
  const byKey = new Map<string, Secret>();
  for (const { secret: s } of usages) {
    const key = `${s.name}\0${s.defaultFile === true ? "" : s.file}`;
    if (!byKey.has(key)) byKey.set(key, s);
  }
  return [...byKey.values()].sort((a, b) => compareCodeUnits(a.name, b.name));
}

/**
 * The secrets the host decrypts for a NixOS container, bind-mounted into it (enabled or not:
 * a disabled container's file is rendered too), one per name, sorted by name.
 * @example mountedSecrets(usages, "grafana").map((s) => s.name) // ["grafana-admin"]
 */
export function mountedSecrets(usages: readonly SecretUsage[], container: string): Secret[] {
  return uniqueSecrets(usages.filter((u) => u.mountedInto === container).map((u) => u.secret));
}

