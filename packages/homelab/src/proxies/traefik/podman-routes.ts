/**
 * Which routes `traefik({ mode: "podman" })` renders as labels, with the names and ports the
 * labels use, and the Podman networks the Traefik container joins to reach them.
 *
 * Labels: every Traefik route given to a Podman container (`container("x", { backend:
 * "podman", route })`), and every host-level route `to: { podman: "x", port, network }` whose
 * container nixjs defines. The port is the one inside the container: a route's port that a
 * published port maps (`"127.0.0.1:8081:80"`, route port 8081) means its container port (80),
 * any other is taken as a container port, reached over the network without being published.
 */
import { attachedRoutes, routeProxy } from "../../facts/routes.ts";
import type { Container, PodmanContainer } from "../../model/containers.ts";
import type { Host } from "../../model/homelab.ts";
import type { Route } from "../../model/routing.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { label, routerNames } from "./dynamic.ts";
import type { LabelledRoute } from "./labels.ts";

/** A container's routes as labels, and the network its `traefik.docker.network` label names. */
export interface ContainerLabelling {
  readonly container: PodmanContainer;
  /** `undefined` when the container is on no custom network (a check reports it). */
  readonly network?: string;
  readonly routes: readonly LabelledRoute[];
}

/** True when Traefik runs as the Podman container (labels apply). */
export function podmanMode(host: Pick<Host, "proxies">): boolean {
  return host.proxies.some((p) => p.kind === "traefik" && p.mode === "podman");
}

/**
 * The port inside `c` a route's port means: the container port of the published port it
 * names, else itself.
 * @example containerPort(podman({ ports: ["127.0.0.1:8081:80"] }), 8081) // 80
 */
export function containerPort(c: PodmanContainer, port: number): number {
  return c.ports.find((p) => p.protocol === "tcp" && p.hostPort === port)?.containerPort ?? port;
}

/** Host-level Traefik routes to the Podman container `name` by its name. */
function podmanTargetRoutes(host: Pick<Host, "proxies" | "routes">, name: string): Route[] {
  return host.routes.filter((r) => r.target.kind === "podman" && r.target.container === name && routeProxy(host, r) === "traefik");
}

/**
 * `c`'s routes as labels, or `undefined` when nothing routes to it by labels (another mode,
 * another backend, no Traefik route). Routers and services are named as the file provider
 * names them: after the container, with a suffix when there are several (`<name>-<host>`,
 * `<name>-<port>`; a further `-<n>` when a host name repeats).
 */
export function containerLabelling(host: Pick<Host, "proxies" | "routes">, c: Container): ContainerLabelling | undefined {
  if (c.backend !== "podman" || !podmanMode(host)) return undefined;
  const attached = attachedRoutes(host, c, "traefik").filter((r) => r.target.kind === "attached");
  const byName = podmanTargetRoutes(host, c.name);
  const all = [...attached, ...byName];
  if (all.length === 0) return undefined;
  const portOf = (r: Route): number =>
    r.target.kind === "attached" ? containerPort(c, r.target.port) : r.target.kind === "podman" ? r.target.port : 0;
  const ports = [...new Set(all.map(portOf))];
  // As dynamic.ts names them: after the container, `<name>-<host>` when there are several
  // (`-2`, `-3`, … when a host name repeats).
  const names = routerNames(all.map((r) => (all.length === 1 ? c.name : `${c.name}-${label(r.match.host.name)}`)));
  const routes = all.map((route, i): LabelledRoute => {
    const port = portOf(route);
    return { route, router: names[i]!, service: ports.length === 1 ? c.name : `${c.name}-${port}`, port };
  });
  const named = byName.map((r) => (r.target.kind === "podman" ? r.target.network : "")).find((net) => c.networks.includes(net));
  const network = c.network === "host" ? undefined : (named ?? c.networks[0]);
  return { container: c, ...(network === undefined ? {} : { network }), routes };
}

/**
 * The networks the Traefik container joins: each labelled container's network, and the
 * network of every route `to: { podman, network }` (labels on a container nixjs defines, the
 * file provider's router to one it does not; a network the container is not on is reported
 * by `route-target-unreachable`). Sorted.
 * @example traefikNetworks(host) // ["media", "web"]
 */
export function traefikNetworks(host: Pick<Host, "proxies" | "routes" | "containers">): string[] {
  const nets = new Set<string>();
  for (const c of host.containers) {
    if (!c.enable) continue;
    const l = containerLabelling(host, c);
    if (l?.network !== undefined) nets.add(l.network);
  }
  for (const r of host.routes) {
    if (r.target.kind !== "podman" || routeProxy(host, r) !== "traefik") continue;
    nets.add(r.target.network);
  }
  return [...nets].sort(compareCodeUnits);
}

/**
 * True when a route to a Podman container by name is rendered as that container's labels
 * (Traefik in Podman, a container nixjs defines), not as a router of the file provider.
 * @example routedByLabels(host, route({ subdomain: "a", to: { podman: "app", port: 80, network: "web" } }))
 */
export function routedByLabels(host: Pick<Host, "proxies" | "containers">, route: Route): boolean {
  const t = route.target;
  return t.kind === "podman" && podmanMode(host) && host.containers.some((c) => c.name === t.container && c.backend === "podman");
}
