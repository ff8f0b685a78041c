/** The reverse-proxy providers, by kind: adding a proxy is a module and a line here. */
import type { Proxy, ProxyKind } from "../model/proxies.ts";
import type { Route } from "../model/routes.ts";
import { caddyProvider } from "./caddy/index.ts";
import type { ProxyProvider } from "./provider.ts";
import { traefikProvider } from "./traefik/index.ts";

/** In the order their sections appear in a container's file. */
const PROVIDERS: { readonly [K in ProxyKind]: ProxyProvider<Extract<Proxy, { kind: K }>> } = {
  traefik: traefikProvider,
  caddy: caddyProvider,
};

/** Every provider, in section order. */
export const PROXY_PROVIDERS: readonly ProxyProvider[] = Object.values(PROVIDERS) as ProxyProvider[];

/**
 * The provider of a proxy.
 * @example proxyProvider(traefik).listeners(traefik)
 */
export function proxyProvider<P extends Proxy>(proxy: P): ProxyProvider<P> {
  return PROVIDERS[proxy.kind] as unknown as ProxyProvider<P>;
}

/**
 * The provider that serves routes of a kind.
 * @example routeProvider("caddyRoute").kind // "caddy"
 */
export function routeProvider(kind: Route["kind"]): ProxyProvider {
  return PROXY_PROVIDERS.find((p) => p.routeKind === kind) as ProxyProvider;
}

export type { HostSection, MainOptions, ProxyFile, ProxyProvider } from "./provider.ts";
