/**
 * What the user wrote by hand in a provider's (or AdGuard's) `config`, where nixjs can see it:
 * the instance's own access-control rules and default policy, AdGuard's own rewrites. Read, never
 * changed: the derived parts merge with them in the NixOS module system.
 */
import { definedAt } from "../config/defined.ts";
import { isPlainObject } from "../config/plain.ts";
import type { Container, Host, NixConfig } from "../model/index.ts";
import type { AuthLocation } from "../model/auth.ts";
import { atContainer, atService, type Located } from "../facts/located.ts";

/** A config that may hold something about a provider, and where it is. */
export interface SeenConfig {
  readonly config: NixConfig;
  readonly at: Located;
}

/**
 * The configs nixjs can read for a thing running at `where`: the NixOS container's `config`,
 * or, on the host, every host service's `config` (a Podman container's own files are not
 * visible).
 * @example configsAt(host, { kind: "container", container: "authelia" })[0]?.at.path // ["containers", "authelia", "config"]
 */
export function configsAt(host: Host, where: AuthLocation): SeenConfig[] {
  if (where.kind === "host") return host.services.filter((s) => s.enable).map((s) => ({ config: s.config, at: atService(s, "config") }));
  const c: Container | undefined = host.containers.find((x) => x.name === where.container && x.enable);
  return c === undefined || c.backend !== "nspawn" ? [] : [{ config: c.config, at: atContainer(c, "config") }];
}

/**
 * A plain rule/record list at `path` of `config` (non-plain entries left out), with each one's place.
 * @example listAt(seen, ["services", "adguardhome", "settings", "filtering", "rewrites"])
 */
export function listAt(seen: SeenConfig, path: readonly string[]): { readonly value: { readonly [k: string]: unknown }; readonly at: Located }[] {
  const list = definedAt(seen.config, path);
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, i) =>
    isPlainObject(value) ? [{ value, at: { ...seen.at, path: [...seen.at.path, ...path, i] } }] : [],
  );
}
