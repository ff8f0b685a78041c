/**
 * The nodes inside one host's box: its proxies (with the ports the facts say they listen on),
 * containers (backend, veth addresses from the address plan, networks, ports), services, and
 * forward-auth providers that run on the host itself. Read from the host's facts, never
 * recomputed.
 */
import { hostFacts } from "../facts/host-facts.ts";
import type { Container } from "../model/containers.ts";
import type { Homelab, Host, HostService } from "../model/homelab.ts";
import { sortedUnique } from "../util/order.ts";
import type { ContainerNetworking, TopologyNode, TopologyPort } from "./model.ts";
import { onHost } from "./ids.ts";
import { forwardedPort, publishedPort, servicePort, sortPorts } from "./ports.ts";

type NodeOf<K extends TopologyNode["kind"]> = Extract<TopologyNode, { kind: K }>;

/**
 * Every node of `host`'s box, in no particular order (the topology sorts).
 * @example hostNodes(lab, nas).map((n) => n.id) // ["nas/container/jellyfin", …]
 */
export function hostNodes(lab: Homelab, host: Host): TopologyNode[] {
  const facts = hostFacts(lab, host);
  const at = { kind: "host", host: host.name } as const;
  const out: TopologyNode[] = [];
  for (const p of host.proxies) {
    const ports = facts.listeners.filter((l) => l.subject.kind === "proxy" && l.subject.name === p.kind).map(servicePort);
    const mode = "mode" in p ? { mode: p.mode } : {};
    out.push({ kind: "proxy", id: onHost(host.name, "proxy", p.kind), label: p.kind, at, proxy: p.kind, ...mode, ports: sortPorts(ports) });
  }
  const providers = authByContainer(host);
  for (const c of host.containers) out.push(containerNode(host, c, facts.plan.addresses.get(c.name), providers.get(c.name)));
  for (const s of host.services) out.push(serviceNode(host, s));
  for (const p of host.auth) {
    // A provider on the host is drawn as the host service of its name, when there is one.
    if (p.runsIn.kind !== "host" || host.services.some((s) => s.name === p.name)) continue;
    out.push({ kind: "auth", id: onHost(host.name, "auth", p.name), label: p.name, at, provider: p.kind, ports: [{ port: p.port, protocol: "tcp" }] });
  }
  return out;
}

/**
 * The node a forward-auth provider's name stands for on `host`: the container it runs in (a
 * provider of `homelab({ auth })`, or a NixOS container with `forwardAuth`); when it runs on
 * the host, the host service of its name, else its own node; `undefined` for a name the host
 * does not know.
 * @example authNodeId(proxyHost, "authelia") // "proxy/container/authelia"
 */
export function authNodeId(host: Host, provider: string): string | undefined {
  const p = host.auth.find((a) => a.name === provider);
  if (p !== undefined) {
    if (p.runsIn.kind === "container") return onHost(host.name, "container", p.runsIn.container);
    return host.services.some((s) => s.name === p.name) ? onHost(host.name, "service", p.name) : onHost(host.name, "auth", p.name);
  }
  const c = host.containers.find((x) => x.enable && x.name === provider && x.backend === "nspawn" && x.forwardAuth !== undefined);
  return c === undefined ? undefined : onHost(host.name, "container", c.name);
}

/** The provider each container is, by container name. */
function authByContainer(host: Host): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of host.containers) if (c.backend === "nspawn" && c.forwardAuth !== undefined) out.set(c.name, c.name);
  for (const p of host.auth) if (p.runsIn.kind === "container") out.set(p.runsIn.container, p.name);
  return out;
}

function containerNode(host: Host, c: Container, veth: { hostAddress: string; localAddress: string } | undefined, auth: string | undefined): NodeOf<"container"> {
  const base = {
    kind: "container",
    id: onHost(host.name, "container", c.name),
    label: c.name,
    at: { kind: "host", host: host.name },
    backend: c.backend,
    enabled: c.enable,
    ...(auth === undefined ? {} : { auth }),
  } as const;
  if (c.backend === "nspawn") {
    const networking: ContainerNetworking = c.network === "host" ? { kind: "host" } : { kind: "veth", ...(veth ?? {}) };
    // A port bound to the container's own address says nothing its address does not.
    const own = (p: TopologyPort): TopologyPort => (p.address === veth?.localAddress ? { port: p.port, protocol: p.protocol } : p);
    const ports = [...c.ports.map(servicePort).map(own), ...c.forwardPorts.map(forwardedPort)];
    return { ...base, networking, ports: sortPorts(ports) };
  }
  const networking: ContainerNetworking =
    c.network === "host"
      ? { kind: "host" }
      : c.runtime.networkContainer !== undefined
        ? { kind: "shared", container: c.runtime.networkContainer }
        : { kind: "podman", networks: podmanNetworks(c) };
  const ports = c.network === "host" ? c.runtime.listens.map(servicePort) : c.ports.map(publishedPort);
  return { ...base, networking, ports: sortPorts(ports), image: c.image };
}

/**
 * The Podman networks a bridged Podman container is on: those it names, else Podman's default
 * network `podman`.
 * @example podmanNetworks(container("sonarr", { backend: "podman", … })) // ["podman"]
 */
export function podmanNetworks(c: Extract<Container, { backend: "podman" }>): string[] {
  return c.networks.length === 0 ? ["podman"] : sortedUnique(c.networks);
}

function serviceNode(host: Host, s: HostService): NodeOf<"service"> {
  const auth = host.auth.find((p) => p.runsIn.kind === "host" && p.name === s.name);
  return {
    kind: "service",
    id: onHost(host.name, "service", s.name),
    label: s.name,
    at: { kind: "host", host: host.name },
    enabled: s.enable,
    ports: sortPorts(s.ports.map(servicePort)),
    ...(auth === undefined ? {} : { auth: auth.name }),
  };
}
