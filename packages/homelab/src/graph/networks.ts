/**
 * The links the picture names: the LAN the hosts meet on (their addresses from the fleet
 * facts), each host's veth pool (its private NixOS containers), each Podman network of a host
 * (Podman's default `podman` network for bridged containers that name none). Disabled
 * containers are on no network: they are not deployed.
 */
import { fleetFacts } from "../facts/fleet.ts";
import type { Homelab, Host } from "../model/homelab.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostId, onHost } from "./ids.ts";
import type { TopologyNetwork } from "./model.ts";
import { podmanNetworks } from "./nodes.ts";

/** Podman's (netavark's) default network: see `facts/networks.ts`. */
const PODMAN_DEFAULT_CIDR = "10.88.0.0/16";

/**
 * The networks of `lab`: the LAN (when a host has an address), then per host its pool and
 * Podman networks.
 * @example topologyNetworks(lab).map((n) => n.id) // ["lan", "nas/network/podman/media", …]
 */
export function topologyNetworks(lab: Homelab): TopologyNetwork[] {
  const fleet = fleetFacts(lab);
  const out: TopologyNetwork[] = [];
  const onLan = fleet.hosts.filter((h) => fleet.addresses.has(h)).map((h) => hostId(h.name));
  if (onLan.length > 0) out.push({ id: "lan", kind: "lan", name: "LAN", members: onLan.sort(compareCodeUnits) });
  for (const host of fleet.hosts) out.push(...hostNetworks(host));
  return out;
}

function hostNetworks(host: Host): TopologyNetwork[] {
  const out: TopologyNetwork[] = [];
  const enabled = host.containers.filter((c) => c.enable);
  const veth = enabled.filter((c) => c.backend === "nspawn" && c.network === "private").map((c) => onHost(host.name, "container", c.name));
  if (veth.length > 0) {
    out.push({ id: `${host.name}/network/pool`, kind: "pool", name: "veth pool", host: host.name, cidr: host.network.pool, members: veth.sort(compareCodeUnits) });
  }
  const podman = new Map<string, string[]>();
  for (const c of enabled) {
    if (c.backend !== "podman" || c.network === "host" || c.runtime.networkContainer !== undefined) continue;
    for (const n of podmanNetworks(c)) podman.set(n, [...(podman.get(n) ?? []), onHost(host.name, "container", c.name)]);
  }
  for (const [name, members] of podman) {
    out.push({
      id: `${host.name}/network/podman/${name}`,
      kind: "podman",
      name,
      host: host.name,
      ...(name === "podman" ? { cidr: PODMAN_DEFAULT_CIDR } : {}),
      members: members.sort(compareCodeUnits),
    });
  }
  return out;
}
