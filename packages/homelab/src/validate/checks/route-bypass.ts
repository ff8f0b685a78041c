/**
 * `route-auth-bypassed`: a route that makes clients authenticate, while its backend is also
 * reachable without the proxy (a published port, a forwarded port, a listener the firewall
 * opens). Clients who find the direct port skip the login.
 *
 * A LAN-only route (every client it admits is in a private range) whose direct way is bound to
 * a private address is not reported: both ways admit the same clients, and a port published
 * on a LAN address on purpose is how people let a LAN client that cannot log in through
 * forward auth (a TV app, a sync client) reach the app. A wildcard bind is reported even then:
 * `0.0.0.0` is every interface (a VPN, a public uplink), not a choice of audience.
 */
import { formatPath } from "../../diagnostics/path.ts";
import type { PlacedRoute } from "../../facts/routes.ts";
import type { Middleware } from "../../model/middleware.ts";
import { isPrivateRange, isWildcardAddress } from "../../net/private-ranges.ts";
import { directPaths, shownAddress, type DirectPath } from "./direct-paths.ts";
import type { CheckContext } from "../context.ts";
import { routeBackend, type Reachable } from "./route-backends.ts";
import { authenticatingMiddleware, describeAuth, isLanOnly } from "./route-scope.ts";

/** One way around a route's authentication. */
export interface Bypass {
  readonly direct: DirectPath;
  /** The middleware the direct way skips. */
  readonly auth: Middleware;
}

/**
 * The ways around a route's authentication (none for a route that does not authenticate).
 * @example bypasses(facts, placed) // [{ direct: { path: ["containers", "immich", "forwardPorts", 0], … }, auth }]
 */
export function bypasses(parts: Reachable, r: Pick<PlacedRoute, "route" | "target">): Bypass[] {
  const auth = authenticatingMiddleware(r.route.middlewares);
  if (auth === undefined) return [];
  const lanOnly = isLanOnly(r.route);
  return directPaths(parts, routeBackend(parts, r.target))
    .filter((d) => !(lanOnly && !isWildcardAddress(d.address) && isPrivateRange(d.address)))
    .map((direct) => ({ direct, auth }));
}

/**
 * The message of a bypass: both sites and the fix.
 * @example bypassMessage(r, b) // "photos.example.org requires forward auth \"authelia\", but the forwarded port of immich …"
 */
export function bypassMessage(r: Pick<PlacedRoute, "host">, b: Bypass): string {
  const d = b.direct;
  return `${r.host} requires ${describeAuth(b.auth)}, but ${d.owner} also serves it on ${shownAddress(d.address)}, port ${d.port} (${formatPath(d.path)}), where clients skip the proxy and its authentication: ${d.fix}`;
}

/** Reports every way around every authenticated route of the host. */
export function checkRouteBypass(ctx: CheckContext): void {
  for (const r of ctx.facts.routes) {
    for (const b of bypasses(ctx.facts, r)) ctx.report.warning("route-auth-bypassed", r, bypassMessage(r, b), [b.direct]);
  }
}
