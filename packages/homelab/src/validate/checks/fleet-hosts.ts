/**
 * The hosts of a fleet among themselves: one name each, one LAN address each, and no host's
 * address inside another host's container pool or Podman network (that host routes the
 * address to its own containers, so it cannot reach the other host).
 */
import { formatPath } from "../../diagnostics/path.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import { atHomelab, type Located } from "../../facts/located.ts";
import { knownNetworks } from "../../facts/networks.ts";
import { formatSite, type Host } from "../../model/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { formatIpv4, parseIpv4, type Ipv4Pool } from "../../net/ipv4.ts";
import { groupBy, reportGroups } from "../report.ts";
import { atHostAddress, type FleetCheckContext } from "./fleet-context.ts";

/** Every host name is one host's: it is `networking.hostName` and `nixosConfigurations.<name>`. */
export function checkHostNames(ctx: FleetCheckContext): void {
  // By name, then call site: the same findings, related in the same order, for any order of hosts.
  const located = ctx.lab.hosts
    .map((h) => ({ h, at: formatSite(h.site), ...atHomelab(h), subject: { kind: "host" as const, name: h.name } }))
    .sort((a, b) => compareCodeUnits(a.h.name, b.h.name) || compareCodeUnits(a.at, b.at));
  reportGroups(groupBy(located, (x) => x.h.name).values(), (x, others, total) => {
    ctx.report(x.h).error(
      "host-name-duplicate",
      x,
      `${total + 1} hosts are named "${x.h.name}": a name is the host's networking.hostName and its nixosConfigurations.${x.h.name}, so it must be one host's; rename the others`,
      others,
    );
  });
}

/** A range of addresses a host routes to its own containers. */
interface OwnRange {
  readonly host: Host;
  readonly range: Ipv4Pool;
  readonly cidr: string;
  /** For messages: `its container pool`, `Podman's default network`. */
  readonly what: string;
  readonly at: Located;
}

function ownRanges(ctx: FleetCheckContext, host: Host): OwnRange[] {
  const facts = hostFacts(ctx.lab, host);
  const out: OwnRange[] = [];
  if (facts.pool !== undefined) out.push({ host, range: facts.pool, cidr: host.network.pool, what: "its container pool", at: atHomelab(host, "network", "pool") });
  for (const k of knownNetworks(host)) out.push({ host, range: k.range, cidr: k.cidr, what: k.what, at: k.at });
  return out;
}

/** First index of `sorted` (by `value`) whose value is at least `value`. */
function lowerBound(sorted: readonly { readonly value: number }[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.value < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * No two hosts claim one LAN address, and no host's address lies inside another host's
 * container pool or Podman network. Each range finds the addresses inside it by binary search
 * over the sorted addresses: O((hosts + findings) log hosts), never pairwise.
 */
export function checkHostAddresses(ctx: FleetCheckContext): void {
  const { fleet } = ctx;
  const claimed = fleet.hosts.flatMap((h) => {
    const address = fleet.addresses.get(h);
    const value = address === undefined ? undefined : parseIpv4(address);
    return address === undefined || value === undefined ? [] : [{ host: h, address, value, ...atHostAddress(h) }];
  });
  // Hosts of one name (a finding of their own) in the order of where their address is written.
  claimed.sort((a, b) => compareCodeUnits(a.host.name, b.host.name) || compareCodeUnits(formatPath(a.path), formatPath(b.path)) || compareCodeUnits(formatSite(a.site), formatSite(b.site)));
  reportGroups(groupBy(claimed, (c) => c.address).values(), (c, others, total) => {
    const names = others.map((o) => `"${o.host.name}"`).join(", ");
    const more = total > others.length ? ` and ${total - others.length} more` : "";
    ctx.report(c.host).error(
      "host-address-conflict",
      c,
      `${c.address} is also the address of host ${names}${more}: two machines cannot share one LAN address (routes, firewall openings and deploys would reach either); give each host its own`,
      others,
    );
  });

  const byValue = [...claimed].sort((a, b) => a.value - b.value);
  for (const host of fleet.hosts) {
    for (const r of ownRanges(ctx, host)) {
      const end = r.range.base + r.range.size;
      for (let i = lowerBound(byValue, r.range.base); i < byValue.length && byValue[i]!.value < end; i++) {
        const other = byValue[i]!;
        if (other.host === host) continue;
        const message =
          r.at.path[0] === "network"
            ? `${r.what} ${r.cidr} holds ${formatIpv4(other.value)}, the LAN address of host "${other.host.name}": ${host.name} gives its containers addresses from it, and one given that address would take ${other.host.name}'s place for ${host.name}; pick a pool outside the LAN (network: { pool: "10.233.0.0/24" })`
            : `${r.what} ${r.cidr} holds ${formatIpv4(other.value)}, the LAN address of host "${other.host.name}": ${host.name} routes ${r.cidr} to its Podman bridge, so it cannot reach ${other.host.name}; give ${other.host.name} an address outside ${r.cidr}`;
        ctx.report(host).error(
          "host-address-shadowed",
          r.at,
          message,
          [other],
        );
      }
    }
  }
}
