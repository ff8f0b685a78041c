/**
 * `homelab()`'s `firewall` and the host-network entries of `network`, from their parsed input
 * to the model: openings flattened with the option path of each (for diagnostics), interfaces,
 * bridges and VLANs in the order given.
 */
import type { Zod } from "../schema/zod.ts";
import { networkStackShape, type firewallSchema } from "../schema/host-network.ts";
import type { FirewallOpening, Gateway, HostFirewall, HostInterface, NetworkStack } from "../model/host-network.ts";
import type { Protocol } from "../model/ports.ts";
import { parsePrefixed } from "../net/ipv6.ts";
import { optional } from "./freeze.ts";

type FirewallInput = Zod.output<typeof firewallSchema>;
type PortLists = Omit<FirewallInput, "enable" | "interfaces" | "trustedInterfaces">;
type StackInput = { [K in keyof typeof networkStackShape]?: Zod.output<(typeof networkStackShape)[K]> };

const LISTS = [
  ["allowedTCPPorts", "tcp", false],
  ["allowedUDPPorts", "udp", false],
  ["allowedTCPPortRanges", "tcp", true],
  ["allowedUDPPortRanges", "udp", true],
] as const satisfies readonly (readonly [keyof PortLists, Protocol, boolean])[];

function openings(lists: PortLists, prefix: readonly (string | number)[], iface: string | undefined): FirewallOpening[] {
  const out: FirewallOpening[] = [];
  for (const [key, protocol, range] of LISTS) {
    (lists[key] ?? []).forEach((entry, i) => {
      const span = typeof entry === "number" ? { from: entry, to: entry } : "port" in entry ? { from: entry.port, to: entry.port } : { from: entry.from, to: entry.to };
      const why = typeof entry === "number" ? undefined : entry.for;
      out.push({ protocol, ...span, range, ...optional("interface", iface), ...optional("for", why), path: [...prefix, key, i] });
    });
  }
  return out;
}

/**
 * The model of `firewall`, or `undefined` when it is absent.
 * @example hostFirewall({ allowedTCPPorts: [8080] }) // { openings: [{ protocol: "tcp", from: 8080, to: 8080, range: false, path: ["firewall", "allowedTCPPorts", 0] }], trustedInterfaces: [] }
 */
export function hostFirewall(input: FirewallInput | undefined): HostFirewall | undefined {
  if (input === undefined) return undefined;
  const all = openings(input, ["firewall"], undefined);
  for (const [name, lists] of Object.entries(input.interfaces ?? {})) all.push(...openings(lists, ["firewall", "interfaces", name], name));
  return { ...optional("enable", input.enable), openings: all, trustedInterfaces: input.trustedInterfaces ?? [] };
}

function gatewayOf(input: string | { address: string; interface: string } | undefined): Gateway | undefined {
  if (input === undefined) return undefined;
  return typeof input === "string" ? { address: input } : { address: input.address, interface: input.interface };
}

/**
 * The model of `network`'s host entries, or `undefined` when none is given (the host's network
 * is then NixOS's default, DHCP, and nixjs writes nothing about it).
 * @example networkStack({ interfaces: { enp1s0: { addresses: ["192.168.1.10/24"] } }, defaultGateway: "192.168.1.1" })
 */
export function networkStack(input: StackInput | undefined): NetworkStack | undefined {
  if (input === undefined) return undefined;
  const given = Object.keys(networkStackShape).some((k) => input[k as keyof StackInput] !== undefined);
  if (!given) return undefined;
  const interfaces = Object.entries(input.interfaces ?? {}).map(([name, i]): HostInterface => ({
    name,
    addresses: (i.addresses ?? []).map((a) => {
      const p = parsePrefixed(a);
      if (typeof p === "string") throw new Error(`unreachable: ${a} passed the schema`);
      return p;
    }),
    ...optional("useDHCP", i.useDHCP),
  }));
  return {
    backend: input.backend ?? "scripted",
    interfaces,
    ...optional("defaultGateway", gatewayOf(input.defaultGateway)),
    ...optional("defaultGateway6", gatewayOf(input.defaultGateway6)),
    nameservers: input.nameservers ?? [],
    bridges: Object.entries(input.bridges ?? {}).map(([name, b]) => ({ name, interfaces: b.interfaces })),
    vlans: Object.entries(input.vlans ?? {}).map(([name, v]) => ({ name, id: v.id, interface: v.interface })),
    ...optional("enableIPv6", input.enableIPv6),
  };
}
