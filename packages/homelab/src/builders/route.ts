/** `route()`: the general route builder (matchers + target + middleware chain + TLS). */
import { caddyReverseProxy } from "../proxies/caddy/builders.ts";
import type { PathMatch, Route, RouteTarget } from "../model/routing.ts";
import { routeOptionProblems, routeSchema, type RouteOptions } from "../schema/route.ts";
import type { InputProblem } from "../schema/problems.ts";
import { asRecord } from "../schema/problems.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { parseInput } from "./parse.ts";
import { authMiddleware, newRoute, routeHost, routeStandIn } from "./routes.ts";

type Parsed = ReturnType<typeof routeSchema.parse>;

function targetOf(o: Parsed): RouteTarget {
  const to = o.to;
  if (to === undefined) return { kind: "attached", port: o.port! };
  if (to === "api@internal") return { kind: "traefikApi" };
  if ("host" in to) {
    const target = to.container === undefined ? { kind: "service" as const, name: to.service! } : { kind: "container" as const, name: to.container };
    return { kind: "remote", host: to.host, target, port: to.port };
  }
  if ("container" in to) return { kind: "container", container: to.container, port: to.port };
  if ("service" in to) return { kind: "service", service: to.service, port: to.port };
  if ("hostPort" in to) return { kind: "hostPort", port: to.hostPort, address: to.address ?? "127.0.0.1" };
  if ("url" in to) return { kind: "url", url: to.url };
  if ("podman" in to) return { kind: "podman", container: to.podman, port: to.port, network: to.network };
  return { kind: "redirect", to: to.redirect, permanent: to.permanent ?? true };
}

function pathOf(o: Parsed): PathMatch | undefined {
  if (o.path !== undefined) return { kind: "prefix", prefix: o.path, strip: o.stripPrefix ?? false };
  if (o.pathRegex !== undefined) return { kind: "regex", pattern: o.pathRegex };
  return undefined;
}

/** A route needs a target: `port` (of the container it is given to) or `to`. */
function targetProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined || r["to"] !== undefined || r["port"] !== undefined) return [];
  return [{ path: ["port"], message: 'required option missing: give port (of the container the route is given to) or to (e.g. to: { service: "hass", port: 8123 })', code: "missing-option" }];
}

/**
 * A route: which requests (host name, optional path prefix or regex, optional client
 * addresses), where they go (the container it is given to at `port`, or `to`: a container,
 * a host service, a host port, a URL, a Podman container by name, Traefik's dashboard, a
 * redirect), through which middlewares, with which TLS, served by which proxy (`proxy`; the
 * host's only proxy when absent). Give it to a container (`container("x", { route })`) or,
 * with `to`, to `homelab({ routes: [...] })`.
 *
 * @example route({ subdomain: "photos", port: 2283, auth: "authelia" })
 * @example route({ subdomain: "hass", to: { service: "home-assistant", port: 8123 }, clients: ["192.168.1.0/24"], public: true })
 * @example route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true })
 * @example route({ subdomain: "photos", path: "/api/public", port: 2283, priority: 100, public: true })
 */
export function route(options: RouteOptions): Route {
  const site = captureSite(route);
  return guarded("route", () => routeStandIn(site), () => {
    const o = parseInput(routeSchema, options, { label: callLabel("route"), site }, (raw) => [...routeOptionProblems(raw), ...targetProblems(raw)]);
    const path = pathOf(o);
    return newRoute(
      {
        proxy: o.proxy,
        match: { host: routeHost(o), ...optional("path", path), clients: o.clients ?? [], ...optional("sitePort", o.sitePort) },
        target: targetOf(o),
        middlewares: [...(o.auth === undefined ? [] : [authMiddleware(o.auth, site)]), ...(o.middlewares ?? [])],
        priority: o.priority,
        tls: o.tls && { ...o.tls, domains: (o.tls.domains ?? []).map((d) => ({ main: d.main, sans: d.sans ?? [] })) },
        entryPoint: o.entryPoint,
        public: o.public ?? false,
        extraConfig: o.extraConfig,
        reverseProxy: o.reverseProxy && caddyReverseProxy(o.reverseProxy),
      },
      site,
    );
  });
}
