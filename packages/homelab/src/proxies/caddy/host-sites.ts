/**
 * Caddy's sites for routes that do not target the container they are given to: host-level
 * routes (`homelab({ routes })`) and routes with `to` given to a container, in `host.nix`
 * (Caddy has no file of its own; Traefik renders its host-level routes there too). Routes of
 * one host name share a site: each is a `handle` block (`handle_path` when it strips its
 * prefix), with a named matcher for regex paths and client addresses.
 */
import { n, type NixBinding, type NixStringPart } from "@nixjs/expr-printer";
import type { PlacedRoute } from "../../facts/routes.ts";
import { flatMiddlewares } from "../../model/middleware.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { upstreamParts } from "../../render/core/upstream.ts";
import { caddyLines } from "./sites.ts";

/** The routes Caddy serves that are not to their own container. */
export function caddyHostRoutes(ctx: RenderContext): PlacedRoute[] {
  return ctx.facts.routes.filter((r) => r.proxy === "caddy" && r.route.target.kind !== "attached");
}

/** The handler of one route: auth, then the upstream or the redirect, then its own directives. */
function handler(r: PlacedRoute): NixStringPart[][] {
  const lines: NixStringPart[][] = [];
  const chain = flatMiddlewares(r.route.middlewares);
  for (const m of chain) {
    if (m.kind !== "basicAuth") continue;
    lines.push(["basicauth {"]);
    for (const u of m.users) lines.push([`  ${u.user} ${u.hash}`]);
    lines.push(["}"]);
  }
  for (const m of chain) if (m.kind === "forwardAuth") lines.push([`import ${m.provider}`]);
  const upstream = upstreamParts(r.target);
  if (r.target.kind === "redirect") lines.push([`redir ${r.target.to.replace(/\/+$/, "")}{uri} ${r.target.permanent ? "permanent" : "temporary"}`]);
  else if (upstream !== undefined) lines.push(["reverse_proxy ", ...upstream]);
  const extra = r.route.extraConfig;
  if (extra !== undefined && extra.trim() !== "") for (const line of extra.replace(/\n+$/, "").split("\n")) lines.push([line]);
  return lines;
}

const indent = (lines: readonly NixStringPart[][]): NixStringPart[][] => lines.map((l) => ["  ", ...l]);

/** A route as a `handle` block of a shared site, with its matcher. */
function handleBlock(r: PlacedRoute, i: number): NixStringPart[][] {
  const { path, clients } = r.route.match;
  const body = handler(r);
  if (clients.length === 0 && path?.kind !== "regex") {
    if (path === undefined) return [["handle {"], ...indent(body), ["}"]];
    return [[`${path.strip ? "handle_path" : "handle"} ${path.prefix}*`, " {"], ...indent(body), ["}"]];
  }
  const matcher = `@route${i}`;
  const conditions: NixStringPart[][] = [];
  if (path?.kind === "prefix") conditions.push([`path ${path.prefix}*`]);
  if (path?.kind === "regex") conditions.push([`path_regexp ${path.pattern}`]);
  if (clients.length > 0) conditions.push([`remote_ip ${clients.join(" ")}`]);
  const strip = path?.kind === "prefix" && path.strip ? [[`uri strip_prefix ${path.prefix}`]] : [];
  return [[`${matcher} {`], ...indent(conditions), ["}"], [`handle ${matcher} {`], ...indent([...strip, ...body]), ["}"]];
}

/** One `virtualHosts.<host>.extraConfig` per host name, in first-route order. */
export function caddyHostSiteBindings(ctx: RenderContext): NixBinding[] {
  const byHost = new Map<string, PlacedRoute[]>();
  for (const r of caddyHostRoutes(ctx)) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r]);
  return [...byHost.values()].map((routes) => {
    const first = routes[0]!;
    const body: NixStringPart[][] = [];
    const email = routes.find((r) => r.route.tls.email !== undefined)?.route.tls.email;
    if (email !== undefined) body.push([`tls ${email}`]);
    else if (routes.some((r) => r.route.tls.internal)) body.push(["tls internal"]);
    const single = routes.length === 1 && first.route.match.path === undefined && first.route.match.clients.length === 0;
    if (single) body.push(...handler(first));
    else routes.forEach((r, i) => body.push(...handleBlock(r, i)));
    return n.bind(["services", "caddy", "virtualHosts", n.str(hostNameParts(ctx.lab, first.route.match.host)), "extraConfig"], n.indented(caddyLines(...body)));
  });
}
