/**
 * `route-host-conflict`, rule-aware: two routes clash only when a proxy cannot tell them
 * apart, i.e. their matchers are identical on the same proxy and entry point (same host name,
 * same path matcher, same client set, same priority, same site port: Caddy's `host:port` sites
 * are separate sites). Different paths, a LAN-only router
 * beside a public one, or different priorities are how people split a host on purpose.
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import type { Host } from "../../model/homelab.ts";
import { proxyOf } from "../../model/lookup.ts";
import type { PathMatch } from "../../model/routing.ts";
import { formatIpv4, parseIpv4 } from "../../net/ipv4.ts";
import type { CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups } from "../report.ts";

/**
 * The entry point a route is served on: Traefik's (the route's, else the proxy's default);
 * other proxies have one per port, the same for every route.
 * @example servedEntryPoint(host, r) // "websecure"
 */
export function servedEntryPoint(host: Host, r: Pick<PlacedRoute, "route" | "proxy">): string {
  if (r.proxy !== "traefik") return "";
  return r.route.entryPoint ?? proxyOf(host, "traefik")?.entryPoint ?? "";
}

function pathKey(path: PathMatch | undefined): string {
  if (path === undefined) return "";
  return path.kind === "prefix" ? `prefix ${path.prefix}` : `regex ${path.pattern}`;
}

/**
 * A client range as the proxies match it: a single address is its /32 (/128) network, an IPv4
 * network's host bits do not matter (`10.0.0.5/8` is `10.0.0.0/8`), IPv6 is case-insensitive.
 * @example canonicalClient("10.0.0.1") // "10.0.0.1/32"
 */
export function canonicalClient(range: string): string {
  const slash = range.indexOf("/");
  const address = slash < 0 ? range : range.slice(0, slash);
  const v4 = parseIpv4(address);
  if (v4 === undefined) return `${address.toLowerCase()}/${slash < 0 ? 128 : range.slice(slash + 1)}`;
  const prefix = slash < 0 ? 32 : Number(range.slice(slash + 1));
  const size = 2 ** (32 - prefix);
  return `${formatIpv4(v4 - (v4 % size))}/${prefix}`;
}

/**
 * Routes with equal keys have identical matchers on one proxy and entry point. Clients are a
 * set of networks (order, repeats and spelling do not matter: {@link canonicalClient}); `strip`
 * does not change what a prefix matches.
 * @example matcherKey(host, r) // '["traefik","websecure","photos.example.org","prefix /api",[],null,null]'
 */
export function matcherKey(host: Host, r: PlacedRoute): string {
  const clients = [...new Set(r.route.match.clients.map(canonicalClient))].sort();
  const m = r.route.match;
  return JSON.stringify([r.proxy ?? "", servedEntryPoint(host, r), r.host, pathKey(m.path), clients, r.route.priority ?? null, m.sitePort ?? null]);
}

/** How a route's matcher reads in a message: `photos.example.org/api*`. */
function describe(r: PlacedRoute): string {
  const path = r.route.match.path;
  const where = path === undefined ? "" : path.kind === "prefix" ? `${path.prefix}*` : ` (path ~ ${path.pattern})`;
  const clients = r.route.match.clients.length === 0 ? "" : ` for ${r.route.match.clients.join(", ")}`;
  return `${r.host}${where}${clients}`;
}

export function checkRouteConflicts(ctx: CheckContext): void {
  reportGroups(groupBy(ctx.facts.routes, (r) => matcherKey(ctx.host, r)).values(), (member, others, total) =>
    ctx.report.error(
      "route-host-conflict",
      member,
      `${describe(member)} is also routed by ${nameOthers(others, total)} with the same matcher: give each route its own host name, or a different path, clients or priority`,
      others,
    ),
  );
}
