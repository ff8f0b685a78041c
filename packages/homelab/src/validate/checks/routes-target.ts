/**
 * Where a route goes: a proxy serves it (the one it names, else the host's only one), its
 * target exists and is enabled, serves the port, and is reachable from where the proxy runs
 * (a Podman name only from a proxy on that Podman network, Traefik's API only from Traefik).
 */
import type { PlacedRoute } from "../../facts/routes.ts";
import type { Container, ProxyKind } from "../../model/index.ts";
import { authenticates } from "../../model/middleware.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { providerOf, proxyProvider } from "../../proxies/index.ts";
import { at, atService, type CheckContext } from "../context.ts";

const PROXY_NAMES = { traefik: "Traefik", caddy: "Caddy" } as const satisfies { readonly [K in ProxyKind]: string };

/** A route names a proxy the host has, or the host has exactly one. */
export function checkRouteProxy(ctx: CheckContext, r: PlacedRoute): void {
  const kind = r.route.proxy;
  const { proxies } = ctx.host;
  if (kind !== undefined) {
    if (!proxies.some((p) => p.kind === kind)) ctx.report.error(`${kind}-missing`, r, providerOf(kind)!.missing);
    return;
  }
  if (proxies.length === 0) {
    ctx.report.error("route-proxy-none", r, `${r.host} has no proxy to serve it: add traefik: traefik({...}) or caddy: caddy({...}) to homelab()`);
  } else if (proxies.length > 1) {
    const kinds = proxies.map((p) => `"${p.kind}"`).join(" or ");
    ctx.report.error("route-proxy-ambiguous", r, `${r.host} does not say which proxy serves it, and the host has ${proxies.length}: set proxy: ${kinds}`);
  }
}

/** The ports `c` serves a proxy on the host, and how to add one, for `route-port-unserved`. */
function servedMessage(r: PlacedRoute, c: Container, port: number, ports: ReadonlySet<number>): string {
  const what = c.backend === "nspawn" ? "ports" : "its published host ports (ports)";
  return `${r.host} routes to port ${port}, which ${c.name} does not serve: add ${port} to ${what}, or route to one of [${[...ports].join(", ")}]`;
}

/** True when the route's proxy reaches the container it is given to by name (Traefik's labels). */
function byNetwork(ctx: CheckContext, r: PlacedRoute): boolean {
  const proxy = ctx.host.proxies.find((p) => p.kind === r.proxy);
  return r.owner !== undefined && proxy !== undefined && proxyProvider(proxy).reachesByNetwork?.(proxy, ctx.host, r.owner) === true;
}

function checkContainerTarget(ctx: CheckContext, r: PlacedRoute, c: Container, port: number, ports: ReadonlySet<number> | undefined): void {
  const { report } = ctx;
  // Over a container network no port need be published (Traefik's labels).
  if (ports !== undefined && !ports.has(port) && !byNetwork(ctx, r)) report.error("route-port-unserved", r, servedMessage(r, c, port, ports));
  // An authenticated route's way around the proxy is route-auth-bypassed's (route-bypass.ts).
  if (c.backend === "podman" && ports?.has(port) && !authenticates(r.route.middlewares)) {
    const exposed = c.ports.find((p) => p.hostPort === port && p.protocol === "tcp" && !isLoopback(p.hostAddress));
    if (exposed !== undefined) {
      report.warning("routed-port-exposed", r, `${r.host} routes to port ${port}, which ${c.name} also publishes on ${exposed.hostAddress}: clients can bypass the proxy (its headers, limits and logs); publish it as "127.0.0.1:${port}:${exposed.containerPort}"`);
    }
  }
}

/** A Podman container by name: only a proxy on its network resolves the name. */
function checkPodmanTarget(ctx: CheckContext, r: PlacedRoute, name: string, network: string, port: number): void {
  const { report } = ctx;
  const known = ctx.facts.byName.get(name)?.[0];
  if (known !== undefined && known.backend !== "podman") {
    report.error("route-target-unreachable", r, `${r.host} routes to "${name}" as a Podman container, but ${name} is a NixOS container: route to { container: "${name}", port: ${port} }`, [at(known)]);
    return;
  }
  if (known !== undefined && !known.networks.includes(network)) {
    report.error("route-target-unreachable", r, `${r.host} routes to ${name} over the Podman network "${network}", which ${name} is not on: add "${network}" to its networks`, [at(known)]);
  }
  const proxy = ctx.host.proxies.find((p) => p.kind === r.proxy);
  if (proxy === undefined) return;
  const joined = proxyProvider(proxy).podmanNetworks?.(proxy, ctx.host) ?? [];
  if (joined.includes(network)) return;
  const proxyName = PROXY_NAMES[proxy.kind];
  report.error(
    "route-target-unreachable",
    r,
    `${r.host} routes to the Podman container ${name} by name, but ${proxyName} is not on the Podman network "${network}" (on the host network it cannot resolve Podman names): publish the port on loopback (ports: ["127.0.0.1:${port}:${port}"]) and route to { container: "${name}", port: ${port} }, or run ${proxyName} in Podman on "${network}"`,
  );
}

/** The target exists, serves the port, and the proxy can reach it. */
export function checkRouteTarget(ctx: CheckContext, r: PlacedRoute, served: (c: Container) => ReadonlySet<number> | undefined): void {
  const { report } = ctx;
  const t = r.target;
  switch (t.kind) {
    case "container":
      checkContainerTarget(ctx, r, t.container, t.port, served(t.container));
      return;
    case "service": {
      const ports = t.service.ports.filter((p) => p.protocol === "tcp").map((p) => p.port);
      if (!ports.includes(t.port)) {
        report.error("route-port-unserved", r, `${r.host} routes to port ${t.port}, which service ${t.service.name} does not declare: add ${t.port} to its ports, or route to one of [${ports.join(", ")}]`, [atService(t.service)]);
      }
      return;
    }
    case "missing": {
      const what = t.of === "container" ? "container" : "service";
      const why = t.disabled === undefined ? `there is no ${what} "${t.name}"` : `${what} "${t.name}" is disabled`;
      const related = t.disabled === undefined ? [] : [t.of === "container" ? at(t.disabled) : atService(t.disabled)];
      report.error("route-target-unknown", r, `${r.host} routes to ${what} "${t.name}", but ${why}: enable it, or route elsewhere`, related);
      return;
    }
    case "podman":
      checkPodmanTarget(ctx, r, t.container, t.network, t.port);
      return;
    case "traefikApi":
      if (r.proxy !== undefined && r.proxy !== "traefik") {
        report.error("route-target-unreachable", r, `${r.host} routes to Traefik's API (api@internal), which only Traefik serves: set proxy: "traefik"`);
      }
      return;
    case "hostPort":
    case "url":
    case "redirect":
      // Something nixjs does not manage, another machine, or no backend at all: always reachable.
      return;
  }
}
