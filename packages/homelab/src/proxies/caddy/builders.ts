/** The builders of Caddy (`caddy()`, `caddyRoute()`) and its brand predicate. */
import { routeHost, routeStandIn } from "../../builders/routes.ts";
import { guarded } from "../../builders/collect.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { brandOf } from "../../model/brand.ts";
import { routeProblems } from "../../schema/routes.ts";
import { captureSite } from "../../site/capture.ts";
import type { Caddy, CaddyRoute } from "./model.ts";
import { caddyRouteSchema, caddySchema, type CaddyOptions, type CaddyRouteOptions } from "./schema.ts";

/**
 * Caddy as a host service on :80 and :443 (TCP, and UDP for HTTP/3); routes (`caddyRoute`)
 * become its virtual hosts. Beside Traefik, move it to other ports (`httpPort`, `httpsPort`).
 * @example caddy({ email: "admin@example.org" })
 * @example caddy({ httpPort: 8081, httpsPort: 8443 })
 */
export function caddy(options: CaddyOptions = {}): Caddy {
  const site = captureSite(caddy);
  return guarded("caddy", () => ({ site }), () => {
    const o = parseInput(caddySchema, options, { label: callLabel("caddy"), site });
    return branded("caddy", {
      kind: "caddy",
      ...optional("email", o.email),
      // Defaults are left out, so the renderer only writes ports that differ from NixOS's.
      ...optional("httpPort", o.httpPort === 80 ? undefined : o.httpPort),
      ...optional("httpsPort", o.httpsPort === 443 ? undefined : o.httpsPort),
      site,
    } satisfies Caddy);
  });
}

/**
 * A Caddy site for the container it is given to, emitted as
 * `services.caddy.virtualHosts.<host>.extraConfig` (a `reverse_proxy` to the port, plus TLS
 * e-mail, basic auth or forward auth).
 *
 * @example caddyRoute({ host: "sonarr.example.org", port: 8989 })
 * @example caddyRoute({ subdomain: "files", port: 8082, basicAuth: { alice: "$2a$14$…" } })
 */
export function caddyRoute(options: CaddyRouteOptions): CaddyRoute {
  const site = captureSite(caddyRoute);
  return guarded("caddyRoute", () => routeStandIn(site), () => {
    const o = parseInput(caddyRouteSchema, options, { label: callLabel("caddyRoute"), site }, routeProblems);
    const users = Object.keys(o.basicAuth ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return branded("caddyRoute", {
      kind: "caddyRoute",
      host: routeHost(o),
      port: o.port,
      ...optional("tlsEmail", o.tlsEmail),
      basicAuth: users.map((user) => ({ user, hash: o.basicAuth![user]! })),
      ...optional("auth", o.auth),
      public: o.public ?? false,
      ...optional("extraConfig", o.extraConfig),
      site,
    } satisfies CaddyRoute);
  });
}

/** True for a value made by `caddy()`. @example isCaddy(caddy({})) */
export function isCaddy(value: unknown): value is Caddy {
  return brandOf(value) === "caddy";
}
