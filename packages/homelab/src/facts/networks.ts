/**
 * IPv4 networks on the host other than the container pool, as far as nixjs knows them: an
 * explicit container address inside one of them is reachable the wrong way (the host routes
 * it to that network's interface too). Today: Podman's, when the host runs Podman
 * containers — its default network `podman` (10.88.0.0/16) and the range `podman network
 * create` takes its networks' subnets from, one /24 each (10.89.0.0/16 holds the first 256).
 */
import type { Host } from "../model/homelab.ts";
import { parseCidr, type Ipv4Pool } from "../net/ipv4.ts";
import { atContainer, type Located } from "./located.ts";

/** A network the host has besides the pool. */
export interface KnownNetwork {
  readonly cidr: string;
  readonly range: Ipv4Pool;
  /** What it is, for messages: `"Podman's default network"`. */
  readonly what: string;
  /** The part that makes the host have it. */
  readonly at: Located;
}

/** Podman's (netavark's) defaults: the `podman` network, and the first pool of new networks. */
const PODMAN_DEFAULT = "10.88.0.0/16";
const PODMAN_CREATED = "10.89.0.0/16";

function network(cidr: string, what: string, at: Located): KnownNetwork {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) throw new Error(`networks: ${cidr}: ${parsed.reason}`);
  return { cidr, range: parsed.pool, what, at };
}

/**
 * The networks of `host` besides its container pool.
 * @example knownNetworks(host).map((n) => n.cidr) // ["10.88.0.0/16"]
 */
export function knownNetworks(host: Pick<Host, "containers">): KnownNetwork[] {
  const out: KnownNetwork[] = [];
  const onDefault = host.containers.find((c) => c.enable && c.backend === "podman" && c.network !== "host" && c.networks.length === 0);
  if (onDefault !== undefined) out.push(network(PODMAN_DEFAULT, "Podman's default network", atContainer(onDefault)));
  const onCreated = host.containers.find((c) => c.enable && c.backend === "podman" && c.network !== "host" && c.networks.length > 0);
  if (onCreated !== undefined) out.push(network(PODMAN_CREATED, "the range Podman gives the networks it creates", atContainer(onCreated, "networks")));
  return out;
}
