/**
 * Routes: one route per host name, a proxy for every route, a served target port, a real
 * forward-auth provider, and (warnings) authentication and loopback-only published targets.
 */
import type { Container, Route } from "../../model/index.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";

interface PlacedRoute extends Located {
  readonly c: Container;
  readonly route: Route;
  readonly host: string;
}

/** The host name a route answers to. @example routeHostName(r, "example.org") // "photos.example.org" */
export function routeHostName(route: Route, domain: string): string {
  return route.host.kind === "fqdn" ? route.host.name : `${route.host.name}.${domain}`;
}

/** Ports the proxy can reach on `c` (TCP): service ports, or published host ports. */
export function servedPorts(c: Container): ReadonlySet<number> | undefined {
  if (c.backend === "nspawn") return new Set(c.ports.filter((p) => p.protocol === "tcp").map((p) => p.port));
  if (c.network === "host") return undefined; // the ports a host-network image binds are unknown
  return new Set(c.ports.filter((p) => p.protocol === "tcp").map((p) => p.hostPort));
}

function checkTarget(ctx: CheckContext, r: PlacedRoute, served: ReadonlySet<number> | undefined): void {
  const { report, lab } = ctx;
  const { c, route } = r;
  if (route.kind === "traefikRoute" && lab.traefik === undefined) {
    report.error("traefik-missing", r, `a traefikRoute needs Traefik: add traefik: traefik({...}) to homelab(), or use caddyRoute`);
  }
  if (route.kind === "traefikRoute" && lab.traefik !== undefined && route.entryPoint !== undefined) {
    const known = ["web", lab.traefik.entryPoint];
    if (!known.includes(route.entryPoint)) {
      report.error("unknown-entry-point", r, `${r.host} uses entry point "${route.entryPoint}", which Traefik does not define (it has ${known.map((k) => `"${k}"`).join(" and ")}): drop entryPoint or use one of those`);
    }
  }
  if (route.kind === "caddyRoute" && lab.caddy === undefined) {
    report.error("caddy-missing", r, `a caddyRoute needs Caddy: add caddy: caddy({...}) to homelab(), or use traefikRoute`);
  }
  if (served !== undefined && !served.has(route.port)) {
    const what = c.backend === "nspawn" ? "ports" : "its published host ports (ports)";
    report.error("route-port-unserved", r, `${r.host} routes to port ${route.port}, which ${c.name} does not serve: add ${route.port} to ${what}, or route to one of [${[...served].join(", ")}]`);
  }
  if (c.backend === "podman" && served?.has(route.port)) {
    const exposed = c.ports.find((p) => p.hostPort === route.port && p.protocol === "tcp" && !isLoopback(p.hostAddress));
    if (exposed !== undefined) {
      report.warning("routed-port-exposed", r, `${r.host} routes to port ${route.port}, which ${c.name} also publishes on ${exposed.hostAddress}: clients can bypass the proxy (and its auth); publish it as "127.0.0.1:${route.port}:${exposed.containerPort}"`);
    }
  }
}

function checkAuth(ctx: CheckContext, r: PlacedRoute, providers: ReadonlyMap<string, readonly Container[]>): void {
  const { report } = ctx;
  const { c, route } = r;
  if (route.auth === undefined) {
    const basic = route.kind === "caddyRoute" && route.basicAuth.length > 0;
    if (!route.public && !basic) {
      report.warning("route-no-auth", r, `${r.host} is reachable without authentication: set auth (e.g. auth: "authelia")${route.kind === "caddyRoute" ? " or basicAuth" : ""}, or public: true if that is intended`);
    }
    return;
  }
  if (route.auth === c.name) {
    report.error("route-auth-self", r, `${r.host} is the auth provider's own route; it cannot be behind itself: drop auth and set public: true`);
    return;
  }
  if (providers.has(route.auth)) return;
  const target = ctx.byName.get(route.auth)?.[0];
  const why =
    target === undefined ? `there is no container "${route.auth}"`
    : !target.enable ? `container "${route.auth}" is disabled`
    : `container "${route.auth}" has no forwardAuth`;
  report.error("route-auth-unknown", r, `${r.host} uses auth "${route.auth}", but ${why}: give that container forwardAuth: { port }, or name another`, target === undefined ? [] : [at(target)]);
}

export function checkRoutes(ctx: CheckContext): void {
  const routes: PlacedRoute[] = [];
  for (const c of ctx.enabled) {
    c.routes.forEach((route, i) => routes.push({ ...at(c, `.routes[${i}]`), c, route, host: routeHostName(route, ctx.lab.domain) }));
  }
  const providers = groupBy(
    ctx.enabled.filter((c) => c.backend === "nspawn" && c.forwardAuth !== undefined),
    (c) => c.name,
  );
  reportGroups(groupBy(routes, (r) => r.host).values(), (member, others, total) =>
    ctx.report.error("route-host-conflict", member, `${member.host} is also routed by ${nameOthers(others, total)}: give each route its own host name`, others),
  );
  const served = new Map<Container, ReadonlySet<number> | undefined>();
  for (const r of routes) {
    if (!served.has(r.c)) served.set(r.c, servedPorts(r.c));
    checkTarget(ctx, r, served.get(r.c));
    checkAuth(ctx, r, providers);
  }
  for (const c of ctx.enabled) {
    if (c.backend !== "nspawn" || c.forwardAuth === undefined) continue;
    const served = servedPorts(c)!;
    if (!served.has(c.forwardAuth.port)) {
      ctx.report.error("forward-auth-port-unserved", at(c, ".forwardAuth.port"), `forwardAuth uses port ${c.forwardAuth.port}, which ${c.name} does not serve: add it to ports`);
    }
  }
}
