/**
 * Routes: one route per host name, a proxy for every route, a served target port, a real
 * forward-auth provider, and (warnings) authentication and loopback-only published targets.
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import { servedPorts } from "../../facts/routes.ts";
import type { Container } from "../../model/index.ts";
import { authenticates, flatMiddlewares } from "../../model/middleware.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { providerOf } from "../../proxies/index.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups } from "../report.ts";

function checkProxy(ctx: CheckContext, r: PlacedRoute): void {
  const kind = r.route.proxy;
  if (kind === undefined) return;
  const provider = providerOf(kind)!;
  if (!ctx.host.proxies.some((p) => p.kind === kind)) ctx.report.error(`${kind}-missing`, r, provider.missing);
}

function checkTarget(ctx: CheckContext, r: PlacedRoute, served: (c: Container) => ReadonlySet<number> | undefined): void {
  const { report } = ctx;
  if (r.target.kind !== "container") return;
  const { container: c, port } = r.target;
  const ports = served(c);
  if (ports !== undefined && !ports.has(port)) {
    const what = c.backend === "nspawn" ? "ports" : "its published host ports (ports)";
    report.error("route-port-unserved", r, `${r.host} routes to port ${port}, which ${c.name} does not serve: add ${port} to ${what}, or route to one of [${[...ports].join(", ")}]`);
  }
  if (c.backend === "podman" && ports?.has(port)) {
    const exposed = c.ports.find((p) => p.hostPort === port && p.protocol === "tcp" && !isLoopback(p.hostAddress));
    if (exposed !== undefined) {
      report.warning("routed-port-exposed", r, `${r.host} routes to port ${port}, which ${c.name} also publishes on ${exposed.hostAddress}: clients can bypass the proxy (and its auth); publish it as "127.0.0.1:${port}:${exposed.containerPort}"`);
    }
  }
}

function checkAuth(ctx: CheckContext, r: PlacedRoute, providers: ReadonlySet<string>): void {
  const { report } = ctx;
  const { route } = r;
  const auth = flatMiddlewares(route.middlewares).filter((m) => m.kind === "forwardAuth");
  if (!authenticates(route.middlewares)) {
    if (!route.public) {
      const option = r.proxy === undefined ? undefined : providerOf(r.proxy)?.routeAuthOption;
      const own = option === undefined ? "" : ` or ${option}`;
      report.warning("route-no-auth", r, `${r.host} is reachable without authentication: set auth (e.g. auth: "authelia")${own}, or public: true if that is intended`);
    }
    return;
  }
  for (const m of auth) {
    if (r.owner !== undefined && m.provider === r.owner.name) {
      report.error("route-auth-self", r, `${r.host} is the auth provider's own route; it cannot be behind itself: drop auth and set public: true`);
      continue;
    }
    if (providers.has(m.provider)) continue;
    const target = ctx.facts.byName.get(m.provider)?.[0];
    const why =
      target === undefined ? `there is no container "${m.provider}"`
      : !target.enable ? `container "${m.provider}" is disabled`
      : `container "${m.provider}" has no forwardAuth`;
    report.error("route-auth-unknown", r, `${r.host} uses auth "${m.provider}", but ${why}: give that container forwardAuth: { port }, or name another`, target === undefined ? [] : [at(target)]);
  }
}

export function checkRoutes(ctx: CheckContext): void {
  const { routes, enabled } = ctx.facts;
  // Forward-auth providers: containers offering `forwardAuth`, and the host's auth providers.
  const providers = new Set([
    ...enabled.filter((c) => c.backend === "nspawn" && c.forwardAuth !== undefined).map((c) => c.name),
    ...ctx.host.auth.map((p) => p.name),
  ]);
  reportGroups(groupBy(routes, (r) => r.host).values(), (member, others, total) =>
    ctx.report.error("route-host-conflict", member, `${member.host} is also routed by ${nameOthers(others, total)}: give each route its own host name`, others),
  );
  const cache = new Map<Container, ReadonlySet<number> | undefined>();
  const served = (c: Container): ReadonlySet<number> | undefined => {
    if (!cache.has(c)) cache.set(c, servedPorts(c));
    return cache.get(c);
  };
  for (const r of routes) {
    checkProxy(ctx, r);
    checkTarget(ctx, r, served);
    checkAuth(ctx, r, providers);
  }
  for (const c of enabled) {
    if (c.backend !== "nspawn" || c.forwardAuth === undefined) continue;
    if (!servedPorts(c)!.has(c.forwardAuth.port)) {
      ctx.report.error("forward-auth-port-unserved", at(c, "forwardAuth", "port"), `forwardAuth uses port ${c.forwardAuth.port}, which ${c.name} does not serve: add it to ports`);
    }
  }
}
