/**
 * The ways to a route's backend that do not go through the proxy, every way a port reaches
 * the LAN: a Podman port published beyond loopback, an nspawn `forwardPorts` entry (DNAT on
 * every host address), a socket on the host itself beyond loopback that the host firewall
 * opens (a host-network NixOS or Podman container's, a host service's: whatever the host's
 * listeners hold), and the ports of a private-network NixOS container that sits on the LAN
 * itself (a host bridge, a macvlan, a moved interface). Each with the fix that closes it while
 * the proxy still reaches the backend.
 */
import { atContainer, type Listener, type Located } from "../../facts/located.ts";
import type { Container, ForwardPort, HostService, NspawnContainer, PodmanContainer, PublishedPort, ServicePort } from "../../model/index.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { isPrivateRange, isWildcardAddress } from "../../net/private-ranges.ts";
import { lanAttachments } from "./lan-attachment.ts";
import { hostPortOwners, type Reachable, type RouteBackend } from "./route-backends.ts";

/** One way in that skips the proxy. */
export interface DirectPath extends Located {
  /** The host address it is reachable on (`0.0.0.0`: every address), or how a LAN address is reached. */
  readonly address: string;
  /** The host port. */
  readonly port: number;
  /** Who serves it, for messages: `the Podman container web`. */
  readonly owner: string;
  /** How to close it, for messages. */
  readonly fix: string;
  /** Reachable from the LAN only (a private address, or the container's own address on the LAN). */
  readonly lanOnly: boolean;
}

const tcp = (p: { readonly protocol: string }): boolean => p.protocol === "tcp";
/** A bind address reachable from the LAN only: a private one, not every address. */
const lanAddress = (address: string): boolean => !isWildcardAddress(address) && isPrivateRange(address);

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
      lanOnly: lanAddress(p.hostAddress),
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
      lanOnly: false,
    });
  });
  return out;
}

const listenerIndexes = new WeakMap<Reachable, Map<string, Listener[]>>();
const partKey = (kind: string, name: string): string => `${kind}\u0000${name}`;

/** The host's listeners of one part, indexed once per host. */
function listenersOf(parts: Reachable, part: Container | HostService): readonly Listener[] {
  let index = listenerIndexes.get(parts);
  if (index === undefined) {
    index = new Map();
    for (const l of parts.listeners) {
      if (l.subject.kind !== "container" && l.subject.kind !== "service") continue;
      const key = partKey(l.subject.kind, l.subject.name);
      const list = index.get(key);
      if (list === undefined) index.set(key, [l]);
      else list.push(l);
    }
    listenerIndexes.set(parts, index);
  }
  return index.get(partKey(part.kind, part.name)) ?? [];
}

/**
 * Sockets of the host's own stack (a host-network container, a host service) on `port` beyond
 * loopback that the host firewall opens: the host's listeners say which (a listener the
 * firewall leaves closed reaches no one beyond the host).
 */
function hostSockets(parts: Reachable, part: Container | HostService, port: number): DirectPath[] {
  return listenersOf(parts, part)
    .filter((l) => tcp(l) && l.port === port && l.opens && !isLoopback(l.address))
    .map((l) => ({
      subject: l.subject,
      path: l.path,
      site: l.site,
      address: l.address,
      port: l.port,
      owner: l.owner,
      fix: `bind it to loopback (address: "127.0.0.1" on the port, and the app's own listen address), so the firewall does not open it`,
      lanOnly: lanAddress(l.address),
    }));
}

/**
 * A port the container's own firewall does not open (`open: false`, where the model has the
 * field): the LAN cannot reach it there.
 */
const closedInGuest = (p: ServicePort): boolean => (p as { readonly open?: unknown }).open === false;

/** The ports of a private-network NixOS container on the LAN itself (`lan-attachment.ts`). */
function onLan(c: NspawnContainer, port: number): DirectPath[] {
  const [attached] = lanAttachments(c);
  if (attached === undefined) return [];
  const via = `${attached.option} ${attached.via.map((v) => JSON.stringify(v)).join(", ")}`;
  const address = attached.option === "hostBridge" && c.localAddress !== undefined ? c.localAddress : `its own address on the LAN (${via})`;
  const out: DirectPath[] = [];
  c.ports.forEach((p, i) => {
    if (!tcp(p) || p.port !== port || isLoopback(p.address) || closedInGuest(p)) return;
    out.push({
      ...atContainer(c, "ports", i),
      address,
      port: p.port,
      owner: `${c.name}, a container on the LAN through ${via},`,
      fix: `let only the host in (in ${c.name}'s own firewall, open port ${p.port} to the host's address instead of every interface), or take it off the LAN (drop ${attached.option}: the proxy reaches it through its veth)`,
      // A LAN address nixjs knows is judged as one; an address taken on the LAN is in the LAN's range.
      lanOnly: address === c.localAddress ? lanAddress(address) : true,
    });
  });
  return out;
}

/** The direct ways to port `port` of container `c`, as a proxy on the host addresses it. */
function containerPaths(parts: Reachable, c: Container, port: number): DirectPath[] {
  if (c.network === "host") return hostSockets(parts, c, port);
  if (c.backend === "podman") {
    // The proxy connects to the published host port; whatever else publishes the same
    // container port reaches the same socket inside.
    const routed = c.ports.find((p) => tcp(p) && p.hostPort === port);
    return routed === undefined ? [] : publishes(c, (p) => p.containerPort === routed.containerPort);
  }
  return [...forwards(c, (f) => f.containerPort === port), ...onLan(c, port)];
}

/**
 * Every way to a backend that skips the proxy (none for a backend nixjs does not run).
 * @example directPaths(facts, { kind: "container", c: web, port: 8080 }) // [{ path: ["containers", "web", "ports", 1], address: "0.0.0.0", … }]
 */
export function directPaths(parts: Reachable, backend: RouteBackend): DirectPath[] {
  switch (backend.kind) {
    case "container":
      return containerPaths(parts, backend.c, backend.port);
    case "podmanNetwork":
      return backend.c.network === "host" ? hostSockets(parts, backend.c, backend.port) : publishes(backend.c, (p) => p.containerPort === backend.port);
    case "service":
      return hostSockets(parts, backend.s, backend.port);
    case "hostPort": {
      // A bare host port: whoever binds it on the host is the backend, and reachable directly
      // when bound beyond loopback.
      const at = (p: { readonly hostPort: number }) => p.hostPort === backend.port;
      return hostPortOwners(parts, backend.port).flatMap((owner) =>
        owner.kind === "service" || owner.network === "host" ? hostSockets(parts, owner, backend.port)
        : owner.backend === "podman" ? publishes(owner, at)
        : forwards(owner, at),
      );
    }
    case "traefikApi":
    case "elsewhere":
      return [];
  }
}
