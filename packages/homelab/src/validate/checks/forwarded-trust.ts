/**
 * `forwarded-header-trust`: an app that trusts forwarded headers (`X-Forwarded-For`) from
 * loopback only, while the proxy reaches it from another address: over a veth pair (a
 * private-network NixOS container sees the host's `hostAddress`) or through Podman (a
 * published port is masqueraded to the network's gateway; a proxy on a Podman network comes
 * from its own address there). The app then takes the proxy for every client, or refuses it.
 * A host-network container or a host service is reached over loopback: trusting 127.0.0.1 is
 * right there, and not reported.
 */
import type { AddressPlan } from "../../allocate/index.ts";
import { definedAt } from "../../config/defined.ts";
import { formatPath } from "../../diagnostics/path.ts";
import { atContainer, type Located } from "../../facts/located.ts";
import type { PlacedRoute } from "../../facts/routes.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { isLoopbackRange, isWildcardAddress } from "../../net/private-ranges.ts";
import type { CheckContext } from "../context.ts";
import { addressList, imageIs, nixosEnables } from "./app-match.ts";
import { backendSurfaces, routeBackend, type AppSurface, type RouteBackend } from "./route-backends.ts";
import { TRUST_SETTINGS, type TrustSetting } from "./trust-settings.ts";

/** Where the proxy's connections to a backend come from, when that is not loopback. */
export interface ProxySource {
  /** The address to trust, when nixjs knows it. */
  readonly address?: string;
  /** The source for messages: `10.10.10.1 (the host's end of gitea's veth pair)`. */
  readonly describe: string;
}

/** Podman's default network (`podman`, 10.88.0.0/16) and its gateway. */
const PODMAN_DEFAULT_GATEWAY = "10.88.0.1";

/**
 * The address a proxy on the host network connects to a backend from, when it is not
 * loopback; `undefined` for a backend reached over loopback or not run by nixjs.
 * @example proxySource(plan, { kind: "container", c: gitea, port: 3000 }) // { address: "10.10.10.1", … }
 */
export function proxySource(plan: AddressPlan, backend: RouteBackend): ProxySource | undefined {
  switch (backend.kind) {
    case "container": {
      const c = backend.c;
      if (c.backend === "nspawn") {
        if (c.network === "host") return undefined;
        const address = c.hostAddress ?? plan.addresses.get(c.name)?.hostAddress;
        const end = `the host's end of ${c.name}'s veth pair, its hostAddress`;
        return address === undefined ? { describe: end } : { address, describe: `${address} (${end})` };
      }
      if (c.network === "host") return undefined;
      const published = c.ports.find((p) => p.protocol === "tcp" && p.hostPort === backend.port);
      if (published !== undefined && !isLoopback(published.hostAddress) && !isWildcardAddress(published.hostAddress)) {
        return { address: published.hostAddress, describe: `${published.hostAddress} (the address the port is published on)` };
      }
      const network = c.networks[0];
      return network === undefined
        ? { address: PODMAN_DEFAULT_GATEWAY, describe: `${PODMAN_DEFAULT_GATEWAY} (the gateway of Podman's default network, which connections to a published port come from)` }
        : { describe: `the gateway of the Podman network ${network} (podman network inspect ${network}), which connections to a published port come from` };
    }
    case "podmanNetwork":
      return { describe: `the proxy's address on the Podman network ${backend.network} (its subnet: podman network inspect ${backend.network})` };
    case "service":
    case "hostPort":
    case "traefikApi":
    case "elsewhere":
      return undefined;
  }
}

/** An app that trusts forwarded headers from loopback only. */
export interface LoopbackTrust {
  readonly setting: TrustSetting;
  /** The option or environment variable, where it is (or would be) set. */
  readonly at: Located;
  /** Its name for messages: `services.gitea.settings.security.REVERSE_PROXY_TRUSTED_PROXIES`. */
  readonly name: string;
  /** The addresses it trusts. */
  readonly trusted: readonly string[];
  /** Unset: whose default `trusted` is (`Gitea's default`). */
  readonly unset?: string;
}

/** True for a non-empty list of loopback addresses only. */
function loopbackOnly(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0 && list.every(isLoopbackRange);
}

function nixosTrust(setting: TrustSetting, config: unknown, at: Located): LoopbackTrust | undefined {
  const o = setting.nixos;
  if (o === undefined || !nixosEnables(config, o.enable)) return undefined;
  if (o.requires !== undefined && definedAt(config, o.requires) !== true) return undefined;
  const value = definedAt(config, o.path);
  const trusted = value === undefined ? (o.unset === undefined ? undefined : addressList(o.unset.value)) : addressList(value);
  if (!loopbackOnly(trusted)) return undefined;
  return { setting, at: { ...at, path: [...at.path, ...o.path] }, name: formatPath(o.path), trusted, ...(value === undefined ? { unset: o.unset!.by } : {}) };
}

/**
 * The apps on a surface that trust forwarded headers from loopback only (their setting, or
 * its default where that is what the module leaves in effect).
 * @example loopbackTrusts({ kind: "nixos", config: { services: { gitea: { enable: true } } }, at }) // [{ name: "services.gitea.settings.security.REVERSE_PROXY_TRUSTED_PROXIES", unset: "Gitea's default", … }]
 */
export function loopbackTrusts(surface: AppSurface): LoopbackTrust[] {
  const out: LoopbackTrust[] = [];
  for (const setting of TRUST_SETTINGS) {
    if (surface.kind === "nixos") {
      const found = nixosTrust(setting, surface.config, surface.at);
      if (found !== undefined) out.push(found);
      continue;
    }
    const image = setting.image;
    if (image === undefined || !imageIs(surface.c.image, image.images)) continue;
    const trusted = addressList(surface.c.environment[image.env]);
    if (loopbackOnly(trusted)) out.push({ setting, at: atContainer(surface.c, "environment", image.env), name: image.env, trusted });
  }
  return out;
}

/**
 * The message: the setting, the address the proxy comes from, what to add.
 * @example trustMessage(found, source) // "Gitea believes forwarded client addresses (X-Forwarded-For) only from 127.0.0.0/8, ::1/128 …"
 */
export function trustMessage(found: LoopbackTrust, source: ProxySource): string {
  const setting = found.unset === undefined ? found.name : `${found.name} is unset: ${found.unset}`;
  const add = source.address === undefined ? "that address" : `"${source.address}"`;
  return `${found.setting.app} believes forwarded client addresses (X-Forwarded-For) only from ${found.trusted.join(", ")} (${setting}), but the proxy reaches it from ${source.describe}, so ${found.setting.effect}: add ${add} to ${found.name}`;
}

/**
 * Reports each app's loopback-only trust once, naming the routes that reach it from another
 * address. Every proxy nixjs runs is on the host network (Traefik as a service or in its
 * host-network container, Caddy as a service), so the source is the backend's side of the
 * host: `proxySource`.
 */
export function checkForwardedTrust(ctx: CheckContext): void {
  const found = new Map<string, { trust: LoopbackTrust; source: ProxySource; routes: PlacedRoute[] }>();
  for (const r of ctx.facts.routes) {
    const backend = routeBackend(ctx.facts, r.target);
    const source = proxySource(ctx.facts.plan, backend);
    if (source === undefined) continue;
    for (const surface of backendSurfaces(ctx.facts, backend)) {
      for (const trust of loopbackTrusts(surface)) {
        const key = JSON.stringify(trust.at.path);
        const known = found.get(key);
        if (known === undefined) found.set(key, { trust, source, routes: [r] });
        else known.routes.push(r);
      }
    }
  }
  for (const { trust, source, routes } of found.values()) ctx.report.warning("forwarded-header-trust", trust.at, trustMessage(trust, source), routes);
}
