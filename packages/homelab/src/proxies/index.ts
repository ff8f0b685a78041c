/**
 * The reverse-proxy providers, by kind: adding a proxy is a folder `proxies/<kind>/` and a line
 * here (and its line in `model/proxies.ts`'s type map). What the core knows of the proxies is
 * derived from this registry: the `homelab()` options, the `<kind>-missing` codes.
 */
import { listWithOr } from "../util/list.ts";
import type { Proxy, ProxyKind, ProxyOf } from "../model/proxies.ts";
import { caddyProvider } from "./caddy/index.ts";
import type { ProxyProvider } from "./provider.ts";
import { traefikProvider } from "./traefik/index.ts";

/** The registry's type: a provider for every kind of proxy, so leaving one out does not compile. */
export type ProxyRegistry = { readonly [K in ProxyKind]: ProxyProvider<ProxyOf<K>> };

/** In the order their sections appear in a container's file (and their `homelab()` options). */
const PROVIDERS: ProxyRegistry = {
  traefik: traefikProvider,
  caddy: caddyProvider,
};

/** Every provider, in section order. */
export const PROXY_PROVIDERS: readonly ProxyProvider[] = Object.freeze(Object.values(PROVIDERS) as ProxyProvider[]);

/**
 * The provider of a proxy.
 * @example proxyProvider(traefik).listeners(traefik, [])
 */
export function proxyProvider<P extends Proxy>(proxy: P): ProxyProvider<P> {
  return PROVIDERS[proxy.kind] as unknown as ProxyProvider<P>;
}

/**
 * The provider of a kind of proxy (a subject's name, a `homelab()` option), if it is one.
 * @example providerOf("caddy")?.shortForm // "caddyRoute"
 */
export function providerOf(kind: string): ProxyProvider | undefined {
  return Object.hasOwn(PROVIDERS, kind) ? (PROVIDERS[kind as ProxyKind] as ProxyProvider) : undefined;
}

/**
 * The route builders' names for messages: `route()`, then the proxies' short forms in registry
 * order.
 * @example routeBuilderNames() // "route(), traefikRoute() or caddyRoute()"
 */
export function routeBuilderNames(): string {
  return listWithOr(["route()", ...PROXY_PROVIDERS.map((p) => `${p.shortForm}()`)]);
}

export type { HostSection, MainOptions, ProxyFile, ProxyProvider } from "./provider.ts";
