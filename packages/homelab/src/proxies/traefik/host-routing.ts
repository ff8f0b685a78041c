/**
 * Traefik's part of `host.nix`: what belongs to no single container. The routes with a target
 * of their own (`to`: a container by name, a host service or port, a LAN device, the
 * dashboard, a redirect) and every middleware value the routes share, each defined ONCE.
 *
 * Why `host.nix`: a middleware shared by routes in several containers' files cannot live in
 * any one of them (two files defining one name would be two definitions of one TOML key), and
 * Traefik's own file builds its container's configuration as one value, where a reference to
 * another container's address would need the host's `config` under another name. `host.nix`
 * is a host module: `config.containers.<name>.localAddress` is simply the host's.
 */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { forwardAuthEndpoint as sharedEndpoint } from "../../auth/endpoints.ts";
import type { PlacedRoute, ResolvedTarget } from "../../facts/routes.ts";
import type { Middleware } from "../../model/middleware.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { dataToNix } from "../../render/core/data.ts";
import { reachableAddress, remoteParts, targetParts } from "../../render/core/targets.ts";
import { AttrTree } from "../../render/core/tree.ts";
import { compareCodeUnits } from "../../util/order.ts";
import type { HostSection } from "../provider.ts";
import { dynamicHttpPath, label, routerNames } from "./dynamic.ts";
import { outpostRouters } from "./outpost.ts";
import { definedMiddlewares, middlewareConfig, type ForwardAuthEndpoint } from "./middleware-config.ts";
import type { Traefik } from "./model.ts";
import { routedByLabels } from "./podman-routes.ts";
import { traefikRouter } from "./router.ts";

/**
 * Where Traefik asks a provider, from the one endpoint function every proxy shares
 * (`auth/endpoints.ts`: an `authelia()`/`authentik()` provider, else a container offering
 * `forwardAuth`). `validate` reports unknown providers before render runs.
 */
export function forwardAuthEndpoint(ctx: RenderContext): ForwardAuthEndpoint {
  return (name) => {
    const e = sharedEndpoint(ctx.host, name, "traefik");
    if (e === undefined) throw new Error(`render: no forward-auth provider named ${name}`);
    return { address: e.address, authResponseHeaders: e.authResponseHeaders };
  };
}

/** True for the forward-auth middleware a container's own file defines (`forwardAuth: { port }`). */
function definedByContainer(ctx: RenderContext, m: Middleware): boolean {
  return m.kind === "forwardAuth" && m.name === m.provider && ctx.containers.some((c) => c.name === m.provider && c.backend === "nspawn" && c.forwardAuth !== undefined);
}

/** The URL a resolved target is reached at, or the internal service it is (`api@internal`). */
function backend(target: ResolvedTarget): { readonly url: NixExpr } | { readonly service: string } | undefined {
  switch (target.kind) {
    case "container":
      return { url: n.str(["http://", ...targetParts(target.container, target.port)]) };
    case "service": {
      const p = target.service.ports.find((x) => x.port === target.port && x.protocol === "tcp");
      return { url: n.str(`http://${reachableAddress(p?.address)}:${target.port}`) };
    }
    case "hostPort":
      return { url: n.str(`http://${reachableAddress(target.address)}:${target.port}`) };
    case "url":
      return { url: n.str(target.url) };
    case "remote":
      return { url: n.str(["http://", ...remoteParts(target.host, target.port)]) };
    case "podman":
      return { url: n.str(`http://${target.container}:${target.port}`) };
    case "traefikApi":
      return { service: "api@internal" };
    case "redirect":
      return { service: "noop@internal" };
    case "missing":
      return undefined;
  }
}

/**
 * The routes Traefik serves with a target of their own (`to`), of enabled containers and the
 * host; in Podman, not those to a Podman container nixjs defines: they are that container's
 * labels (`podman-routes.ts`), and a second router of the same name would clash.
 */
function ownTargetRoutes(ctx: RenderContext): PlacedRoute[] {
  return ctx.facts.routes.filter((r) => r.proxy === "traefik" && r.route.target.kind !== "attached" && !routedByLabels(ctx.host, r.route));
}

/** `http.middlewares`: every middleware value of the host's Traefik routes, once each. */
function sharedMiddlewares(ctx: RenderContext, http: AttrTree): void {
  const routes = ctx.facts.routes.filter((r) => r.proxy === "traefik");
  const endpoint = forwardAuthEndpoint(ctx);
  // By name: a route added or moved does not reorder the others.
  const defined = definedMiddlewares(routes.flatMap((r) => r.route.middlewares)).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const m of defined) {
    if (definedByContainer(ctx, m)) continue;
    const config = middlewareConfig(m, endpoint);
    if (config !== undefined) http.set(["middlewares", m.name], dataToNix(config, { hostConfig: "config", path: `traefik.middlewares.${m.name}` }));
  }
}

/**
 * Traefik's section of `host.nix` (none when no route needs one): the host's routers and
 * services, the shared middlewares, and the Authentik outpost routers (`outpost.ts`), in
 * Traefik's dynamic configuration.
 */
export function traefikHostSections(ctx: RenderContext, traefik: Traefik): HostSection[] {
  const http = new AttrTree();
  sharedMiddlewares(ctx, http);
  const routes = ownTargetRoutes(ctx).filter((r) => backend(r.target) !== undefined);
  const names = routerNames(routes.map((r) => label(r.host)));
  routes.forEach((r, i) => {
    const name = names[i]!;
    const to = backend(r.target)!;
    const service = "service" in to ? to.service : name;
    if ("url" in to) http.set(["services", name, "loadBalancer", "servers"], n.list([n.attrs({ url: to.url })]));
    const rendered = traefikRouter(traefik, r.route, { name, host: hostNameParts(ctx.lab, r.route.match.host), service });
    http.set(["routers", name], rendered.router);
    for (const [m, value] of rendered.middlewares) http.set(["middlewares", m], value);
  });
  outpostRouters(ctx, traefik, http);
  if (http.size === 0) return [];
  const comment = ["Traefik: the middlewares routes share (each defined once) and the routes", "to targets of their own (host services and ports, LAN devices, the dashboard, redirects)."];
  return [{ comment, bindings: [n.bind(dynamicHttpPath(traefik, ctx.facts.release), http.toAttrs())] }];
}
