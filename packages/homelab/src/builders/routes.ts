import type { CaddyRoute, RouteHost, SourceSite, TraefikRoute } from "../model/index.ts";
import {
  caddyRouteSchema,
  routeProblems,
  traefikRouteSchema,
  type CaddyRouteOptions,
  type TraefikRouteOptions,
} from "../schema/routes.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { parseInput } from "./parse.ts";

function routeHost(o: { subdomain?: string | undefined; host?: string | undefined }): RouteHost {
  return o.host !== undefined ? { kind: "fqdn", name: o.host } : { kind: "subdomain", name: o.subdomain! };
}

/** What a rejected route call stands for while the rest of the config loads. */
function routeStandIn(site: SourceSite): object {
  return { host: { kind: "subdomain", name: "invalid" }, port: 1, middlewares: [], basicAuth: [], public: true, site };
}

/**
 * A Traefik route to the container it is given to: a router, a service and the middlewares in
 * Traefik's `dynamicConfigOptions.http`, written beside the container (seed 000's pattern).
 * `auth` names the container whose `forwardAuth` guards the route (Authelia).
 *
 * @example traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" })
 * @example traefikRoute({ subdomain: "auth", port: 9091, public: true })
 */
export function traefikRoute(options: TraefikRouteOptions): TraefikRoute {
  const site = captureSite(traefikRoute);
  return guarded("traefikRoute", () => routeStandIn(site), () => {
    const o = parseInput(traefikRouteSchema, options, { label: callLabel("traefikRoute"), site }, routeProblems);
    return branded("traefikRoute", {
      kind: "traefikRoute",
      host: routeHost(o),
      port: o.port,
      ...optional("auth", o.auth),
      middlewares: o.middlewares ?? [],
      ...optional("entryPoint", o.entryPoint),
      ...optional("certResolver", o.certResolver),
      public: o.public ?? false,
      site,
    } satisfies TraefikRoute);
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
