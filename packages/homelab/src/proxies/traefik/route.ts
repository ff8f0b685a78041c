/**
 * `traefikRoute()`: the short form of `route()` for the common case, a Traefik route to the
 * container it is given to. It makes the same `Route` (`proxy: "traefik"`): `auth` is a
 * forward-auth middleware at the front of the chain, `middlewares` names Traefik middlewares
 * defined elsewhere (`named` middlewares), `certResolver` is `tls.certResolver`.
 */
import { guarded } from "../../builders/collect.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { authMiddleware, newRoute, routeHost, routeStandIn } from "../../builders/routes.ts";
import { branded } from "../../builders/freeze.ts";
import type { NamedMiddleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { identifier } from "../../schema/primitives.ts";
import { ROUTE_OPTIONS_ERROR, routeProblems, routeShape } from "../../schema/routes.ts";
import { z, type Input } from "../../schema/zod.ts";
import { captureSite } from "../../site/capture.ts";

/** Options of `traefikRoute()`. */
export const traefikRouteSchema = z.strictObject(
  {
    ...routeShape,
    /**
     * Further Traefik middlewares by name (defined outside nixjs), applied after `auth`.
     * @example middlewares: ["compress"]
     */
    middlewares: z.array(identifier("middleware")).optional(),
    /**
     * Entry point; `traefik({ entryPoint })` when absent.
     * @example entryPoint: "websecure"
     */
    entryPoint: identifier("entry point").optional(),
    /**
     * TLS certificate resolver; `traefik({ certResolver })` when absent.
     * @example certResolver: "cloudflare"
     */
    certResolver: identifier("certificate resolver").optional(),
  },
  { error: ROUTE_OPTIONS_ERROR },
);

/** What `traefikRoute()` accepts. */
export type TraefikRouteOptions = Input<typeof traefikRouteSchema>;

/**
 * A Traefik route to the container it is given to: a router, a service and the middlewares in
 * Traefik's `dynamicConfigOptions.http`, written beside the container (seed 000's pattern).
 * `auth` names the provider whose forward auth guards the route (Authelia). The short form of
 * `route({ …, proxy: "traefik" })`.
 *
 * @example traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" })
 * @example traefikRoute({ subdomain: "auth", port: 9091, public: true })
 */
export function traefikRoute(options: TraefikRouteOptions): Route {
  const site = captureSite(traefikRoute);
  return guarded("route", () => routeStandIn(site), () => {
    const o = parseInput(traefikRouteSchema, options, { label: callLabel("traefikRoute"), site }, routeProblems);
    const named = (o.middlewares ?? []).map((name) => branded("middleware", { kind: "named", name, site } satisfies NamedMiddleware));
    return newRoute(
      {
        proxy: "traefik",
        match: { host: routeHost(o), clients: [] },
        target: { kind: "attached", port: o.port },
        middlewares: [...(o.auth === undefined ? [] : [authMiddleware(o.auth, site)]), ...named],
        tls: { certResolver: o.certResolver },
        entryPoint: o.entryPoint,
        public: o.public ?? false,
      },
      site,
    );
  });
}
