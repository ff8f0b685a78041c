/**
 * The routes as the auth and DNS derivations read them (from the route facts, which the checks
 * and the proxies' renderers read too): the host name each answers, its path and client
 * matchers, and its middleware chain flattened.
 */
import { hostFacts } from "../facts/host-facts.ts";
import type { Located } from "../facts/located.ts";
import type { Homelab, Host } from "../model/index.ts";
import { flatMiddlewares, type Middleware } from "../model/middleware.ts";
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
 * The routes of the host (its enabled containers' and its own), from the route facts. A Traefik
 * middleware named after a provider (`middlewares: ["authelia"]`, defined elsewhere) is that
 * provider's forward auth, so it counts as one.
 * @example authRoutes(lab, host).map((r) => r.host)
 */
export function authRoutes(lab: Homelab, host: Host): AuthRoute[] {
  const providers = authProviderNames(host);
  const asAuth = (m: Middleware): Middleware =>
    m.kind === "named" && providers.has(m.name) ? { kind: "forwardAuth", name: m.name, provider: m.name, site: m.site } : m;
  return hostFacts(lab, host).routes.map((placed): AuthRoute => {
    const { match } = placed.route;
    return {
      subject: placed.subject,
      path: placed.path,
      site: placed.site,
      host: placed.host,
      ...(match.path === undefined ? {} : { pathMatch: match.path }),
      clients: match.clients,
      middlewares: flatMiddlewares(placed.route.middlewares).map(asAuth),
    };
  });
}

/**
 * The routed host names, each once, in code-unit order.
 * @example routedHostNames(lab, host) // ["auth.example.org", "photos.example.org"]
 */
export function routedHostNames(lab: Homelab, host: Host): string[] {
  return [...new Set(authRoutes(lab, host).map((r) => r.host))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
