/**
 * The ways to a route's backend that do not go through the proxy: a Podman port published
 * beyond loopback, an nspawn `forwardPorts` entry (DNAT on every host address), a host-network
 * container's or host service's port on a non-loopback address (which the host firewall opens).
 * Each with the fix that closes it while the proxy still reaches the backend.
 */
import { atContainer, atService, type Located } from "../../facts/located.ts";
import type { Container, ForwardPort, HostService, NspawnContainer, PodmanContainer, PublishedPort } from "../../model/index.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { isWildcardAddress } from "../../net/private-ranges.ts";
import { hostPortOwners, type Reachable, type RouteBackend } from "./route-backends.ts";

/** One way in that skips the proxy. */
export interface DirectPath extends Located {
  /** The host address it is reachable on (`0.0.0.0`: every address). */
  readonly address: string;
  /** The host port. */
  readonly port: number;
  /** Who serves it, for messages: `the Podman container web`. */
  readonly owner: string;
  /** How to close it, for messages. */
  readonly fix: string;
}

const tcp = (p: { readonly protocol: string }): boolean => p.protocol === "tcp";
/**
 * A bind address for messages: `every address` for a wildcard.
 * @example shownAddress("0.0.0.0") // "every address"
 */
export function shownAddress(address: string): string {
  return isWildcardAddress(address) ? "every address" : address;
}

/** Publishes beyond loopback that `which` selects. */
function publishes(c: PodmanContainer, which: (p: PublishedPort) => boolean): DirectPath[] {
  const out: DirectPath[] = [];
  c.ports.forEach((p, i) => {
    if (!tcp(p) || !which(p) || isLoopback(p.hostAddress)) return;
    out.push({
      ...atContainer(c, "ports", i),
      address: p.hostAddress,
      port: p.hostPort,
      owner: `the Podman container ${c.name}`,
      fix: `publish it on loopback as "127.0.0.1:${p.hostPort}:${p.containerPort}"`,
    });
  });
  return out;
}

/** `forwardPorts` entries of a private-network NixOS container that `which` selects. */
function forwards(c: NspawnContainer, which: (f: ForwardPort) => boolean): DirectPath[] {
  const out: DirectPath[] = [];
  c.forwardPorts.forEach((f, i) => {
    if (!tcp(f) || !which(f)) return;
    out.push({
      ...atContainer(c, "forwardPorts", i),
      address: "0.0.0.0",
      port: f.hostPort,
      owner: `the forwarded port of ${c.name}`,
      fix: `drop forwardPorts[${i}] (the proxy reaches ${c.name} at its localAddress, without it)`,
    });
  });
  return out;
}

/** Ports of the host's own stack (a host-network container, a host service) beyond loopback. */
function hostPorts(part: NspawnContainer | HostService, port: number): DirectPath[] {
  const out: DirectPath[] = [];
  const at = (i: number): Located => (part.kind === "service" ? atService(part, "ports", i) : atContainer(part, "ports", i));
  const owner = part.kind === "service" ? `the service ${part.name}` : `the host-network container ${part.name}`;
  part.ports.forEach((p, i) => {
    if (!tcp(p) || p.port !== port || isLoopback(p.address)) return;
    out.push({
      ...at(i),
      address: p.address,
      port: p.port,
      owner,
      fix: `bind it to loopback (address: "127.0.0.1" on the port, and the app's own listen address), so the firewall does not open it`,
    });
  });
  return out;
}

/** The direct ways to port `port` of container `c`, as a proxy on the host addresses it. */
function containerPaths(c: Container, port: number): DirectPath[] {
  if (c.backend === "podman") {
    if (c.network === "host") return [];
    // The proxy connects to the published host port; whatever else publishes the same
    // container port reaches the same socket inside.
    const routed = c.ports.find((p) => tcp(p) && p.hostPort === port);
    return routed === undefined ? [] : publishes(c, (p) => p.containerPort === routed.containerPort);
  }
  return c.network === "host" ? hostPorts(c, port) : forwards(c, (f) => f.containerPort === port);
}

/**
 * Every way to a backend that skips the proxy (none for a backend nixjs does not run).
 * @example directPaths(facts, { kind: "container", c: web, port: 8080 }) // [{ path: ["containers", "web", "ports", 1], address: "0.0.0.0", … }]
 */
export function directPaths(parts: Reachable, backend: RouteBackend): DirectPath[] {
  switch (backend.kind) {
    case "container":
      return containerPaths(backend.c, backend.port);
    case "podmanNetwork":
      return backend.c.network === "host" ? [] : publishes(backend.c, (p) => p.containerPort === backend.port);
    case "service":
      return hostPorts(backend.s, backend.port);
    case "hostPort": {
      // A bare host port: whoever binds it on the host is the backend, and reachable directly
      // when bound beyond loopback.
      const at = (p: { readonly hostPort: number }) => p.hostPort === backend.port;
      return hostPortOwners(parts, backend.port).flatMap((owner) =>
        owner.kind === "service" ? hostPorts(owner, backend.port)
        : owner.backend === "podman" ? publishes(owner, at)
        : owner.network === "host" ? hostPorts(owner, backend.port)
        : forwards(owner, at),
      );
    }
    case "traefikApi":
    case "elsewhere":
      return [];
  }
}
