/**
 * Who a route admits, as the security checks read it: LAN-only (every client it takes is in a
 * private range) or public, and how it authenticates (the first authenticating middleware).
 */
import { flatMiddlewares, type Middleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { isPrivateRange } from "../../net/private-ranges.ts";

/** True for a non-empty list of ranges that are all private. */
function allPrivate(ranges: readonly string[]): boolean {
  return ranges.length > 0 && ranges.every(isPrivateRange);
}

/**
 * True when no client from the internet can reach the route: its matcher's `clients`, or an
 * IP allow-list in its chain, admit private ranges only (`192.168.0.0/16`, `fd00::/8`,
 * Tailscale's `100.64.0.0/10`).
 * @example isLanOnly(route({ subdomain: "adguard", clients: ["192.168.1.0/24"], … })) // true
 */
export function isLanOnly(route: Pick<Route, "match" | "middlewares">): boolean {
  if (allPrivate(route.match.clients)) return true;
  return flatMiddlewares(route.middlewares).some((m) => m.kind === "ipAllowList" && allPrivate(m.sourceRange));
}

/**
 * The first middleware of a chain that makes clients authenticate, or `undefined`.
 * @example authenticatingMiddleware([chain("secure", [headers, authelia])]) // authelia
 */
export function authenticatingMiddleware(list: readonly Middleware[]): Middleware | undefined {
  return flatMiddlewares(list).find((m) => m.kind === "forwardAuth" || m.kind === "basicAuth");
}

/**
 * How a route authenticates, for messages: `forward auth "authelia"`, `basic auth "admins"`.
 * @example describeAuth(forwardAuth("authelia")) // 'forward auth "authelia"'
 */
export function describeAuth(m: Middleware): string {
  return m.kind === "forwardAuth" ? `forward auth "${m.provider}"` : m.kind === "basicAuth" ? `basic auth "${m.name}"` : `"${m.name}"`;
}
