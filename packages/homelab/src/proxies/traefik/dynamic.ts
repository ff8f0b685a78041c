/**
 * Traefik's dynamic configuration for the routes to one container: routers, load-balancer
 * services, and the forward-auth middleware a container offers.
 */
import { n, type NixBinding, type NixTrivia } from "@nixjs/expr-printer";
import type { Container } from "../../model/containers.ts";
import { attachedRoutes } from "../../facts/routes.ts";
import type { Route } from "../../model/routing.ts";
import type { Traefik } from "./model.ts";
import type { ReleaseFacts } from "../../releases/table.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { targetParts } from "../../render/core/targets.ts";
import { AttrTree } from "../../render/core/tree.ts";
import type { MainOptions } from "../provider.ts";
import { traefikRouter } from "./router.ts";

export { WEB } from "./effective.ts";

/** Where routes land: the Traefik container's guest config, or the host service (named as the release names it). */
export function dynamicHttpPath(traefik: Traefik, release: ReleaseFacts): string[] {
  const service = ["services", "traefik", release.traefik.dynamic, "http"];
  return traefik.mode === "container" ? ["containers", "traefik", "config", ...service] : service;
}

/** A route to the container it is given to, with its port. */
type ToContainer = Route & { readonly target: { readonly kind: "attached"; readonly port: number } };

/** The routes Traefik serves that target `c` itself (routes with `to` render with the host's). */
function traefikRoutes(ctx: RenderContext, c: Container): ToContainer[] {
  return attachedRoutes(ctx.host, c, "traefik").filter((r): r is ToContainer => r.target.kind === "attached");
}

/** A name safe in Traefik's dynamic config and as a Nix attribute: `photos-example-org`. */
export function label(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * Unique router names: a name taken by an earlier route (several routes on one host name,
 * by path or client) gets `-2`, `-3`, … in declaration order.
 * @example routerNames(["app", "app", "app"]) // ["app", "app-2", "app-3"]
 */
export function routerNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((w) => {
    let name = w;
    for (let k = 2; taken.has(name); k++) name = `${w}-${k}`;
    taken.add(name);
    return name;
  });
}

/**
 * The container's part of Traefik's `dynamicConfigOptions.http`: per route a router (rule,
 * service, entry point, middlewares, TLS) and per target port a load-balancer service (its
 * URL a reference to the container's address), plus, when the container offers forward auth
 * (Authelia), the `forwardAuth` middleware other routes name. camelCase keys throughout
 * (`entryPoints`, `certResolver`): Traefik's file provider is case-sensitive.
 * Router and service are named after the container; with several routes or ports they get
 * a suffix (`<name>-<host>`, `<name>-<port>`).
 */
function traefikHttp(ctx: RenderContext, traefik: Traefik, c: Container, main?: MainOptions): AttrTree | undefined {
  const routes = traefikRoutes(ctx, c);
  const offersAuth = c.backend === "nspawn" && c.forwardAuth !== undefined;
  if (routes.length === 0 && !offersAuth) return undefined;
  const http = new AttrTree();
  const ports = [...new Set(routes.map((r) => r.target.port))];
  const serviceName = (port: number): string => (ports.length === 1 ? c.name : `${c.name}-${port}`);
  for (const port of ports) {
    const url = n.str(["http://", ...targetParts(c, port, port === main?.port ? main.portExpr : undefined)]);
    http.set(["services", serviceName(port), "loadBalancer", "servers"], n.list([n.attrs({ url })]));
  }
  const names = routerNames(routes.map((r) => (routes.length === 1 ? c.name : `${c.name}-${label(r.match.host.name)}`)));
  routes.forEach((route, i) => {
    const name = names[i]!;
    const host = i === 0 && main?.domainExpr !== undefined ? [main.domainExpr] : hostNameParts(ctx.lab, route.match.host);
    const rendered = traefikRouter(traefik, route, { name, host, service: serviceName(route.target.port) });
    http.set(["routers", name], rendered.router);
    for (const [m, value] of rendered.middlewares) http.set(["middlewares", m], value);
  });
  if (c.backend === "nspawn" && c.forwardAuth !== undefined) {
    const fa = c.forwardAuth;
    const auth = new AttrTree()
      .set(["address"], n.str(["http://", ...targetParts(c, fa.port), fa.path]))
      .set(["trustForwardHeader"], n.bool(true))
      .set(["authResponseHeaders"], n.list(fa.authResponseHeaders.map((h) => n.str(h))));
    http.set(["middlewares", c.name, "forwardAuth"], auth);
  }
  return http;
}

/** The bindings that route to a container through Traefik (none when it has no Traefik route). */
export function traefikRouteBindings(ctx: RenderContext, traefik: Traefik, c: Container, main?: MainOptions, trivia: NixTrivia = {}): NixBinding[] {
  const http = traefikHttp(ctx, traefik, c, main);
  return http === undefined ? [] : [n.bind(dynamicHttpPath(traefik, ctx.facts.release), http.toAttrs(), trivia)];
}
