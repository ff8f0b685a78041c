/**
 * `traefik-unsupported`: options of a route Traefik serves that only Caddy renders. Without
 * this check they would be dropped without a word (a `tls.internal` route would get a public
 * certificate, `extraConfig` would never apply), so each is an error naming the field and the
 * fix — the mirror of Caddy's `caddy-unsupported`.
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import type { CheckContext } from "../../validate/context.ts";

/** The route's fields Traefik cannot render: [path below the route, message]. */
function unsupported(r: PlacedRoute): [readonly (string | number)[], string][] {
  const { route, host } = r;
  const out: [readonly (string | number)[], string][] = [];
  if (route.tls.internal) {
    out.push([["tls", "internal"], `${host}: tls.internal is Caddy's own CA; Traefik has none: drop it and use a certificate resolver (tls.certResolver), or serve the route with Caddy (proxy: "caddy")`]);
  }
  if (route.tls.email !== undefined) {
    out.push([["tls", "email"], `${host}: tls.email is a Caddy site's ACME account; Traefik's account is its resolver's: drop it and set email in traefik({ certResolvers })`]);
  }
  if (route.extraConfig !== undefined) {
    out.push([["extraConfig"], `${host}: extraConfig is Caddyfile text, which Traefik cannot apply: express it with a middleware builder (headers(), rateLimit() …), or serve the route with Caddy`]);
  }
  if (route.reverseProxy !== undefined) {
    out.push([["reverseProxy"], `${host}: reverseProxy (several upstreams, header_up/header_down) is Caddy's; for Traefik drop it and use headers() for request and response headers`]);
  }
  if (route.match.sitePort !== undefined) {
    out.push([["sitePort"], `${host}: sitePort is Caddy's host:port site address; with Traefik declare an entry point on that port (traefik({ entryPoints: { admin: { address: ':${route.match.sitePort}' } } })) and set entryPoint`]);
  }
  return out;
}

/**
 * Reports every Caddy-only option of the routes Traefik serves.
 * @example checkTraefikRoutes(ctx) // traefik-unsupported at containers.app.routes[0].tls.internal
 */
export function checkTraefikRoutes(ctx: CheckContext): void {
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "traefik") continue;
    for (const [path, message] of unsupported(r)) ctx.report.error("traefik-unsupported", { ...r, path: [...r.path, ...path] }, message);
  }
}
