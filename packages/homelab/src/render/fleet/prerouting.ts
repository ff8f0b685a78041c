/**
 * The cross-host openings NixOS's input chain cannot filter (a port published through DNAT,
 * `facts/fleet-dnat.ts`), filtered before the DNAT instead: in PREROUTING at the raw priority
 * (-300), ahead of the nat table's dstnat (-100) where netavark and systemd-nspawn rewrite the
 * destination. Each port of the target host's own address accepts its proxy hosts' addresses
 * first, then drops; any other destination (a container's address, another address of the
 * host) and locally generated traffic (OUTPUT, never PREROUTING) are untouched.
 *
 * iptables hosts: a chain `nixjs-fleet` of the raw table, jumped to from raw PREROUTING. NixOS's
 * `firewall-start` (run under `sh -e`) never flushes the raw table, so the commands are
 * idempotent on their own: create the chain or flush it, fill it, add the jump unless it is
 * there (`-C`) — a start after a failed stop leaves one chain and one jump. A proxy's rule
 * RETURNs (back to PREROUTING, whose other raw rules still run) rather than ACCEPT.
 * `extraStopCommands` (firewall-stop, and firewall-reload before it restarts) remove the jump
 * and the chain, tolerating their absence (firewall-iptables.nix, 25.11 and 26.05).
 *
 * nftables hosts: a table of its own, `networking.nftables.tables.nixjs-fleet` (family inet),
 * with a chain hooked at prerouting priority raw; nftables.nix deletes and re-adds the table on
 * every start and reload. `accept` ends this chain only: the packet still meets dstnat.
 */
import { n, type NixBinding, type NixStringPart } from "@nixjs/expr-printer";
import { fleetFacts, type RemoteOpening } from "../../facts/fleet.ts";
import type { Host } from "../../model/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import type { RenderContext } from "../core/context.ts";
import { fleetAddress } from "../core/targets.ts";

/** The raw-table chain (iptables) and the table (nftables) nixjs owns on a target host. */
export const PREROUTING_NAME = "nixjs-fleet";

/** One port of the target host and the proxy hosts allowed to reach it. */
interface FilteredPort {
  readonly port: number;
  readonly protocol: "tcp";
  readonly from: readonly Host[];
}

/**
 * The DNAT'd openings grouped by port, each port's proxy hosts sorted by name; a proxy host
 * whose address is of the other IP family than the target's is left out (it cannot be the
 * source of a connection to that address, and iptables would refuse the rule).
 */
function byPort(ctx: RenderContext, openings: readonly RemoteOpening[], v6: boolean): FilteredPort[] {
  const ports = new Map<number, Host[]>();
  const addresses = fleetFacts(ctx.lab).addresses;
  for (const o of openings) {
    if ((addresses.get(o.from) ?? "").includes(":") !== v6) continue;
    ports.set(o.port, [...(ports.get(o.port) ?? []), o.from]);
  }
  return [...ports.entries()].sort(([a], [b]) => a - b).map(([port, from]) => ({ port, protocol: "tcp", from: [...from].sort((a, b) => compareCodeUnits(a.name, b.name)) }));
}

/** Lines of parts, each ended by a newline. */
const lines = (ls: readonly NixStringPart[][]): NixStringPart[] => ls.flatMap((l) => [...l, "\n"]);

/**
 * The iptables commands of the DNAT'd `openings` of the context's host: the lines for
 * `networking.firewall.extraCommands` (`start`) and for `extraStopCommands` (`stop`).
 * @example iptablesPrerouting(ctx, dnat).start // ["iptables -w -t raw -N nixjs-fleet 2>/dev/null || …\n", …]
 */
export function iptablesPrerouting(ctx: RenderContext, openings: readonly RemoteOpening[]): { readonly start: NixStringPart[]; readonly stop: NixStringPart[] } {
  const v6 = (fleetFacts(ctx.lab).addresses.get(ctx.host) ?? "").includes(":");
  const ipt = `${v6 ? "ip6tables" : "iptables"} -w -t raw`;
  const to = fleetAddress(ctx.host.name);
  const chain = PREROUTING_NAME;
  const start: NixStringPart[][] = [[`${ipt} -N ${chain} 2>/dev/null || ${ipt} -F ${chain}`]];
  for (const p of byPort(ctx, openings, v6)) {
    for (const h of p.from) start.push([`${ipt} -A ${chain} -p ${p.protocol} -d `, to, ` --dport ${p.port} -s `, fleetAddress(h.name), " -j RETURN"]);
    start.push([`${ipt} -A ${chain} -p ${p.protocol} -d `, to, ` --dport ${p.port} -j DROP`]);
  }
  start.push([`${ipt} -C PREROUTING -j ${chain} 2>/dev/null || ${ipt} -A PREROUTING -j ${chain}`]);
  const stop = [`-D PREROUTING -j ${chain}`, `-F ${chain}`, `-X ${chain}`].map((c) => [`${ipt} ${c} 2>/dev/null || true`]);
  return { start: lines(start), stop: lines(stop) };
}

/**
 * The nftables table of the DNAT'd `openings` of the context's host.
 * @example nftablesPrerouting(ctx, dnat) // networking.nftables.tables.nixjs-fleet = { family = "inet"; content = ''chain prerouting { … }''; };
 */
export function nftablesPrerouting(ctx: RenderContext, openings: readonly RemoteOpening[]): NixBinding {
  const v6 = (fleetFacts(ctx.lab).addresses.get(ctx.host) ?? "").includes(":");
  const ip = v6 ? "ip6" : "ip";
  const to = fleetAddress(ctx.host.name);
  const body: NixStringPart[][] = [["chain prerouting {"], ["  type filter hook prerouting priority raw; policy accept;"]];
  for (const p of byPort(ctx, openings, v6)) {
    for (const h of p.from) body.push([`  ${ip} daddr `, to, ` ${p.protocol} dport ${p.port} ${ip} saddr `, fleetAddress(h.name), " accept"]);
    body.push([`  ${ip} daddr `, to, ` ${p.protocol} dport ${p.port} drop`]);
  }
  body.push(["}"]);
  return n.bind(`networking.nftables.tables.${PREROUTING_NAME}`, n.attrs([n.bind("family", "inet"), n.bind("content", n.indented(lines(body)))]));
}
