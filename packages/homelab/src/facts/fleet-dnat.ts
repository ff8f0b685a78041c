/**
 * Which cross-host openings a host's input chain cannot filter: a port a container publishes
 * through DNAT — a Podman published port of a container off the host network (netavark's port
 * mapping), an nspawn `forwardPorts` entry (systemd-nspawn's `--port`). The kernel rewrites such
 * a packet's destination in PREROUTING (nat, priority dstnat) and forwards it to the container;
 * NixOS's input chain never sees it. Render filters these before the DNAT instead (raw
 * PREROUTING, `render/fleet/prerouting.ts`), and the fleet checks read the same answer.
 */
import type { Container, Homelab, Host, HostService } from "../model/index.ts";
import { hostFacts } from "./host-facts.ts";
import type { RemoteOpening } from "./fleet.ts";

/**
 * True when a proxy reaches `part`'s published ports through DNAT: a Podman container off the
 * host network, a private-network nspawn container (its `forwardPorts`).
 * @example isDnatPart(container("jellyfin", { backend: "podman", ports: ["8096:8096"], … })) // true
 */
export function isDnatPart(part: Container | HostService): boolean {
  return part.kind !== "service" && ((part.backend === "podman" && part.network !== "host") || (part.backend === "nspawn" && part.network === "private"));
}

/**
 * True when `opening` on `host` is reached through DNAT: the host's listener on its port is a
 * DNAT'd container's (one socket per port: two are a port conflict, the host's own finding).
 * @example reachedThroughDnat(lab, nas, { port: 8096, protocol: "tcp", from: proxy, routes }) // true
 */
export function reachedThroughDnat(lab: Homelab, host: Host, opening: Pick<RemoteOpening, "port" | "protocol">): boolean {
  return hostFacts(lab, host).listeners.some((l) => {
    if (l.protocol !== opening.protocol || l.port !== opening.port || l.subject.kind !== "container") return false;
    const name = l.subject.name;
    const c = host.containers.find((x) => x.enable && x.name === name);
    return c !== undefined && isDnatPart(c);
  });
}
