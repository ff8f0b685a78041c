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
import type { Located } from "../../facts/located.ts";
import { formatPath } from "../../diagnostics/path.ts";
import type { Container } from "../../model/index.ts";
import type { Middleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { isPrivateRange, isWildcardAddress } from "../../net/private-ranges.ts";
import { directPaths, shownAddress, type DirectPath } from "./direct-paths.ts";
import { routeBackend, type Reachable } from "./route-backends.ts";
import { authenticatingMiddleware, describeAuth, isLanOnly } from "./route-scope.ts";

/** A route where it is declared, with the container it is given to and the name it answers. */
export interface RouteAt extends Located {
  readonly route: Route;
  /** The container the route is given to (`container({ route })`); absent for a host route. */
  readonly owner: Container | undefined;
  /** The host name it answers: `photos.example.org`. */
  readonly hostName: string;
}

/** One way around a route's authentication. */
export interface Bypass {
  readonly direct: DirectPath;
  /** The middleware the direct way skips. */
  readonly auth: Middleware;
}

/**
 * The ways around a route's authentication (none for a route that does not authenticate).
 * @example bypasses(facts, { route: photos, owner: immich, … }) // [{ direct: { path: ["containers", "immich", "forwardPorts", 0], … }, auth }]
 */
export function bypasses(parts: Reachable, r: Pick<RouteAt, "route" | "owner">): Bypass[] {
  const auth = authenticatingMiddleware(r.route.middlewares);
  if (auth === undefined) return [];
  const lanOnly = isLanOnly(r.route);
  return directPaths(parts, routeBackend(parts, r.owner, r.route.target))
    .filter((d) => !(lanOnly && !isWildcardAddress(d.address) && isPrivateRange(d.address)))
    .map((direct) => ({ direct, auth }));
}

/**
 * The message of a bypass: both sites and the fix.
 * @example bypassMessage(r, b) // "photos.example.org requires forward auth \"authelia\", but the forwarded port of immich …"
 */
export function bypassMessage(r: Pick<RouteAt, "hostName">, b: Bypass): string {
  const d = b.direct;
  return `${r.hostName} requires ${describeAuth(b.auth)}, but ${d.owner} also serves it on ${shownAddress(d.address)}, port ${d.port} (${formatPath(d.path)}), where clients skip the proxy and its authentication: ${d.fix}`;
}
