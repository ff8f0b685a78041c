/**
 * `host.nix`'s network sections: the host's own interfaces, gateways, DNS servers, bridges and
 * VLANs (scripted `networking.interfaces` or systemd-networkd units), and the firewall — exactly
 * what the firewall facts say it opens (`facts/firewall.ts`), so the checks read what is written.
 */
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import type { FirewallEntry } from "../../facts/firewall.ts";
import type { Gateway, HostInterface, NetworkStack } from "../../model/host-network.ts";
import { gatewayInterface } from "../../facts/gateways.ts";
import { compareCodeUnits, sortedUnique } from "../../util/order.ts";
import type { RenderContext } from "./context.ts";

/** A commented group of `host.nix`'s bindings (no comment, no bindings: no group). */
export type Section = readonly [comment: string | readonly string[] | undefined, bindings: readonly NixBinding[]];

type Path = readonly string[];

function ints(values: Iterable<number>): NixExpr {
  return n.list([...new Set(values)].sort((a, b) => a - b).map((v) => n.int(v)));
}

function strs(values: readonly string[]): NixExpr {
  return n.list(values.map((v) => n.str(v)));
}

/** `[ { from = …; to = …; } … ]`, sorted, each span once. */
function ranges(entries: readonly FirewallEntry[]): NixExpr {
  const spans = new Map<string, FirewallEntry>();
  for (const e of entries) spans.set(`${e.from}-${e.to}`, e);
  const sorted = [...spans.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  return n.list(sorted.map((e) => n.attrs([n.bind("from", n.int(e.from)), n.bind("to", n.int(e.to))])));
}

/** The four port lists of one scope (every interface, or one), those that are not empty. */
function portLists(entries: readonly FirewallEntry[]): [Path, NixExpr][] {
  const out: [Path, NixExpr][] = [];
  for (const [key, protocol, range] of [
    ["allowedTCPPorts", "tcp", false],
    ["allowedUDPPorts", "udp", false],
    ["allowedTCPPortRanges", "tcp", true],
    ["allowedUDPPortRanges", "udp", true],
  ] as const) {
    const mine = entries.filter((e) => e.protocol === protocol && e.range === range);
    if (mine.length > 0) out.push([[key], range ? ranges(mine) : ints(mine.map((e) => e.from))]);
  }
  return out;
}

/** Bindings under one attribute path: one `a.b = v` for a single one, else `a = { … }`. */
function grouped(prefix: Path, parts: readonly [Path, NixExpr][]): NixBinding[] {
  if (parts.length === 1) return [n.bind([...prefix, ...parts[0]![0]], parts[0]![1])];
  return [n.bind([...prefix], n.attrs(parts.map(([p, v]) => n.bind([...p], v))))];
}

/**
 * The firewall section: the listeners nixjs opens and the user's openings, merged per list,
 * per interface, then trusted interfaces. With only listeners it is what nixjs always wrote.
 */
export function firewallSection(ctx: RenderContext): Section {
  const fw = ctx.facts.firewall;
  const global = fw.entries.filter((e) => e.interface === undefined);
  const byInterface = new Map<string, FirewallEntry[]>();
  for (const e of fw.entries) if (e.interface !== undefined) byInterface.set(e.interface, [...(byInterface.get(e.interface) ?? []), e]);
  const parts: [Path, NixExpr][] = [...(fw.enable ? [] : [[["enable"], n.bool(false)] as [Path, NixExpr]]), ...portLists(global)];
  for (const name of [...byInterface.keys()].sort(compareCodeUnits)) {
    const lists = portLists(byInterface.get(name)!);
    if (lists.length === 1) parts.push([["interfaces", name, ...lists[0]![0]], lists[0]![1]]);
    else parts.push([["interfaces", name], n.attrs(lists.map(([p, v]) => n.bind([...p], v)))]);
  }
  if (fw.trustedInterfaces.length > 0) parts.push([["trustedInterfaces"], strs(sortedUnique(fw.trustedInterfaces))]);
  if (parts.length === 0) return [undefined, []];
  const own = ctx.host.firewall;
  const users = own !== undefined && (own.openings.length > 0 || own.trustedInterfaces.length > 0 || own.enable === false);
  const listeners = fw.listenerNames.length > 0 ? `listeners on the host network (${fw.listenerNames.join(", ")})` : undefined;
  const comment = `Firewall: ${[listeners, users ? "the firewall option" : undefined].filter((x) => x !== undefined).join(" and ")}`;
  return [comment, grouped(["networking", "firewall"], parts)];
}

function gatewayValue(g: Gateway): NixExpr {
  return g.interface === undefined ? n.str(g.address) : n.attrs([n.bind("address", g.address), n.bind("interface", g.interface)]);
}

function addressList(i: HostInterface, family: 4 | 6): NixExpr {
  return n.list(
    i.addresses.filter((a) => a.family === family).map((a) => n.attrs([n.bind("address", a.address), n.bind("prefixLength", n.int(a.prefixLength))])),
  );
}

/** Scripted networking: `networking.interfaces`, `bridges`, `vlans`, `defaultGateway{,6}`. */
function scripted(stack: NetworkStack): NixBinding[] {
  const out: NixBinding[] = [];
  for (const i of [...stack.interfaces].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const parts: [Path, NixExpr][] = [];
    if (i.addresses.some((a) => a.family === 4)) parts.push([["ipv4", "addresses"], addressList(i, 4)]);
    if (i.addresses.some((a) => a.family === 6)) parts.push([["ipv6", "addresses"], addressList(i, 6)]);
    if (i.useDHCP !== undefined) parts.push([["useDHCP"], n.bool(i.useDHCP)]);
    out.push(...(parts.length === 0 ? [n.bind(["networking", "interfaces", i.name], n.attrs([]))] : grouped(["networking", "interfaces", i.name], parts)));
  }
  for (const b of [...stack.bridges].sort((a, b) => compareCodeUnits(a.name, b.name))) out.push(n.bind(["networking", "bridges", b.name, "interfaces"], strs(b.interfaces)));
  for (const v of [...stack.vlans].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    out.push(n.bind(["networking", "vlans", v.name], n.attrs([n.bind("id", n.int(v.id)), n.bind("interface", v.interface)])));
  }
  if (stack.defaultGateway !== undefined) out.push(n.bind("networking.defaultGateway", gatewayValue(stack.defaultGateway)));
  if (stack.defaultGateway6 !== undefined) out.push(n.bind("networking.defaultGateway6", gatewayValue(stack.defaultGateway6)));
  return out;
}

/** One networkd `.network` unit's settings, by interface name, built up as the parts are visited. */
class Units {
  readonly #units = new Map<string, Map<string, NixExpr | string[]>>();
  unit(name: string): Map<string, NixExpr | string[]> {
    let u = this.#units.get(name);
    if (u === undefined) this.#units.set(name, (u = new Map()));
    return u;
  }
  append(name: string, key: string, value: string): void {
    const u = this.unit(name);
    const list = u.get(key);
    if (Array.isArray(list)) list.push(value);
    else u.set(key, [value]);
  }
  bindings(): NixBinding[] {
    return [...this.#units.keys()].sort(compareCodeUnits).map((name) => {
      const u = this.#units.get(name)!;
      const keys = ["matchConfig.Name", ...[...u.keys()].sort(compareCodeUnits)];
      return n.bind(
        [`30-${name}`],
        n.attrs(keys.map((k) => (k === "matchConfig.Name" ? n.bind(["matchConfig", "Name"], name) : n.bind(k, valueOf(u.get(k)!))))),
      );
    });
  }
}

function valueOf(v: NixExpr | string[]): NixExpr {
  return Array.isArray(v) ? strs(v) : v;
}

/**
 * systemd-networkd: a `.netdev` per bridge and VLAN (`20-<name>`), a `.network` per interface
 * (`30-<name>`: its addresses, the gateways reached through it, DHCP, the bridge it joins, the
 * VLANs on it). Only options every networkd module since NixOS 18.09 has (`address`, `gateway`,
 * `vlan`, `DHCP`) and free unit keys (`matchConfig.Name`, `networkConfig.Bridge`). A gateway no interface can be told for stays in `networking.defaultGateway`.
 */
function networkd(stack: NetworkStack): NixBinding[] {
  const units = new Units();
  const netdevs: NixBinding[] = [];
  for (const i of stack.interfaces) {
    units.unit(i.name);
    for (const a of i.addresses) units.append(i.name, "address", `${a.address}/${a.prefixLength}`);
    if (i.useDHCP === true) units.unit(i.name).set("DHCP", n.str("yes"));
  }
  for (const b of [...stack.bridges].sort((x, y) => compareCodeUnits(x.name, y.name))) {
    netdevs.push(n.bind([`20-${b.name}`, "netdevConfig"], n.attrs([n.bind("Kind", "bridge"), n.bind("Name", b.name)])));
    // `networkConfig.Bridge` (a [Network] key), as NixOS's own networkd translation writes it.
    for (const m of b.interfaces) units.unit(m).set("networkConfig.Bridge", n.str(b.name));
  }
  for (const v of [...stack.vlans].sort((x, y) => compareCodeUnits(x.name, y.name))) {
    netdevs.push(
      n.bind(
        [`20-${v.name}`],
        n.attrs([n.bind("netdevConfig", n.attrs([n.bind("Kind", "vlan"), n.bind("Name", v.name)])), n.bind(["vlanConfig", "Id"], n.int(v.id))]),
      ),
    );
    units.append(v.interface, "vlan", v.name);
  }
  const fallback: NixBinding[] = [];
  for (const [g, family, option] of [
    [stack.defaultGateway, 4, "networking.defaultGateway"],
    [stack.defaultGateway6, 6, "networking.defaultGateway6"],
  ] as const) {
    if (g === undefined) continue;
    const via = gatewayInterface(stack, g, family);
    if (via !== undefined) units.append(via, "gateway", g.address);
    else fallback.push(n.bind(option, gatewayValue(g)));
  }
  const networks = units.bindings();
  return [
    n.bind("systemd.network.enable", true),
    ...(netdevs.length > 0 ? [n.bind("systemd.network.netdevs", n.attrs(netdevs))] : []),
    ...(networks.length > 0 ? [n.bind("systemd.network.networks", n.attrs(networks))] : []),
    ...fallback,
  ];
}

/**
 * The host's own network: DHCP off everywhere once interfaces are declared (each may ask for it
 * again), the interfaces per backend, DNS servers, IPv6 off when asked.
 */
export function networkSection(ctx: RenderContext): Section {
  const stack = ctx.host.network.stack;
  if (stack === undefined) return [undefined, []];
  const bindings: NixBinding[] = [
    ...(stack.interfaces.length > 0 || stack.backend === "networkd" ? [n.bind("networking.useDHCP", false)] : []),
    ...(stack.backend === "networkd" ? networkd(stack) : scripted(stack)),
    ...(stack.nameservers.length > 0 ? [n.bind("networking.nameservers", strs(stack.nameservers))] : []),
    ...(stack.enableIPv6 === undefined ? [] : [n.bind("networking.enableIPv6", stack.enableIPv6)]),
  ];
  const how = stack.backend === "networkd" ? "systemd-networkd" : "scripted networking";
  return [`Network: the host's interfaces, gateways and DNS servers (${how})`, bindings];
}
