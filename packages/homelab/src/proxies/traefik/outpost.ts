/**
 * Authentik's forward auth needs more than the middleware: after the login, Authentik sends the
 * browser back to `/outpost.goauthentik.io/callback` on the application's own host name, so on
 * every host name a route protects through Authentik, that path prefix must reach Authentik's
 * outpost (Authentik's "Forward auth (single application)" setup for Traefik). nixjs adds that
 * router beside the application's, so the routes and the outpost can never disagree.
 */
import { n } from "@nixjs/expr-printer";
import { forwardAuthEndpoint, type ForwardAuthEndpoint } from "../../auth/endpoints.ts";
import type { PlacedRoute } from "../../facts/routes.ts";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import type { AttrTree } from "../../render/core/tree.ts";
import { label } from "./dynamic.ts";
import type { Traefik } from "./model.ts";
import { traefikRouter } from "./router.ts";

/**
 * Above any priority a user gives a route (Traefik's default is the rule's length): the
 * outpost's callback must win over the application's own path routes on that host name.
 */
export const OUTPOST_PRIORITY = 10000;

/** The Authentik endpoints a route's chain asks, with the prefix their outpost answers on. */
function outpostsOf(ctx: RenderContext, r: PlacedRoute): (ForwardAuthEndpoint & { readonly outpostPrefix: string })[] {
  const out: (ForwardAuthEndpoint & { readonly outpostPrefix: string })[] = [];
  for (const m of flatMiddlewares(r.route.middlewares)) {
    if (m.kind !== "forwardAuth") continue;
    const e = forwardAuthEndpoint(ctx.host, m.provider, "traefik");
    if (e?.outpostPrefix !== undefined) out.push({ ...e, outpostPrefix: e.outpostPrefix });
  }
  return out;
}

/**
 * For every (host name, entry point, Authentik provider) a Traefik route protects, a router
 * `<host>-<provider>-outpost` for the outpost prefix and a service `<provider>-outpost`, added
 * to `http` in host order (declaration order of the routes; one per host name and provider).
 * @example outpostRouters(ctx, traefik, http) // routers."app-example-org-authentik-outpost"
 */
export function outpostRouters(ctx: RenderContext, traefik: Traefik, http: AttrTree): void {
  const seen = new Set<string>();
  const services = new Set<string>();
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "traefik") continue;
    for (const e of outpostsOf(ctx, r)) {
      const name = `${label(r.host)}-${e.provider}-outpost`;
      const key = `${name}\u0000${r.route.entryPoint ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const service = `${e.provider}-outpost`;
      if (!services.has(service)) http.set(["services", service, "loadBalancer", "servers"], n.list([n.attrs({ url: n.str(["http://", ...e.authority]) })]));
      services.add(service);
      const route: Route = {
        ...r.route,
        match: { host: r.route.match.host, path: { kind: "prefix", prefix: e.outpostPrefix, strip: false }, clients: [] },
        middlewares: [],
        priority: OUTPOST_PRIORITY,
      };
      const rendered = traefikRouter(traefik, route, { name, host: hostNameParts(ctx.lab, r.route.match.host), service });
      http.set(["routers", name], rendered.router);
    }
  }
}
