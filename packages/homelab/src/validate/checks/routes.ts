/**
 * Routes: no two with one matcher, a proxy for every route, a target that exists, serves the
 * port and is reachable, a real forward-auth provider, and (warnings) authentication and
 * loopback-only published targets.
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import { servedPorts } from "../../facts/routes.ts";
import type { Container } from "../../model/index.ts";
import { authenticates, flatMiddlewares } from "../../model/middleware.ts";
import { isPrivateRange } from "../../net/private-ranges.ts";
import { providerOf } from "../../proxies/index.ts";
import { at, type CheckContext } from "../context.ts";
import { checkRouteConflicts } from "./routes-conflict.ts";
import { checkRouteProxy, checkRouteTarget } from "./routes-target.ts";

/**
 * True when only LAN clients reach the route: its `clients`, or an `ipAllowList` in its chain,
 * list private networks only. A LAN-only service without a login is a deliberate, common
 * layout (the LAN is the trust boundary), not a route the internet reaches without one.
 */
function lanOnly(route: PlacedRoute["route"]): boolean {
  const allowLists = flatMiddlewares(route.middlewares).flatMap((m) => (m.kind === "ipAllowList" ? [m.sourceRange] : []));
  return [route.match.clients, ...allowLists].some((ranges) => ranges.length > 0 && ranges.every(isPrivateRange));
}

function checkAuth(ctx: CheckContext, r: PlacedRoute, providers: ReadonlySet<string>): void {
  const { report } = ctx;
  const { route } = r;
  const auth = flatMiddlewares(route.middlewares).filter((m) => m.kind === "forwardAuth");
  if (!authenticates(route.middlewares)) {
    // A redirect has no backend to protect.
    if (!route.public && r.target.kind !== "redirect" && !lanOnly(route)) {
      const option = r.proxy === undefined ? undefined : providerOf(r.proxy)?.routeAuthOption;
      const own = option === undefined ? "" : ` or ${option}`;
      report.warning("route-no-auth", r, `${r.host} is reachable without authentication: set auth (e.g. auth: "authelia")${own}, or public: true if that is intended`);
    }
    return;
  }
  for (const m of auth) {
    // Its own route: given to the provider, or a host-level route to it.
    const target = r.target.kind === "container" ? r.target.container : r.owner;
    if (target !== undefined && m.provider === target.name) {
      report.error("route-auth-self", r, `${r.host} is the auth provider's own route; it cannot be behind itself: drop auth and set public: true`);
      continue;
    }
    if (providers.has(m.provider)) continue;
    const named = ctx.facts.byName.get(m.provider)?.[0];
    const why =
      named === undefined ? `there is no container "${m.provider}"`
      : !named.enable ? `container "${m.provider}" is disabled`
      : `container "${m.provider}" has no forwardAuth`;
    report.error("route-auth-unknown", r, `${r.host} uses auth "${m.provider}", but ${why}: give that container forwardAuth: { port }, or name another`, named === undefined ? [] : [at(named)]);
  }
}

export function checkRoutes(ctx: CheckContext): void {
  const { routes, enabled } = ctx.facts;
  // Forward-auth providers: containers offering `forwardAuth`, and the host's auth providers.
  const providers = new Set([
    ...enabled.filter((c) => c.backend === "nspawn" && c.forwardAuth !== undefined).map((c) => c.name),
    ...ctx.host.auth.map((p) => p.name),
  ]);
  checkRouteConflicts(ctx);
  const cache = new Map<Container, ReadonlySet<number> | undefined>();
  const served = (c: Container): ReadonlySet<number> | undefined => {
    if (!cache.has(c)) cache.set(c, servedPorts(c));
    return cache.get(c);
  };
  for (const r of routes) {
    checkRouteProxy(ctx, r);
    checkRouteTarget(ctx, r, served);
    checkAuth(ctx, r, providers);
  }
  for (const c of enabled) {
    if (c.backend !== "nspawn" || c.forwardAuth === undefined) continue;
    if (!servedPorts(c)!.has(c.forwardAuth.port)) {
      ctx.report.error("forward-auth-port-unserved", at(c, "forwardAuth", "port"), `forwardAuth uses port ${c.forwardAuth.port}, which ${c.name} does not serve: add it to ports`);
    }
  }
}
