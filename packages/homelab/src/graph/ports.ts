/**
 * The ports the picture writes in a node's box, from the model's port types: what a proxy in
 * front of it (or a client on the LAN) connects to.
 */
import type { ForwardPort, PublishedPort, ServicePort } from "../model/ports.ts";
import { ANY_ADDRESS } from "../net/ipv4.ts";
import type { TopologyPort } from "./model.ts";

/** @example servicePort({ port: 53, protocol: "udp", address: "0.0.0.0" }) // { port: 53, protocol: "udp" } */
export function servicePort(p: Pick<ServicePort, "port" | "protocol" | "address">): TopologyPort {
  return { port: p.port, protocol: p.protocol, ...bound(p.address) };
}

/** @example publishedPort({ hostAddress: "127.0.0.1", hostPort: 8081, containerPort: 80, protocol: "tcp" }) */
export function publishedPort(p: PublishedPort): TopologyPort {
  return { port: p.hostPort, protocol: p.protocol, ...bound(p.hostAddress), ...(p.containerPort === p.hostPort ? {} : { containerPort: p.containerPort }) };
}

/** @example forwardedPort({ protocol: "tcp", hostPort: 2222, containerPort: 22 }) */
export function forwardedPort(p: ForwardPort): TopologyPort {
  return { port: p.hostPort, protocol: p.protocol, ...(p.containerPort === p.hostPort ? {} : { containerPort: p.containerPort }) };
}

function bound(address: string): { address?: string } {
  return address === ANY_ADDRESS || address === "::" ? {} : { address };
}

/**
 * Ports in a fixed order (port, protocol, address), each once.
 * @example sortPorts([{ port: 443, protocol: "tcp" }, { port: 80, protocol: "tcp" }]) // 80, 443
 */
export function sortPorts(ports: readonly TopologyPort[]): TopologyPort[] {
  const seen = new Set<string>();
  const out: TopologyPort[] = [];
  for (const p of ports) {
    const key = portText(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => a.port - b.port || cmp(a.protocol, b.protocol) || cmp(a.address ?? "", b.address ?? "") || (a.containerPort ?? 0) - (b.containerPort ?? 0));
}

/**
 * A port as text: `8096`, `53/udp`, `127.0.0.1:5432`, `8081→80`.
 * @example portText({ port: 8081, protocol: "tcp", containerPort: 80 }) // "8081→80"
 */
export function portText(p: TopologyPort): string {
  const at = p.address === undefined ? "" : `${p.address}:`;
  const inner = p.containerPort === undefined ? "" : `→${p.containerPort}`;
  return `${at}${p.port}${inner}${p.protocol === "udp" ? "/udp" : ""}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
