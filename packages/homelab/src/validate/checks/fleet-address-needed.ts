/**
 * A host other hosts must reach has a LAN address (`host({ address })`, or exactly one static
 * IPv4 address in `network.interfaces`): the target of a cross-host route (the proxy's
 * upstream is `${fleet.hosts.<target>.address}:<port>`), the proxy host of one (the target's
 * firewall opens the port to that address only) and a host `hostRef(name).address` names.
 * Without it `fleet.nix` has no address to give, and evaluation fails.
 */
import { formatPath } from "../../diagnostics/path.ts";
import { fleetRefUses } from "../../facts/fleet-refs.ts";
import { atHomelab, type Located } from "../../facts/located.ts";
import { formatSite, type Host } from "../../model/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { MAX_RELATED } from "../report.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

/** Why a host needs an address: the first reason is named, the others counted. */
interface Need {
  readonly why: string;
  readonly at: Located;
}

export function checkAddressesNeeded(ctx: FleetCheckContext): void {
  if (ctx.lab.fleet === undefined) return;
  const { fleet } = ctx;
  const needs = new Map<Host, Need[]>();
  const need = (host: Host, why: string, at: Located): void => {
    if (fleet.addresses.has(host) || (fleet.byName.get(host.name)?.length ?? 0) > 1) return;
    needs.set(host, [...(needs.get(host) ?? []), { why, at }]);
  };
  for (const r of fleet.remoteRoutes) {
    // An unknown or ambiguous target (two hosts of its name) is the route's and the names' finding.
    if (r.to === undefined || r.to === r.from || (fleet.byName.get(r.toName)?.length ?? 0) > 1) continue;
    need(r.to, `${r.route.host} on ${r.from.name} reaches it at ${"${fleet.hosts." + r.to.name + ".address}"}:${r.port}`, r.route);
    need(r.from, `${r.to.name}'s firewall lets ${r.route.host}'s requests in from ${r.from.name}'s address only`, r.route);
  }
  for (const u of fleetRefUses(ctx.lab)) {
    const target = fleet.byName.get(u.ref.fleetHost);
    if (u.ref.value.kind === "address" && target?.length === 1) need(target[0]!, `hostRef("${u.ref.fleetHost}").address on ${u.host.name} refers to it`, u);
  }
  for (const host of fleet.hosts) {
    const found = needs.get(host);
    if (found === undefined) continue;
    // Named in one order for any order of hosts (routes of two hosts of one name interleave).
    const key = (n: Need) => `${n.why}\0${formatPath(n.at.path)}\0${formatSite(n.at.site)}`;
    const list = [...found].sort((a, b) => compareCodeUnits(key(a), key(b)));
    const more = list.length > 1 ? ` (and ${list.length - 1} more use${list.length > 2 ? "s" : ""})` : "";
    ctx.report(host).error(
      "host-address-missing",
      atHomelab(host, "address"),
      `${host.name} has no LAN address, but ${list[0]!.why}${more}: set address: "192.168.1.10" (its address), or give it exactly one static IPv4 address in network.interfaces`,
      list.slice(0, MAX_RELATED).map((n) => n.at),
    );
  }
}
