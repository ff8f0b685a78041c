/**
 * `caddyRoute()`: the short form of `route()` for the common case, a Caddy site for the
 * container it is given to. It makes the same `Route` (`proxy: "caddy"`): `auth` is a
 * forward-auth middleware at the front of the chain, `basicAuth` a basic-auth middleware
 * (named `basicAuth`), `tlsEmail` is `tls.email`.
 */
import { guarded } from "../../builders/collect.ts";
import { caddyReverseProxy } from "./builders.ts";
import { caddyReverseProxySchema } from "./schema.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { authMiddleware, newRoute, routeHost, routeStandIn } from "../../builders/routes.ts";
import type { BasicAuthMiddleware, Middleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { bcryptHash, email, port } from "../../schema/primitives.ts";
import { ROUTE_OPTIONS_ERROR, routeProblems, routeShape } from "../../schema/routes.ts";
import { z, type Input } from "../../schema/zod.ts";
import { captureSite } from "../../site/capture.ts";

/** Options of `caddyRoute()`. */
export const caddyRouteSchema = z.strictObject(
  {
    ...routeShape,
    /**
     * Per-site ACME e-mail (`tls <email>`); the `caddy({ email })` account otherwise.
     * @example tlsEmail: "admin@example.org"
     */
    tlsEmail: email.optional(),
    /**
     * Serve the site on this port of its own, Caddy's `host:port` site address (a LAN-only
     * admin UI on `https://app.home.arpa:8443`); `caddy({ httpsPort })` otherwise.
     * @example sitePort: 8443
     */
    sitePort: port.optional(),
    /**
     * Basic-auth users and their bcrypt hashes (`caddy hash-password`); never a plain password.
     * @example basicAuth: { alice: "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG" }
     */
    basicAuth: z
      .record(z.string().regex(/^[A-Za-z0-9_.@-]+$/, { error: 'expected a user name like "alice"' }), bcryptHash, { error: "expected { user: bcryptHash }" })
      .optional(),
    /**
     * Further Caddyfile directives for the site body.
     * @example extraConfig: "encode zstd gzip"
     */
    extraConfig: z.string({ error: "expected Caddyfile text" }).optional(),
    /**
     * Further upstreams (load-balanced with the container), `lb_policy`, `header_up` and
     * `header_down` of the site's `reverse_proxy`.
     * @example reverseProxy: { headerUp: { "X-Real-IP": "{remote_host}" }, headerDown: { Server: "" } }
     */
    reverseProxy: caddyReverseProxySchema.optional(),
  },
  { error: ROUTE_OPTIONS_ERROR },
);

/** What `caddyRoute()` accepts. */
export type CaddyRouteOptions = Input<typeof caddyRouteSchema>;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A Caddy site for the container it is given to, emitted as
 * `services.caddy.virtualHosts.<host>.extraConfig` (a `reverse_proxy` to the port, plus TLS
 * e-mail, basic auth or forward auth). The short form of `route({ …, proxy: "caddy" })`.
 *
 * @example caddyRoute({ host: "sonarr.example.org", port: 8989 })
 * @example caddyRoute({ subdomain: "files", port: 8082, basicAuth: { alice: "$2a$14$…" } })
 */
export function caddyRoute(options: CaddyRouteOptions): Route {
  const site = captureSite(caddyRoute);
  return guarded("route", () => routeStandIn(site), () => {
    const o = parseInput(caddyRouteSchema, options, { label: callLabel("caddyRoute"), site }, routeProblems);
    const users = Object.keys(o.basicAuth ?? {}).sort(byCodeUnit);
    const basic: Middleware[] =
      users.length === 0
        ? []
        : [branded("middleware", { kind: "basicAuth", name: "basicAuth", users: users.map((user) => ({ user, hash: o.basicAuth![user]! })), site } satisfies BasicAuthMiddleware)];
    return newRoute(
      {
        proxy: "caddy",
        match: { host: routeHost(o), clients: [], ...optional("sitePort", o.sitePort) },
        target: { kind: "attached", port: o.port },
        middlewares: [...(o.auth === undefined ? [] : [authMiddleware(o.auth, site)]), ...basic],
        tls: { email: o.tlsEmail },
        public: o.public ?? false,
        extraConfig: o.extraConfig,
        reverseProxy: o.reverseProxy && caddyReverseProxy(o.reverseProxy),
      },
      site,
    );
  });
}
