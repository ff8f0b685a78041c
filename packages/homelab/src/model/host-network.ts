/**
 * The host's own network, beyond what its containers need: extra firewall openings, trusted
 * interfaces, and its static interfaces, gateways, DNS servers, bridges and VLANs, written
 * either as NixOS's scripted `networking.interfaces` or as systemd-networkd units.
 */
import type { Protocol } from "./ports.ts";

/**
 * One opening of the host firewall the user asked for (`firewall.allowedTCPPorts`, a range,
 * or the same per interface): a port span of one protocol, on every interface or one.
 */
export interface FirewallOpening {
  readonly protocol: Protocol;
  /** First port; equal to `to` for a single port. */
  readonly from: number;
  readonly to: number;
  /** Written as a range (`allowed*PortRanges`), not as a single port. */
  readonly range: boolean;
  /** The one interface it is opened on (`networking.firewall.interfaces.<name>`); every interface when absent. */
  readonly interface?: string;
  /** What it is for, when nixjs does not model the listener (silences `firewall-port-unused`). */
  readonly for?: string;
  /** Where it is in `homelab()`'s options, e.g. `["firewall", "interfaces", "eth0", "allowedTCPPorts", 0]`. */
  readonly path: readonly (string | number)[];
}

/** The host firewall as `homelab({ firewall })` sets it. */
export interface HostFirewall {
  /** `networking.firewall.enable` when the user gave it; NixOS's default (`true`) otherwise. */
  readonly enable?: boolean;
  /** Openings beyond the listeners nixjs knows, in the order given. */
  readonly openings: readonly FirewallOpening[];
  /** `networking.firewall.trustedInterfaces`: every port open on these. */
  readonly trustedInterfaces: readonly string[];
}

/** One static address of an interface. */
export interface InterfaceAddress {
  readonly family: 4 | 6;
  readonly address: string;
  readonly prefixLength: number;
}

/** One interface of the host with its static addresses. */
export interface HostInterface {
  readonly name: string;
  readonly addresses: readonly InterfaceAddress[];
  /** Ask DHCP on this interface (besides its static addresses); NixOS's choice when absent. */
  readonly useDHCP?: boolean;
}

/** A default gateway: its address and, when given, the interface it is reached through. */
export interface Gateway {
  readonly address: string;
  readonly interface?: string;
}

/** A bridge over member interfaces (`networking.bridges.<name>`, a networkd bridge netdev). */
export interface Bridge {
  readonly name: string;
  readonly interfaces: readonly string[];
}

/** A VLAN interface on a parent interface. */
export interface Vlan {
  readonly name: string;
  readonly id: number;
  readonly interface: string;
}

/** How interfaces are configured: NixOS's scripted `networking.interfaces`, or systemd-networkd units. */
export type NetworkBackend = "scripted" | "networkd";

/** The host's own network stack: interfaces, gateways, DNS, bridges, VLANs, IPv6. */
export interface NetworkStack {
  readonly backend: NetworkBackend;
  /** In the order given. */
  readonly interfaces: readonly HostInterface[];
  readonly defaultGateway?: Gateway;
  readonly defaultGateway6?: Gateway;
  /** `networking.nameservers`. */
  readonly nameservers: readonly string[];
  readonly bridges: readonly Bridge[];
  readonly vlans: readonly Vlan[];
  /** `networking.enableIPv6` when given (NixOS's default is `true`). */
  readonly enableIPv6?: boolean;
}
