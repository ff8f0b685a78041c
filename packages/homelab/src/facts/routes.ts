/**
 * Routes with what they resolve to: the host name each answers, the container it targets, and
 * the ports that container serves to a proxy.
 */
import type { Container } from "../model/containers.ts";
import type { Homelab, Host } from "../model/homelab.ts";
import type { Route, RouteHost } from "../model/routes.ts";
import { atContainer, type Located } from "./located.ts";

/** A route of an enabled container, resolved. */
export interface PlacedRoute extends Located {
  readonly c: Container;
  readonly route: Route;
  /** The host name it answers: `photos.example.org`. */
  readonly host: string;
}

/**
 * The host name a route answers to.
 * @example routeHostName({ kind: "subdomain", name: "photos" }, "example.org") // "photos.example.org"
 */
function routeHostName(host: RouteHost, domain: string): string {
  return host.kind === "fqdn" ? host.name : `${host.name}.${domain}`;
}

/**
 * Every route of the host's enabled containers, in declaration order.
 * @example placedRoutes(lab, host).map((r) => r.host)
 */
export function placedRoutes(lab: Pick<Homelab, "domain">, host: Host): PlacedRoute[] {
  const out: PlacedRoute[] = [];
  for (const c of host.containers) {
    if (!c.enable) continue;
    c.routes.forEach((route, i) => out.push({ ...atContainer(c, "routes", i), c, route, host: routeHostName(route.host, lab.domain) }));
  }
  return out;
}

/**
 * The TCP ports a proxy on the host can reach on `c`: a NixOS container's service ports, a
 * Podman container's published host ports; `undefined` when unknown (a host-network Podman
 * container binds whatever its image binds).
 * @example servedPorts(immich) // Set { 2283 }
 */
export function servedPorts(c: Container): ReadonlySet<number> | undefined {
  if (c.backend === "nspawn") return new Set(c.ports.filter((p) => p.protocol === "tcp").map((p) => p.port));
  if (c.network === "host") return undefined;
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
