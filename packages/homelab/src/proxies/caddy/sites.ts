/**
 * Caddy sites: one virtual host per host name (and site port: a route with `sitePort` is
 * served at Caddy's `host:port` site address, a site of its own), its body Caddyfile text
 * (`site-body.ts`). All routes of one host name and site port go into one site, since Caddy
 * picks among a site's `handle` blocks only within one block (and NixOS joins `extraConfig`
 * definitions from several files in an order nobody chose). A site whose routes all target the
 * container they are given to is written in that container's file, as it always was; a site
 * with host-level routes, or routes of several containers, in `host.nix`'s Caddy section.
 */
import { n, type NixBinding, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { attachedRoutes, routeHostName, type PlacedRoute } from "../../facts/routes.ts";
import type { Container } from "../../model/containers.ts";
import type { Host } from "../../model/homelab.ts";
import type { Route } from "../../model/routing.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import type { MainOptions } from "../provider.ts";
import type { DirectiveOptions } from "./directives.ts";
import type { Caddy } from "./model.ts";
import { siteBody, type SiteRoute } from "./site-body.ts";
import { targetLines } from "./upstreams.ts";

/** A route to the container it is given to, with its port. */
export type ToContainer = Route & { readonly target: { readonly kind: "attached"; readonly port: number } };

/** The routes Caddy serves that target `c` itself. */
export function caddyRoutes(host: Pick<Host, "proxies">, c: Container): ToContainer[] {
  return attachedRoutes(host, c, "caddy").filter((r): r is ToContainer => r.target.kind === "attached");
}

/** Caddyfile lines as one string, each line ended by a newline. */
export function caddyLines(...items: readonly (readonly NixStringPart[])[]): NixStringPart[] {
  return items.flatMap((parts) => [...parts, "\n"]);
}

/** What directives need from Caddy: `client_ip` once it trusts proxies (their X-Forwarded-For). */
export function directiveOptions(caddy: Caddy): DirectiveOptions {
  return { clientMatcher: caddy.trustedProxies === undefined ? "remote_ip" : "client_ip" };
}

/**
 * A site's address: the host name, with `:<sitePort>` when the route asks for a port of its own
 * (the NixOS module writes a virtual host's key as the site address).
 * @example siteAddress("app.home.arpa", 8443) // "app.home.arpa:8443"
 */
export function siteAddress(hostName: string, sitePort: number | undefined): string {
  return sitePort === undefined ? hostName : `${hostName}:${sitePort}`;
}

/** A site's key as a Nix string: the host name's parts (or `hostParts`), then `:<sitePort>`. */
function siteKey(hostParts: readonly NixStringPart[], sitePort: number | undefined): NixExpr {
  return n.str(sitePort === undefined ? [...hostParts] : [...hostParts, `:${sitePort}`]);
}

/** The enabled routes Caddy serves on the host, by site address, in first-seen order. */
export function caddySites(ctx: RenderContext): Map<string, PlacedRoute[]> {
  const sites = new Map<string, PlacedRoute[]>();
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "caddy") continue;
    const key = siteAddress(r.host, r.route.match.sitePort);
    const group = sites.get(key);
    if (group === undefined) sites.set(key, [r]);
    else group.push(r);
  }
  return sites;
}

/** True when every route of a site targets the container it is given to, and it is `c`. */
function ownedBy(routes: readonly PlacedRoute[], c: Container): boolean {
  return routes.every((r) => r.owner === c && r.route.target.kind === "attached");
}

/**
 * The sites in `c`'s file: its routes' host names no other container's route or host-level
 * route shares (a disabled container's routes too: its file is written, not enabled). In the
 * modules layout (`main`) the first site is named `cfg.domain` and the main port is `cfg.port`.
 */
export function caddySiteBindings(ctx: RenderContext, caddy: Caddy, c: Container, main?: MainOptions): NixBinding[] {
  const shared = caddySites(ctx);
  const own = new Map<string, ToContainer[]>();
  for (const route of caddyRoutes(ctx.host, c)) {
    const name = siteAddress(routeHostName(route.match.host, ctx.lab.domain), route.match.sitePort);
    const placed = shared.get(name);
    if (placed !== undefined && !ownedBy(placed, c)) continue;
    own.set(name, [...(own.get(name) ?? []), route]);
  }
  return [...own.values()].map((routes, i) => {
    const first = routes[0]!;
    const sitePort = first.match.sitePort;
    const site: NixExpr =
      i === 0 && main?.domainExpr !== undefined
        ? sitePort === undefined
          ? main.domainExpr
          : siteKey([main.domainExpr], sitePort)
        : siteKey(hostNameParts(ctx.lab, first.match.host), sitePort);
    const siteRoutes: SiteRoute[] = routes.map((route) => {
      const portExpr = main !== undefined && route.target.port === main.port ? main.portExpr : undefined;
      return { route, target: targetLines({ kind: "container", container: c, port: route.target.port }, route.reverseProxy, portExpr) };
    });
    return n.bind(["services", "caddy", "virtualHosts", site, "extraConfig"], n.indented(caddyLines(...siteBody(siteRoutes, directiveOptions(caddy)))));
  });
}

/** The sites of `host.nix`: those with host-level routes or routes of several containers. */
export function hostSiteBindings(ctx: RenderContext, caddy: Caddy): NixBinding[] {
  const bindings: NixBinding[] = [];
  for (const routes of caddySites(ctx).values()) {
    const owner = routes[0]!.owner;
    if (owner !== undefined && ownedBy(routes, owner)) continue;
    const siteRoutes: SiteRoute[] = routes.map((r) => ({ route: r.route, target: targetLines(r.target, r.route.reverseProxy) }));
    const first = routes[0]!.route;
    const name = siteKey(hostNameParts(ctx.lab, first.match.host), first.match.sitePort);
    bindings.push(n.bind(["virtualHosts", name, "extraConfig"], n.indented(caddyLines(...siteBody(siteRoutes, directiveOptions(caddy))))));
  }
  return bindings;
}
