/**
 * The topology of a homelab (one host or a fleet): its hosts, every node in and outside them,
 * the networks and the route hops, each list sorted so that the same homelab — whatever order
 * its hosts, containers and routes were declared in — gives the same topology.
 */
import { fleetFacts } from "../facts/fleet.ts";
import type { Homelab } from "../model/homelab.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostId } from "./ids.ts";
import type { Topology, TopologyHost, TopologyNode } from "./model.ts";
import { topologyNetworks } from "./networks.ts";
import { hostNodes } from "./nodes.ts";
import { routePaths } from "./routes.ts";

/**
 * The topology of `lab`, for `nixjs graph`.
 * @example topology(lab).edges.filter((e) => e.remote) // hops from one host to another
 */
export function topology(lab: Homelab): Topology {
  const fleet = fleetFacts(lab);
  const hosts: TopologyHost[] = fleet.hosts.map((h) => {
    const address = fleet.addresses.get(h);
    return {
      id: hostId(h.name),
      name: h.name,
      ...(address === undefined ? {} : { address }),
      system: h.system,
      release: h.release,
      tags: h.deployment?.tags ?? [],
    };
  });
  const nodes = new Map<string, TopologyNode>();
  for (const h of fleet.hosts) for (const n of hostNodes(lab, h)) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const paths = routePaths(lab);
  for (const n of paths.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const byId = <T extends { readonly id: string }>(list: Iterable<T>): T[] => [...list].sort((a, b) => compareCodeUnits(a.id, b.id));
  return { version: 1, domain: lab.domain, hosts, nodes: byId(nodes.values()), networks: byId(topologyNetworks(lab)), edges: byId(paths.edges) };
}

/**
 * The topology as JSON text (two-space indented, one trailing newline): `nixjs graph --format json`.
 * @example topologyJson(lab).startsWith('{\n  "version": 1')
 */
export function topologyJson(lab: Homelab): string {
  return `${JSON.stringify(topology(lab), null, 2)}\n`;
}
