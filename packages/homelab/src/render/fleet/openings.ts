/**
 * The cross-host openings in the target host's `host.nix`: a port a route on another host's
 * proxy reaches, opened to that proxy host's address only (never to the LAN). The address is
 * the reference `${fleet.hosts.<proxy>.address}`, never a copied literal.
 *
 * nftables hosts: `networking.firewall.extraInputRules`, which NixOS puts in its `input-allow`
 * chain (table `inet nixos-fw`, firewall-nftables.nix, 25.11 and 26.05). iptables hosts:
 * `networking.firewall.extraCommands`, which the `firewall-start` script runs just before the
 * final refuse rule of the `nixos-fw` chain (jumping to `nixos-fw-accept`, as NixOS's own
 * openings do); the script flushes and recreates `nixos-fw` on every start, and
 * `extraStopCommands` (run by `firewall-stop` and before a reload, under `sh -e`) deletes the
 * rule, tolerating its absence (firewall-iptables.nix, 25.11 and 26.05).
 *
 * A port published through DNAT (Podman, nspawn `forwardPorts`) never reaches the input chain:
 * it is filtered before the DNAT instead (`prerouting.ts`), in the same bindings.
 */
import { n, type NixBinding, type NixStringPart } from "@nixjs/expr-printer";
import { fleetFacts, type RemoteOpening } from "../../facts/fleet.ts";
import { reachedThroughDnat } from "../../facts/fleet-dnat.ts";
import type { RenderContext } from "../core/context.ts";
import { fleetAddress } from "../core/targets.ts";
import { iptablesPrerouting, nftablesPrerouting } from "./prerouting.ts";

type Section = readonly [comment: string | readonly string[] | undefined, bindings: readonly NixBinding[]];

function isIpv6(ctx: RenderContext, o: RemoteOpening): boolean {
  return (fleetFacts(ctx.lab).addresses.get(o.from) ?? "").includes(":");
}

/** One line per opening, `line(o)` giving its parts (text around the address). */
function lines(openings: readonly RemoteOpening[], line: (o: RemoteOpening) => NixStringPart[]): NixStringPart[] {
  return openings.flatMap((o) => [...line(o), "\n"]);
}

/**
 * The section of `host.nix` opening each cross-host route's port to its proxy host only;
 * empty for a single host and for a fleet host no other host routes to.
 * @example
 * openingsSection(ctx) // ["Cross-host routes: …", [networking.firewall.extraInputRules = ''ip saddr ${fleet.hosts.proxy.address} tcp dport 8096 accept'']]
 */
export function openingsSection(ctx: RenderContext): Section {
  if (ctx.lab.fleet === undefined) return [undefined, []];
  const openings = fleetFacts(ctx.lab).openings.get(ctx.host) ?? [];
  if (openings.length === 0) return [undefined, []];
  const dnat = openings.filter((o) => reachedThroughDnat(ctx.lab, ctx.host, o));
  const input = openings.filter((o) => !dnat.includes(o));
  const froms = [...new Set(openings.map((o) => o.from.name))];
  const comment = [`Cross-host routes: the ports the proxies on ${froms.join(", ")} reach, open to ${froms.length === 1 ? "that host" : "those hosts"} only`];
  if (dnat.length > 0) {
    comment.push(
      "Ports published through DNAT skip the input chain: they are filtered in prerouting instead,",
      "on this host's own address only. Its containers reaching them at that address are dropped",
      "too (use the container's address); the port on another address of this host stays open.",
    );
  }
  if (ctx.host.network.nftables) {
    const rules = lines(input, (o) => [`${isIpv6(ctx, o) ? "ip6" : "ip"} saddr `, fleetAddress(o.from.name), ` ${o.protocol} dport ${o.port} accept`]);
    return [
      comment,
      [
        ...(input.length === 0 ? [] : [n.bind("networking.firewall.extraInputRules", n.indented(rules))]),
        ...(dnat.length === 0 ? [] : [nftablesPrerouting(ctx, dnat)]),
      ],
    ];
  }
  const rule = (o: RemoteOpening, op: "-A" | "-D"): NixStringPart[] => [
    `${isIpv6(ctx, o) ? "ip6tables" : "iptables"} -w ${op} nixos-fw -p ${o.protocol} -s `,
    fleetAddress(o.from.name),
    ` --dport ${o.port} -j nixos-fw-accept`,
  ];
  const raw = dnat.length === 0 ? { start: [], stop: [] } : iptablesPrerouting(ctx, dnat);
  return [
    comment,
    [
      n.bind("networking.firewall.extraCommands", n.indented([...lines(input, (o) => rule(o, "-A")), ...raw.start])),
      n.bind("networking.firewall.extraStopCommands", n.indented([...lines(input, (o) => [...rule(o, "-D"), " 2>/dev/null || true"]), ...raw.stop])),
    ],
  ];
}
