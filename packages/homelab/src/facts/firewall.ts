/**
 * What the host firewall opens, on which interface, and why: the listeners nixjs opens itself
 * (host services, host-network containers and proxies, off loopback, unless `open: false`) and
 * the user's own openings (`homelab({ firewall })`). The renderer writes exactly this list and
 * the firewall checks read it, so what is checked and what is opened cannot disagree.
 *
 * What it does not hold, on purpose: nspawn `forwardPorts` and rootful Podman published ports.
 * Both are DNAT rules (systemd-nspawn's `--port`, netavark's port mappings) applied before
 * routing; the packet is then forwarded to the container, never delivered to the host's input
 * chain, which is the only chain NixOS's firewall filters by port (its forward chain, with
 * `filterForward`, accepts every DNAT-ed connection). So they are reachable on every address
 * whatever the firewall opens.
 */
import type { Host } from "../model/homelab.ts";
import type { FirewallOpening } from "../model/host-network.ts";
import type { Protocol } from "../model/ports.ts";
import { isLoopback } from "../net/ipv4.ts";
import { atHomelab, type Listener, type Located } from "./located.ts";

/** Why a port is open. */
export type OpeningSource =
  | { readonly kind: "listener"; readonly listener: Listener }
  | { readonly kind: "user"; readonly opening: FirewallOpening };

/** One port span the host firewall opens, with where it comes from. */
export interface FirewallEntry extends Located {
  readonly protocol: Protocol;
  readonly from: number;
  readonly to: number;
  /** Written as a range (`allowed*PortRanges`). */
  readonly range: boolean;
  /** The one interface it is opened on; every interface when absent. */
  readonly interface?: string;
  readonly source: OpeningSource;
}

/** The host firewall as nixjs renders it. */
export interface FirewallFacts {
  /** `false` only when the user turned the firewall off. */
  readonly enable: boolean;
  /** Every opening: the listeners' first (in the listeners' order), then the user's. */
  readonly entries: readonly FirewallEntry[];
  readonly trustedInterfaces: readonly string[];
  /** Listener names the render's comment names (`traefik`, `adguard`), sorted, each once. */
  readonly listenerNames: readonly string[];
}

/**
 * The host firewall of `host`, given its listeners (the facts' list) and the TCP ports that
 * routes on other hosts of its fleet reach (`remotePorts`): a listener on such a port that
 * would be opened by default (no `open` given) is not opened to everyone, as the fleet opens
 * it to those proxy hosts' addresses only (`render/fleet/openings.ts`); one opened on an
 * interface by the user (`open: { interface }`) stays opened there.
 * @example firewallFacts(host, facts.listeners).entries.filter((e) => e.interface === undefined)
 */
export function firewallFacts(host: Host, listeners: readonly Listener[], remotePorts: ReadonlySet<number> = new Set()): FirewallFacts {
  const entries: FirewallEntry[] = [];
  const names = new Set<string>();
  for (const l of listeners) {
    if (!l.opens || isLoopback(l.address)) continue;
    if (l.interface === undefined && l.protocol === "tcp" && remotePorts.has(l.port)) continue;
    names.add(l.name);
    entries.push({
      subject: l.subject,
      path: l.path,
      site: l.site,
      protocol: l.protocol,
      from: l.port,
      to: l.port,
      range: false,
      ...(l.interface === undefined ? {} : { interface: l.interface }),
      source: { kind: "listener", listener: l },
    });
  }
  for (const o of host.firewall?.openings ?? []) {
    entries.push({
      ...atHomelab(host, ...o.path),
      protocol: o.protocol,
      from: o.from,
      to: o.to,
      range: o.range,
      ...(o.interface === undefined ? {} : { interface: o.interface }),
      source: { kind: "user", opening: o },
    });
  }
  return {
    enable: host.firewall?.enable ?? true,
    entries,
    trustedInterfaces: host.firewall?.trustedInterfaces ?? [],
    listenerNames: [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/**
 * True when `entry` lets `protocol`/`port` in on `iface` (`undefined`: on every interface).
 * @example covers(entry, "tcp", 8080, undefined)
 */
export function covers(entry: FirewallEntry, protocol: Protocol, port: number, iface?: string): boolean {
  return entry.protocol === protocol && entry.from <= port && port <= entry.to && (entry.interface === undefined || entry.interface === iface);
}
