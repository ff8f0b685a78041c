/**
 * The routes as the auth and DNS derivations read them: the host name each answers, its path
 * and client matchers, and its middleware chain flattened. The one place that knows how routes
 * are modelled, so the derivations do not change when the routing model does.
 */
import { hostFacts } from "../facts/host-facts.ts";
import type { Located } from "../facts/located.ts";
import type { Homelab, Host } from "../model/index.ts";
import type { Middleware } from "../model/middleware.ts";
import type { PathMatch } from "../model/routing.ts";
import { authProviderNames } from "./endpoints.ts";

/** A route, as access control and DNS rewrites see it. */
export interface AuthRoute extends Located {
  /** The host name it answers: `photos.example.org`. */
  readonly host: string;
  /** Its path matcher (absent: every path). */
  readonly pathMatch?: PathMatch;
  /** Client addresses it is limited to (empty: any). */
  readonly clients: readonly string[];
  /** Its middlewares, chains flattened, in order. */
  readonly middlewares: readonly Middleware[];
}

/**
 * The routes of a host's enabled containers. A route's `auth` is a forward-auth middleware at
 * the front of its chain; a Traefik middleware named after a provider is one too (it is that
 * provider's middleware), and Caddy's `basicAuth` a basic-auth middleware.
 * @example authRoutes(lab, host).map((r) => r.host)
 */
export function authRoutes(lab: Homelab, host: Host): AuthRoute[] {
  const providers = authProviderNames(host);
  return hostFacts(lab, host).routes.map((placed): AuthRoute => {
    const { route } = placed;
    const site = route.site;
    const forward = (name: string): Middleware => ({ kind: "forwardAuth", name, provider: name, site });
    const middlewares: Middleware[] = route.auth === undefined ? [] : [forward(route.auth)];
    if (route.kind === "traefikRoute") {
      for (const name of route.middlewares) middlewares.push(providers.has(name) ? forward(name) : { kind: "named", name, site });
    } else if (route.basicAuth.length > 0) {
      middlewares.push({ kind: "basicAuth", name: `${placed.c.name}-basic-auth`, users: route.basicAuth, site });
    }
    return { subject: placed.subject, path: placed.path, site: placed.site, host: placed.host, clients: [], middlewares };
  });
}

/**
 * The routed host names, each once, in code-unit order.
 * @example routedHostNames(lab, host) // ["auth.example.org", "photos.example.org"]
 */
export function routedHostNames(lab: Homelab, host: Host): string[] {
  return [...new Set(authRoutes(lab, host).map((r) => r.host))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
