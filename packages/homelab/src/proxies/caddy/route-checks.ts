/**
 * Caddy's checks of the routes it serves: what only Traefik can render (each message names the
 * field and the fix), plugins a route needs, and Caddy's internal CA on a name the internet
 * reaches.
 */
import type { Located } from "../../facts/located.ts";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import type { CheckContext } from "../../validate/context.ts";
import { usesRateLimit } from "./directives.ts";
import type { Caddy } from "./model.ts";
import { siteAddress } from "./sites.ts";

/** A route Caddy serves, where it is, and the host name it answers. */
export interface CaddyPlacedRoute extends Located {
  readonly route: Route;
  readonly host: string;
}

/** The plugin `rate_limit` comes from. */
export const RATE_LIMIT_PLUGIN = "github.com/mholt/caddy-ratelimit";

/** Names no public CA can validate (RFC 6762, RFC 8375, RFC 2606, ICANN's `.internal`). */
const PRIVATE_SUFFIXES = [".lan", ".local", ".home.arpa", ".internal", ".localhost", ".test", ".example", ".invalid", ".localdomain"];

/** True when a public CA could issue for `host` (a name under a public suffix). */
export function isPublicName(host: string): boolean {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return !PRIVATE_SUFFIXES.some((s) => name.endsWith(s) || name === s.slice(1));
}

function at(r: CaddyPlacedRoute, ...path: (string | number)[]): Located {
  return { ...r, path: [...r.path, ...path] };
}

/** The route's fields Caddy cannot render: [path below the route, message]. */
function unsupported(r: CaddyPlacedRoute): [readonly (string | number)[], string][] {
  const { route, host } = r;
  const out: [readonly (string | number)[], string][] = [];
  if (route.entryPoint !== undefined) {
    out.push([["entryPoint"], `${host}: entryPoint "${route.entryPoint}" is Traefik's; Caddy serves every site on its httpsPort: drop entryPoint, or serve the route with Traefik (proxy: "traefik")`]);
  }
  if (route.tls.certResolver !== undefined) {
    out.push([["tls", "certResolver"], `${host}: tls.certResolver is Traefik's; Caddy gets its certificates itself (caddy({ email, acmeCA, acmeDns })): drop certResolver`]);
  }
  if (route.tls.options !== undefined) {
    out.push([["tls", "options"], `${host}: tls.options names Traefik TLS options; for Caddy drop it and write the site's tls block in extraConfig (tls { protocols tls1.3 })`]);
  }
  if (route.tls.domains.length > 0) {
    out.push([["tls", "domains"], `${host}: tls.domains is Traefik's certificate list; Caddy requests one certificate per site name (a wildcard needs a "*.…" site and acmeDns): drop tls.domains`]);
  }
  // A target Caddy cannot reach (api@internal, a Podman container by name) is the core's
  // route-target-unreachable, which knows every proxy's networks.
  for (const m of flatMiddlewares(route.middlewares)) {
    if (m.kind === "named") {
      out.push([["middlewares"], `${host}: the middleware "${m.name}" is defined in Traefik, outside nixjs, and Caddy cannot apply it: define it with a middleware builder (headers(), ipAllowList(), rateLimit() …), or serve the route with Traefik`]);
    }
  }
  return out;
}

/**
 * Caddy's checks of its routes.
 * @example checkCaddyRoutes(ctx, caddy, placed.filter((r) => r.proxy === "caddy"))
 */
export function checkCaddyRoutes(ctx: CheckContext, caddy: Caddy, routes: readonly CaddyPlacedRoute[]): void {
  for (const r of routes) {
    for (const [path, message] of unsupported(r)) ctx.report.error("caddy-unsupported", at(r, ...path), message);
    if (r.route.tls.internal && r.route.match.clients.length === 0 && isPublicName(r.host)) {
      ctx.report.warning(
        "caddy-tls-internal-public",
        at(r, "tls", "internal"),
        `${r.host} is routed to every client with tls internal: browsers do not trust Caddy's own CA; drop internal for a public certificate, or limit the route to the LAN (clients)`,
      );
    }
  }
  const limited = routes.find((r) => usesRateLimit(r.route.middlewares));
  const plugins = caddy.withPlugins?.plugins ?? [];
  if (limited !== undefined && !plugins.some((p) => p.startsWith(`${RATE_LIMIT_PLUGIN}@`))) {
    ctx.report.error(
      "caddy-plugin-missing",
      at(limited, "middlewares"),
      `${limited.host} limits its rate, which needs a Caddy built with ${RATE_LIMIT_PLUGIN}: add it to caddy({ withPlugins: { plugins: ["${RATE_LIMIT_PLUGIN}@<tag>"], hash } })`,
    );
  }
  // One site, one tls: Caddy cannot give routes of one site (host name and site port) different certificates.
  const tlsByHost = new Map<string, { readonly r: CaddyPlacedRoute; readonly tls: string }>();
  for (const r of routes) {
    const tls = r.route.tls.internal ? "internal" : (r.route.tls.email ?? "");
    if (tls === "") continue;
    const address = siteAddress(r.host, r.route.match.sitePort);
    const first = tlsByHost.get(address);
    if (first === undefined) tlsByHost.set(address, { r, tls });
    else if (first.tls !== tls) {
      ctx.report.error("caddy-unsupported", at(r, "tls"), `${address}: its routes ask for different tls (${first.tls} and ${tls}), and Caddy has one tls per site: give them the same tls`, [first.r]);
    }
  }
}
