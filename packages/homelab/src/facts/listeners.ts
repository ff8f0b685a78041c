/**
 * Every socket a host's enabled parts bind: the one list the port-conflict check and the
 * firewall both read, so what is checked and what is opened cannot disagree.
 */
import type { Host } from "../model/homelab.ts";
import { ANY_ADDRESS } from "../net/ipv4.ts";
import { proxyProvider } from "../proxies/index.ts";
import { atContainer, atService, type Listener } from "./located.ts";
import { portOpening } from "./port-opening.ts";
import type { PlacedRoute } from "./routes.ts";

/**
 * The host's listeners: its proxies' (from their provider modules, given the placed `routes`
 * each serves), host-network NixOS
 * containers' ports, `forwardPorts` (DNAT, the firewall need not open them), Podman published
 * ports (likewise, Podman's own rules let them in; a pod member's are published by its pod,
 * a container sharing another's network namespace publishes none), what host-network Podman
 * containers listen on (`listens`, opened like a host service's ports), host services' ports.
 * @example hostListeners(host, placedRoutes(lab, host)).filter((l) => l.opens)
 */
export function hostListeners(host: Host, routes: readonly PlacedRoute[]): Listener[] {
  const out: Listener[] = [];
  for (const p of host.proxies) out.push(...proxyProvider(p).listeners(p, routes.filter((r) => r.proxy === p.kind)));
  for (const c of host.containers) {
    if (!c.enable) continue;
    if (c.backend === "nspawn" && c.network === "host") {
      c.ports.forEach((p, i) =>
        out.push({ ...atContainer(c, "ports", i), protocol: p.protocol, address: p.address, port: p.port, owner: `the host-network container ${c.name}`, name: c.name, ...portOpening(p) }),
      );
    } else if (c.backend === "nspawn") {
      c.forwardPorts.forEach((f, i) =>
        out.push({ ...atContainer(c, "forwardPorts", i), protocol: f.protocol, address: ANY_ADDRESS, port: f.hostPort, owner: `the forwarded port of ${c.name}`, name: c.name, opens: false }),
      );
    } else if (c.network === "host") {
      c.runtime.listens.forEach((p, i) =>
        out.push({ ...atContainer(c, "listens", i), protocol: p.protocol, address: p.address, port: p.port, owner: `the host-network Podman container ${c.name}`, name: c.name, ...portOpening(p) }),
      );
    } else {
      c.ports.forEach((p, i) =>
        out.push({ ...atContainer(c, "ports", i), protocol: p.protocol, address: p.hostAddress, port: p.hostPort, owner: `the Podman container ${c.name}`, name: c.name, opens: false }),
      );
    }
  }
  for (const s of host.services) {
    if (!s.enable) continue;
    s.ports.forEach((p, i) =>
      out.push({ ...atService(s, "ports", i), protocol: p.protocol, address: p.address, port: p.port, owner: `the service ${s.name}`, name: s.name, ...portOpening(p) }),
    );
  }
  return out;
}
