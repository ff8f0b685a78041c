/**
 * Routes with what they resolve to: the host name each answers, the proxy that serves it, and
 * its target (the container, host service, host port, URL … it sends requests to), for the
 * routes of the host's enabled containers and the host-level routes alike.
 */
import type { Container } from "../model/containers.ts";
import type { Homelab, Host, HostService } from "../model/homelab.ts";
import type { ProxyKind } from "../model/proxies.ts";
import type { RemoteTarget, Route, RouteHost } from "../model/routing.ts";
import { atContainer, type Located } from "./located.ts";

/**
 * A route's target, resolved against the host:
 * - `container`: a nixjs container (the one the route is given to, or one named by `to`);
 * - `service`: a host `service()` named by `to`;
 * - `missing`: `to` names a container or service the host does not have, or a disabled one
 *   (`disabled`, so a check can name it);
 * - `remote`: a container or service on another host of the fleet (resolved against the fleet
 *   by `fleetFacts`, as one host's facts cannot see the others);
 * - the others as the route says them (a host port, a URL, a Podman container by name, Traefik's
 *   dashboard, a redirect).
 */
export type ResolvedTarget =
  | { readonly kind: "container"; readonly container: Container; readonly port: number }
  | { readonly kind: "service"; readonly service: HostService; readonly port: number }
  | {
      readonly kind: "missing";
      readonly of: "container" | "service";
      readonly name: string;
      readonly port: number;
      readonly disabled?: Container | HostService;
    }
  | { readonly kind: "hostPort"; readonly port: number; readonly address: string }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "podman"; readonly container: string; readonly port: number; readonly network: string }
  | { readonly kind: "traefikApi" }
  | { readonly kind: "redirect"; readonly to: string; readonly permanent: boolean }
  | { readonly kind: "remote"; readonly host: string; readonly target: RemoteTarget; readonly port: number };

/** A route of an enabled container or of the host, resolved. */
export interface PlacedRoute extends Located {
  readonly route: Route;
  /** The container the route is given to (`container({ route })`); absent for host-level routes. */
  readonly owner?: Container;
  /** The host name it answers: `photos.example.org`. */
  readonly host: string;
  /** The proxy that serves it: its `proxy`, else the host's only proxy; absent when neither. */
  readonly proxy?: ProxyKind;
  readonly target: ResolvedTarget;
}

/**
 * The host name a route answers to.
 * @example routeHostName({ kind: "subdomain", name: "photos" }, "example.org") // "photos.example.org"
 */
export function routeHostName(host: RouteHost, domain: string): string {
  return host.kind === "fqdn" ? host.name : `${host.name}.${domain}`;
}

/**
 * The proxy that serves `route` on `host`: the one it names, else the host's only proxy;
 * `undefined` when it names none and the host has none or several (a check reports it).
 * @example routeProxy(host, route({ subdomain: "x", port: 80 })) // "traefik" on a Traefik-only host
 */
export function routeProxy(host: Pick<Host, "proxies">, route: Route): ProxyKind | undefined {
  if (route.proxy !== undefined) return route.proxy;
  const [only, ...rest] = host.proxies;
  return only !== undefined && rest.length === 0 ? only.kind : undefined;
}

function byName<T extends { readonly name: string; readonly enable: boolean }>(list: readonly T[], name: string): { found?: T; disabled?: T } {
  const named = list.filter((x) => x.name === name);
  const found = named.find((x) => x.enable);
  if (found !== undefined) return { found };
  return named[0] === undefined ? {} : { disabled: named[0] };
}

/**
 * What `route` sends requests to on `host`; `owner` is the container it is given to.
 * @example resolveTarget(host, route, immich) // { kind: "container", container: immich, port: 2283 }
 */
export function resolveTarget(host: Host, route: Route, owner: Container | undefined): ResolvedTarget {
  const t = route.target;
  switch (t.kind) {
    case "attached":
      if (owner !== undefined) return { kind: "container", container: owner, port: t.port };
      // A host-level route without `to` (the check reports it): nothing to reach.
      return { kind: "missing", of: "container", name: "", port: t.port };
    case "container": {
      const { found, disabled } = byName(host.containers, t.container);
      if (found !== undefined) return { kind: "container", container: found, port: t.port };
      return { kind: "missing", of: "container", name: t.container, port: t.port, ...(disabled === undefined ? {} : { disabled }) };
    }
    case "service": {
      const { found, disabled } = byName(host.services, t.service);
      if (found !== undefined) return { kind: "service", service: found, port: t.port };
      return { kind: "missing", of: "service", name: t.service, port: t.port, ...(disabled === undefined ? {} : { disabled }) };
    }
    case "hostPort":
      return { kind: "hostPort", port: t.port, address: t.address };
    case "url":
      return { kind: "url", url: t.url };
    case "podman":
      return { kind: "podman", container: t.container, port: t.port, network: t.network };
    case "traefikApi":
      return { kind: "traefikApi" };
    case "redirect":
      return { kind: "redirect", to: t.to, permanent: t.permanent };
    case "remote":
      return { kind: "remote", host: t.host, target: t.target, port: t.port };
  }
}

/**
 * Where a host-level route is: `routes[i]` of the homelab, at the route's own call.
 * @example atHostRoute(route, 0).path // ["routes", 0]
 */
export function atHostRoute(route: Route, i: number): Located {
  return { subject: { kind: "homelab" }, path: ["routes", i], site: route.site };
}

/**
 * Every route of the host: those of its enabled containers (disabled containers route
 * nothing), then the host-level routes, in declaration order.
 * @example placedRoutes(lab, host).map((r) => r.host)
 */
export function placedRoutes(lab: Pick<Homelab, "domain">, host: Host): PlacedRoute[] {
  const out: PlacedRoute[] = [];
  const place = (route: Route, at: Located, owner?: Container): void => {
    const proxy = routeProxy(host, route);
    out.push({
      ...at,
      route,
      ...(owner === undefined ? {} : { owner }),
      host: routeHostName(route.match.host, lab.domain),
      ...(proxy === undefined ? {} : { proxy }),
      target: resolveTarget(host, route, owner),
    });
  };
  for (const c of host.containers) {
    if (!c.enable) continue;
    c.routes.forEach((route, i) => place(route, atContainer(c, "routes", i), c));
  }
  host.routes.forEach((route, i) => place(route, atHostRoute(route, i)));
  return out;
}

/**
 * The routes given to `c` that `kind` serves on `host` (for its renderer; disabled containers
 * included, their files are written too).
 * @example attachedRoutes(host, immich, "traefik")
 */
export function attachedRoutes(host: Pick<Host, "proxies">, c: Container, kind: ProxyKind): Route[] {
  return c.routes.filter((r) => routeProxy(host, r) === kind);
}

/**
 * The port of a route's target on the container it is given to, when it targets that
 * container (`undefined` for a route with `to`).
 * @example attachedPort(route({ subdomain: "x", port: 80 })) // 80
 */
export function attachedPort(route: Route): number | undefined {
  return route.target.kind === "attached" ? route.target.port : undefined;
}

/**
 * The TCP ports a proxy on the host can reach on `c`: a NixOS container's service ports, a
 * Podman container's published host ports, a host-network one's `listens`; `undefined` when
 * unknown (a host-network Podman container without `listens` binds whatever its image binds).
 * @example servedPorts(immich) // Set { 2283 }
 */
export function servedPorts(c: Container): ReadonlySet<number> | undefined {
  if (c.backend === "nspawn") return new Set(c.ports.filter((p) => p.protocol === "tcp").map((p) => p.port));
  if (c.network === "host") {
    // What it binds is known only when `listens` says so.
    return c.runtime.listens.length === 0 ? undefined : new Set(c.runtime.listens.filter((p) => p.protocol === "tcp").map((p) => p.port));
  }
  // Sharing another container's network namespace: served on the owner's published ports
  // (the \`network-container\` check compares them).
  if (c.runtime.networkContainer !== undefined) return undefined;
  return new Set(c.ports.filter((p) => p.protocol === "tcp").map((p) => p.hostPort));
}

/**
 * The lowest TCP port a container serves to a proxy, or `undefined`.
 * @example lowestServedPort(sonarr) // 8989
 */
export function lowestServedPort(c: Container): number | undefined {
  const served = servedPorts(c);
  return served === undefined || served.size === 0 ? undefined : Math.min(...served);
}
