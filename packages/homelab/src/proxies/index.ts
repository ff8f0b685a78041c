/**
 * The reverse-proxy providers, by kind: adding a proxy is a folder `proxies/<kind>/` and a line
 * here (and its line in `model/proxies.ts`'s type map). What the core knows of the proxies is
 * derived from this registry: the `homelab()` options, `isRoute`, the `<kind>-missing` codes.
 */
import { brandOf } from "../model/brand.ts";
import { listWithOr } from "../util/list.ts";
import type { Proxy, ProxyKind, ProxyOf } from "../model/proxies.ts";
import type { Route } from "../model/routes.ts";
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
 * @example proxyProvider(traefik).listeners(traefik)
 */
export function proxyProvider<P extends Proxy>(proxy: P): ProxyProvider<P> {
  return PROVIDERS[proxy.kind] as unknown as ProxyProvider<P>;
}

/**
 * The provider of a kind of proxy (a subject's name, a `homelab()` option), if it is one.
 * @example providerOf("caddy")?.routeKind // "caddyRoute"
 */
export function providerOf(kind: string): ProxyProvider | undefined {
  return Object.hasOwn(PROVIDERS, kind) ? (PROVIDERS[kind as ProxyKind] as ProxyProvider) : undefined;
}

/**
 * The provider that serves routes of a kind.
 * @example routeProvider("caddyRoute").kind // "caddy"
 */
export function routeProvider(kind: Route["kind"]): ProxyProvider {
  return PROXY_PROVIDERS.find((p) => p.routeKind === kind) as ProxyProvider;
}

const ROUTE_KINDS: ReadonlySet<unknown> = new Set(PROXY_PROVIDERS.map((p) => p.routeKind));

/**
 * True for a value made by a route builder (`traefikRoute()`, `caddyRoute()`).
 * @example isRoute(caddyRoute({ subdomain: "x", port: 80 })) // true
 */
export function isRoute(value: unknown): value is Route {
  return ROUTE_KINDS.has(brandOf(value));
}

/**
 * The route builders' names for messages, in registry order: `traefikRoute() or caddyRoute()`.
 * @example routeBuilderNames() // "traefikRoute() or caddyRoute()"
 */
export function routeBuilderNames(): string {
  return listWithOr(PROXY_PROVIDERS.map((p) => `${p.routeKind}()`));
}

export type { HostSection, MainOptions, ProxyFile, ProxyProvider } from "./provider.ts";
