/** What every route builder shares: `route()` and its short forms (`proxies/<kind>/route.ts`). */
import type { CaddyReverseProxy } from "../proxies/caddy/model.ts";
import type { ForwardAuthMiddleware, Middleware } from "../model/middleware.ts";
import type { ProxyKind } from "../model/proxies.ts";
import type { Route, RouteHost, RouteMatch, RouteTarget, RouteTls } from "../model/routing.ts";
import type { SourceSite } from "../model/site.ts";
import { branded, optional } from "./freeze.ts";

/**
 * The host a route answers to, from its `subdomain` or `host` option (the schema made sure
 * there is exactly one).
 * @example routeHost({ subdomain: "photos" }) // { kind: "subdomain", name: "photos" }
 */
export function routeHost(o: { subdomain?: string | undefined; host?: string | undefined }): RouteHost {
  return o.host !== undefined ? { kind: "fqdn", name: o.host } : { kind: "subdomain", name: o.subdomain! };
}

/**
 * What a rejected route call stands for while the rest of the config loads (never validated
 * or rendered).
 * @example guarded("route", () => routeStandIn(site), build)
 */
export function routeStandIn(site: SourceSite): object {
  return {
    match: { host: { kind: "subdomain", name: "invalid" }, clients: [] },
    target: { kind: "attached", port: 1 },
    middlewares: [],
    tls: { domains: [], internal: false },
    public: true,
    site,
  };
}

/**
 * The forward-auth middleware a route's `auth: "<provider>"` stands for, named after the
 * provider (the name Traefik's middleware has always had: the provider container's).
 * @example authMiddleware("authelia", site) // forwardAuth "authelia", provider "authelia"
 */
export function authMiddleware(provider: string, site: SourceSite): ForwardAuthMiddleware {
  return branded("middleware", { kind: "forwardAuth", name: provider, provider, site } satisfies ForwardAuthMiddleware);
}

/** The parts of a route, as each builder computes them. */
export interface RouteParts {
  readonly proxy?: ProxyKind | undefined;
  readonly match: RouteMatch;
  readonly target: RouteTarget;
  readonly middlewares: readonly Middleware[];
  readonly priority?: number | undefined;
  readonly tls?: { readonly [K in keyof RouteTls]?: RouteTls[K] | undefined } | undefined;
  readonly entryPoint?: string | undefined;
  readonly public: boolean;
  readonly extraConfig?: string | undefined;
  readonly reverseProxy?: CaddyReverseProxy | undefined;
}

/**
 * A route model object, branded and frozen; every builder makes its routes here, so all
 * routes have one shape (field order included).
 * @example newRoute({ match, target: { kind: "attached", port: 80 }, middlewares: [], public: false }, site)
 */
export function newRoute(p: RouteParts, site: SourceSite): Route {
  const tls = p.tls ?? {};
  return branded("route", {
    kind: "route",
    ...optional("proxy", p.proxy),
    match: p.match,
    target: p.target,
    middlewares: p.middlewares,
    ...optional("priority", p.priority),
    tls: {
      ...optional("certResolver", tls.certResolver),
      domains: tls.domains ?? [],
      ...optional("options", tls.options),
      ...optional("email", tls.email),
      internal: tls.internal ?? false,
    },
    ...optional("entryPoint", p.entryPoint),
    public: p.public,
    ...optional("extraConfig", p.extraConfig),
    ...optional("reverseProxy", p.reverseProxy),
    site,
  } satisfies Route);
}
