import type { ProxyKind, RouteOf } from "./proxies.ts";

/** The host name a route answers to: a subdomain of the homelab's domain, or a full name. */
export type RouteHost =
  | { readonly kind: "subdomain"; readonly name: string }
  | { readonly kind: "fqdn"; readonly name: string };

/** A route to a container, tagged with its proxy's route kind (`traefikRoute`, `caddyRoute`). */
export type Route = RouteOf<ProxyKind>;
