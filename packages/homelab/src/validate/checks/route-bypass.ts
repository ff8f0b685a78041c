/**
 * `route-auth-bypassed`: a route that makes clients authenticate, while its backend is also
 * reachable without the proxy (a published port, a forwarded port, a listener the firewall
 * opens). Clients who find the direct port skip the login.
 *
 * A direct way bound to a private address is not reported when the LAN is already let in
 * without that login: the route itself is LAN-only (every client it admits is in a private
 * range), or another route to the same backend is LAN-only without auth (the LAN router beside
 * the public one with auth). Both ways then admit the same clients, and a port published on a
 * LAN address on purpose is how people let a LAN client that cannot log in through forward
 * auth (a TV app, a sync client) reach the app. A wildcard bind is reported even then:
 * `0.0.0.0` is every interface (a VPN, a public uplink), not a choice of audience.
 */
import { formatPath } from "../../diagnostics/path.ts";
import type { PlacedRoute } from "../../facts/routes.ts";
import { authenticates, type Middleware } from "../../model/middleware.ts";
import type { CheckContext } from "../context.ts";
import { directPaths, shownAddress, type DirectPath } from "./direct-paths.ts";
import { routeBackend, type Reachable } from "./route-backends.ts";
import { authenticatingMiddleware, describeAuth, isLanOnly } from "./route-scope.ts";

/** One way around a route's authentication. */
export interface Bypass {
  readonly direct: DirectPath;
  /** The middleware the direct way skips. */
  readonly auth: Middleware;
}

/** A key for a direct way: its model path. */
const pathKey = (d: DirectPath): string => JSON.stringify(d.path);

/**
 * The direct ways the LAN already takes without a login: those of the LAN-only routes that do
 * not authenticate (their bypass is no bypass of anything).
 * @example lanOpenPaths(facts, facts.routes) // Set { '["containers","jellyfin","ports",1]' }
 */
export function lanOpenPaths(parts: Reachable, routes: readonly Pick<PlacedRoute, "route" | "target">[]): Set<string> {
  const out = new Set<string>();
  for (const r of routes) {
    if (!isLanOnly(r.route) || authenticates(r.route.middlewares)) continue;
    for (const d of directPaths(parts, routeBackend(parts, r.target))) out.add(pathKey(d));
  }
  return out;
}

/**
 * The ways around a route's authentication (none for a route that does not authenticate).
 * `lanOpen`: the direct ways the LAN already takes without a login (`lanOpenPaths`).
 * @example bypasses(facts, placed) // [{ direct: { path: ["containers", "immich", "forwardPorts", 0], … }, auth }]
 */
export function bypasses(parts: Reachable, r: Pick<PlacedRoute, "route" | "target">, lanOpen: ReadonlySet<string> = new Set()): Bypass[] {
  const auth = authenticatingMiddleware(r.route.middlewares);
  if (auth === undefined) return [];
  const lanOnly = isLanOnly(r.route);
  return directPaths(parts, routeBackend(parts, r.target))
    .filter((d) => !(d.lanOnly && (lanOnly || lanOpen.has(pathKey(d)))))
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
  const lanOpen = lanOpenPaths(ctx.facts, ctx.facts.routes);
  for (const r of ctx.facts.routes) {
    for (const b of bypasses(ctx.facts, r, lanOpen)) ctx.report.warning("route-auth-bypassed", r, bypassMessage(r, b), [b.direct]);
  }
}
