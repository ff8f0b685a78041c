/**
 * Routes: one route per host name, a proxy for every route, a served target port, a real
 * forward-auth provider, and (warnings) authentication and loopback-only published targets.
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import { servedPorts } from "../../facts/routes.ts";
import type { Container } from "../../model/index.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { routeProvider } from "../../proxies/index.ts";
import { at, type CheckContext } from "../context.ts";
import { authProviderNames } from "../../auth/endpoints.ts";
import { groupBy, nameOthers, reportGroups } from "../report.ts";

function checkTarget(ctx: CheckContext, r: PlacedRoute, served: ReadonlySet<number> | undefined): void {
  const { report, host } = ctx;
  const { c, route } = r;
  const provider = routeProvider(route.kind);
  if (!host.proxies.some((p) => p.kind === provider.kind)) report.error(`${provider.kind}-missing`, r, provider.missing);
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
    const provider = routeProvider(route.kind);
    if (!route.public && !provider.routeAuthenticates(route)) {
      const own = provider.routeAuthOption === undefined ? "" : ` or ${provider.routeAuthOption}`;
      report.warning("route-no-auth", r, `${r.host} is reachable without authentication: set auth (e.g. auth: "authelia")${own}, or public: true if that is intended`);
    }
    return;
  }
  if (route.auth === c.name) {
    report.error("route-auth-self", r, `${r.host} is the auth provider's own route; it cannot be behind itself: drop auth and set public: true`);
    return;
  }
  if (providers.has(route.auth) || authProviderNames(ctx.host).has(route.auth)) return;
  const target = ctx.facts.byName.get(route.auth)?.[0];
  const why =
    target === undefined ? `there is no container "${route.auth}"`
    : !target.enable ? `container "${route.auth}" is disabled`
    : `container "${route.auth}" has no forwardAuth`;
  report.error("route-auth-unknown", r, `${r.host} uses auth "${route.auth}", but ${why}: give that container forwardAuth: { port }, or name another`, target === undefined ? [] : [at(target)]);
}

export function checkRoutes(ctx: CheckContext): void {
  const { routes, enabled } = ctx.facts;
  const providers = groupBy(
    enabled.filter((c) => c.backend === "nspawn" && c.forwardAuth !== undefined),
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
  for (const c of enabled) {
    if (c.backend !== "nspawn" || c.forwardAuth === undefined) continue;
    if (!servedPorts(c)!.has(c.forwardAuth.port)) {
      ctx.report.error("forward-auth-port-unserved", at(c, "forwardAuth", "port"), `forwardAuth uses port ${c.forwardAuth.port}, which ${c.name} does not serve: add it to ports`);
    }
  }
}
