/**
 * Mistakes in the host's own network (`homelab({ network })`), reported only where they cannot
 * be a false alarm:
 * - `bridge-member-address` (error): an interface with static addresses that is also a bridge
 *   member — NixOS refuses it ("must not have any defined ips when it is a slave"); the address
 *   belongs on the bridge. Same for an interface in two bridges.
 * - `gateway-unreachable` (warning): a default gateway outside the subnet of every static
 *   address of its family (of its interface, when given), when no interface asks DHCP: the
 *   route cannot be installed. Link-local IPv6 gateways are on-link by definition: not judged.
 * - `vlan-parent-invalid` (error): a VLAN whose parent is itself, or a chain of VLANs that loops.
 *   An undeclared parent is fine (a trunk NIC carrying only VLANs needs no address).
 * - `nat-interface-mismatch` (warning): with interfaces declared, NAT's `externalInterface` is a
 *   bridge member (its traffic leaves through the bridge), or is not the interface the IPv4
 *   default gateway is reached through, or is declared nowhere (declaring interfaces turns
 *   DHCP off on the others, so it would have no address).
 */
import { atHomelab } from "../../facts/located.ts";
import type { Gateway, NetworkStack } from "../../model/host-network.ts";
import { inSubnet, isLinkLocal6 } from "../../net/ipv6.ts";
import { gatewayInterface } from "../../facts/gateways.ts";
import type { CheckContext } from "../context.ts";

function checkBridges(ctx: CheckContext, stack: NetworkStack): void {
  const withAddresses = new Set(stack.interfaces.filter((i) => i.addresses.length > 0).map((i) => i.name));
  const bridgeOf = new Map<string, string>();
  for (const b of stack.bridges) {
    b.interfaces.forEach((m, i) => {
      const where = atHomelab(ctx.host, "network", "bridges", b.name, "interfaces", i);
      if (withAddresses.has(m)) {
        ctx.report.error("bridge-member-address", where, `${m} is a member of bridge ${b.name} and has static addresses, which NixOS refuses (a bridge port carries no addresses of its own): give the addresses to ${b.name} under network.interfaces`);
      }
      const other = bridgeOf.get(m);
      if (other !== undefined && other !== b.name) {
        ctx.report.error("bridge-member-address", where, `${m} is a member of both ${other} and ${b.name}; an interface can join one bridge only`);
      }
      bridgeOf.set(m, b.name);
    });
  }
}

function checkGateway(ctx: CheckContext, stack: NetworkStack, g: Gateway | undefined, family: 4 | 6, option: string): void {
  if (g === undefined || (family === 6 && isLinkLocal6(g.address))) return;
  if (g.interface === undefined && stack.interfaces.some((i) => i.useDHCP === true)) return;
  const scope = g.interface === undefined ? stack.interfaces : stack.interfaces.filter((i) => i.name === g.interface);
  const addresses = scope.flatMap((i) => i.addresses.filter((a) => a.family === family));
  if (addresses.length === 0 || addresses.some((a) => inSubnet(a, g.address))) return;
  const where = g.interface === undefined ? "any interface's" : `${g.interface}'s`;
  const subnets = addresses.map((a) => `${a.address}/${a.prefixLength}`).join(", ");
  ctx.report.warning(
    "gateway-unreachable",
    atHomelab(ctx.host, "network", option),
    `the default gateway ${g.address} is outside ${where} subnet (${subnets}): the default route cannot be installed; check the gateway or the prefix length`,
  );
}

function checkVlans(ctx: CheckContext, stack: NetworkStack): void {
  const parent = new Map(stack.vlans.map((v) => [v.name, v.interface]));
  for (const v of stack.vlans) {
    const seen = new Set<string>([v.name]);
    let at: string | undefined = v.interface;
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      at = parent.get(at);
    }
    if (at === undefined) continue;
    const why = v.interface === v.name ? "is its own parent" : "sits on a chain of VLANs that comes back to it";
    ctx.report.error("vlan-parent-invalid", atHomelab(ctx.host, "network", "vlans", v.name, "interface"), `VLAN ${v.name} ${why}: its interface must be the physical interface (or bridge) that carries the tagged traffic`);
  }
}

function checkNat(ctx: CheckContext, stack: NetworkStack): void {
  const ext = ctx.host.network.externalInterface;
  if (ext === undefined || stack.interfaces.length === 0) return;
  const where = atHomelab(ctx.host, "network", "externalInterface");
  const bridge = stack.bridges.find((b) => b.interfaces.includes(ext));
  if (bridge !== undefined) {
    ctx.report.warning("nat-interface-mismatch", where, `NAT's externalInterface ${ext} is a member of bridge ${bridge.name}: the host's traffic leaves through ${bridge.name}, so containers get no NAT; use externalInterface: "${bridge.name}"`);
    return;
  }
  const declared = new Set([...stack.interfaces.map((i) => i.name), ...stack.bridges.map((b) => b.name), ...stack.vlans.map((v) => v.name)]);
  if (!declared.has(ext)) {
    ctx.report.warning(
      "nat-interface-mismatch",
      where,
      `NAT's externalInterface ${ext} is none of the declared interfaces (${[...declared].sort().join(", ")}); declaring interfaces turns DHCP off on the others, so ${ext} would have no address: declare it (useDHCP: true, or its addresses) or name the uplink`,
    );
    return;
  }
  const g = stack.defaultGateway;
  const via = g === undefined ? undefined : gatewayInterface(stack, g, 4);
  if (via !== undefined && via !== ext) {
    ctx.report.warning("nat-interface-mismatch", where, `NAT's externalInterface is ${ext}, but the default gateway ${g!.address} is reached through ${via}: the containers' traffic leaves through ${via} unmasqueraded; use externalInterface: "${via}"`);
  }
}

export function checkHostNetwork(ctx: CheckContext): void {
  const stack = ctx.host.network.stack;
  if (stack === undefined) return;
  checkBridges(ctx, stack);
  checkGateway(ctx, stack, stack.defaultGateway, 4, "defaultGateway");
  checkGateway(ctx, stack, stack.defaultGateway6, 6, "defaultGateway6");
  checkVlans(ctx, stack);
  checkNat(ctx, stack);
}
