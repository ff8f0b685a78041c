/**
 * The facts of a fleet that no single host's facts can see: each host's LAN address, and the
 * routes of one host that reach a container or service on another (`to: { host, … }`) with
 * the openings they need on the target host. Render (the target's firewall, `fleet.nix`) and
 * the fleet checks read these, so both answer alike. Computed once per homelab.
 */
import type { Homelab, Host } from "../model/homelab.ts";
import type { RemoteTarget } from "../model/routing.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostFacts } from "./host-facts.ts";
import type { PlacedRoute } from "./routes.ts";

/** A route on one host (`from`, where its proxy runs) to a container or service on another. */
export interface RemoteRoute {
  readonly route: PlacedRoute;
  /** The host whose proxy serves the route. */
  readonly from: Host;
  /** The host it names (`to.host`); absent when the fleet has no host of that name. */
  readonly to?: Host;
  readonly toName: string;
  readonly target: RemoteTarget;
  readonly port: number;
}

/** A port a host opens to one other host only, for the routes that reach it from there. */
export interface RemoteOpening {
  readonly port: number;
  readonly protocol: "tcp";
  /** The proxy host it is opened to. */
  readonly from: Host;
  /** The routes that need it, in the order of `remoteRoutes`. */
  readonly routes: readonly RemoteRoute[];
}

export interface FleetFacts {
  readonly lab: Homelab;
  /** The hosts sorted by name (never by declaration order). */
  readonly hosts: readonly Host[];
  /** Every host by name (two of one name are a check's finding), in declaration order. */
  readonly byName: ReadonlyMap<string, readonly Host[]>;
  /** Each host's LAN address, when it has one (see {@link hostAddress}). */
  readonly addresses: ReadonlyMap<Host, string>;
  /** Every cross-host route, by proxy host name then declaration order. */
  readonly remoteRoutes: readonly RemoteRoute[];
  /** What each target host opens, by the target host; sorted by port then proxy host name. */
  readonly openings: ReadonlyMap<Host, readonly RemoteOpening[]>;
}

/**
 * The LAN address other hosts reach `host` at: its `address`, else the only static IPv4
 * address of its interfaces; `undefined` when it has neither (or several and no `address`).
 * @example hostAddress(host("nas", { address: "192.168.1.10", … })) // "192.168.1.10"
 */
export function hostAddress(host: Host): string | undefined {
  if (host.address !== undefined) return host.address;
  const v4 = (host.network.stack?.interfaces ?? []).flatMap((i) => i.addresses.filter((a) => a.family === 4));
  return v4.length === 1 ? v4[0]!.address : undefined;
}

const cache = new WeakMap<Homelab, FleetFacts>();

/**
 * The fleet facts of `lab` (a homelab of one host has no remote routes).
 * @example fleetFacts(lab).openings.get(nas) // [{ port: 8096, protocol: "tcp", from: proxy, routes: [...] }]
 */
export function fleetFacts(lab: Homelab): FleetFacts {
  const known = cache.get(lab);
  if (known !== undefined) return known;
  const hosts = [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  const byName = new Map<string, Host[]>();
  for (const h of lab.hosts) byName.set(h.name, [...(byName.get(h.name) ?? []), h]);
  const addresses = new Map<Host, string>();
  for (const h of hosts) {
    const a = hostAddress(h);
    if (a !== undefined) addresses.set(h, a);
  }
  const remoteRoutes: RemoteRoute[] = [];
  for (const from of hosts) {
    for (const route of hostFacts(lab, from).routes) {
      const t = route.target;
      if (t.kind !== "remote") continue;
      const to = byName.get(t.host)?.[0];
      remoteRoutes.push({ route, from, ...(to === undefined ? {} : { to }), toName: t.host, target: t.target, port: t.port });
    }
  }
  const openings = new Map<Host, RemoteOpening[]>();
  for (const r of remoteRoutes) {
    if (r.to === undefined || r.to === r.from) continue;
    const list = openings.get(r.to) ?? [];
    const same = list.find((o) => o.port === r.port && o.from === r.from);
    if (same === undefined) list.push({ port: r.port, protocol: "tcp", from: r.from, routes: [r] });
    else (same.routes as RemoteRoute[]).push(r);
    openings.set(r.to, list);
  }
  for (const list of openings.values()) list.sort((a, b) => a.port - b.port || compareCodeUnits(a.from.name, b.from.name));
  const facts: FleetFacts = { lab, hosts, byName, addresses, remoteRoutes, openings };
  cache.set(lab, facts);
  return facts;
}
