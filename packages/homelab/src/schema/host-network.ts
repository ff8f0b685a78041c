/**
 * `homelab()`'s `firewall` option and the host-network entries of its `network` option: extra
 * firewall openings (NixOS's names: `allowedTCPPorts`, `allowedUDPPortRanges`, `interfaces`,
 * `trustedInterfaces`), the host's static addresses, gateways, DNS servers, bridges, VLANs.
 */
import { z } from "./zod.ts";
import { parseIpv6, parsePrefixed } from "../net/ipv6.ts";
import { parseIpv4 } from "../net/ipv4.ts";
import { bool, interfaceName, ipv4, port } from "./primitives.ts";

/**
 * `open` of a service port (`ports: [{ port, open }]`): `true` (the default: every interface,
 * unless bound to loopback), `false` (a listener the firewall leaves closed), or `{ interface }`.
 * @example open: { interface: "enp1s0" }
 */
export const portOpen = z.union([z.boolean(), z.strictObject({ interface: interfaceName })], {
  error: 'expected true, false or { interface: "enp1s0" }',
});

/** Why a firewall opening exists, when nixjs does not know its listener. */
const reason = z
  .string({ error: 'expected what the opening is for, like "WireGuard, configured in ./wireguard.nix"' })
  .regex(/^[^\0\n]+$/, { error: "expected one line saying what the opening is for" });

/**
 * A port to open: a number, or `{ port, for }` saying what listens on it when nixjs does not
 * know (a listener in a hand-written module).
 * @example 8080
 * @example { port: 51820, for: "WireGuard, configured in ./wireguard.nix" }
 */
const openedPort = z.union([port, z.strictObject({ port, for: reason.optional() })], {
  error: 'expected a port 1–65535 or { port, for: "what listens on it" }',
});

/**
 * A port range to open, both ends included.
 * @example { from: 60000, to: 61000, for: "mosh" }
 */
const openedRange = z
  .strictObject(
    {
      /** First port. @example from: 60000 */
      from: port,
      /** Last port (included). @example to: 61000 */
      to: port,
      /** What listens there, when nixjs does not know. @example for: "mosh" */
      for: reason.optional(),
    },
    { error: "expected { from, to } (a port range, both ends included)" },
  )
  .refine((r) => r.from <= r.to, { error: "expected from ≤ to" });

/** The port lists of `networking.firewall` and of each of its `interfaces`. */
const portLists = {
  /** TCP ports to open. @example allowedTCPPorts: [8080, { port: 25565, for: "minecraft in ./minecraft.nix" }] */
  allowedTCPPorts: z.array(openedPort).optional(),
  /** UDP ports to open. @example allowedUDPPorts: [{ port: 51820, for: "WireGuard" }] */
  allowedUDPPorts: z.array(openedPort).optional(),
  /** TCP port ranges to open. @example allowedTCPPortRanges: [{ from: 8000, to: 8010 }] */
  allowedTCPPortRanges: z.array(openedRange).optional(),
  /** UDP port ranges to open. @example allowedUDPPortRanges: [{ from: 60000, to: 61000, for: "mosh" }] */
  allowedUDPPortRanges: z.array(openedRange).optional(),
};

/**
 * `homelab({ firewall })`: openings of the host firewall beyond the listeners nixjs knows
 * (those it opens itself), per interface or on all, and trusted interfaces.
 * @example firewall: { allowedUDPPorts: [{ port: 51820, for: "WireGuard" }], interfaces: { enp1s0: { allowedTCPPorts: [9100] } }, trustedInterfaces: ["wg0"] }
 */
export const firewallSchema = z.strictObject(
  {
    /**
     * `networking.firewall.enable`; NixOS's default (`true`) when absent.
     * @example enable: false
     */
    enable: bool("firewall.enable").optional(),
    ...portLists,
    /**
     * Openings on one interface only (`networking.firewall.interfaces.<name>`).
     * @example interfaces: { enp1s0: { allowedTCPPorts: [9100] } }
     */
    interfaces: z
      .record(interfaceName, z.strictObject(portLists, { error: "expected { allowedTCPPorts, allowedUDPPorts, allowedTCPPortRanges, allowedUDPPortRanges }" }), {
        error: "expected { interfaceName: { allowedTCPPorts, … } }",
      })
      .optional(),
    /**
     * Interfaces every port is open on (`networking.firewall.trustedInterfaces`).
     * @example trustedInterfaces: ["wg0"]
     */
    trustedInterfaces: z.array(interfaceName).optional(),
  },
  { error: "expected { enable, allowedTCPPorts, allowedUDPPorts, allowedTCPPortRanges, allowedUDPPortRanges, interfaces, trustedInterfaces }" },
);

/** An interface address with its prefix length, either family. */
const prefixedAddress = z.string({ error: 'expected an address like "192.168.1.10/24" or "2001:db8::10/64"' }).check((ctx) => {
  const parsed = parsePrefixed(ctx.value);
  if (typeof parsed === "string") ctx.issues.push({ code: "custom", message: parsed, input: ctx.value });
});

const ipv6 = z
  .string({ error: 'expected an IPv6 address like "2001:db8::1"' })
  .refine((s) => parseIpv6(s) !== undefined, { error: 'expected an IPv6 address like "2001:db8::1"' });

const gateway = (address: typeof ipv4, example: string) =>
  z.union([address, z.strictObject({ address, interface: interfaceName })], {
    error: `expected an address like "${example}" or { address, interface }`,
  });

const nameserver = z
  .string({ error: 'expected a DNS server address like "192.168.1.1" or "2606:4700:4700::1111"' })
  .refine((s) => parseIpv4(s) !== undefined || parseIpv6(s) !== undefined, {
    error: 'expected a DNS server address like "192.168.1.1" or "2606:4700:4700::1111"',
  });

/** The host-network entries of `homelab({ network })`, beside `pool`, `externalInterface` and `nftables`. */
export const networkStackShape = {
  /**
   * How the interfaces are configured: `"scripted"` (NixOS's `networking.interfaces`, the
   * default) or `"networkd"` (systemd-networkd units: `systemd.network.networks`/`netdevs`).
   * @example backend: "networkd"
   */
  backend: z.enum(["scripted", "networkd"], { error: 'expected "scripted" or "networkd"' }).optional(),
  /**
   * The host's interfaces and their static addresses (IPv4 and IPv6, with prefix length).
   * Declaring any turns NixOS's DHCP-on-every-interface default off (`networking.useDHCP =
   * false`); `useDHCP: true` asks DHCP on one interface again.
   * @example interfaces: { enp1s0: { addresses: ["192.168.1.10/24", "2001:db8::10/64"] } }
   */
  interfaces: z
    .record(
      interfaceName,
      z.strictObject(
        {
          /** Static addresses with prefix length. @example addresses: ["192.168.1.10/24", "fd00::10/64"] */
          addresses: z.array(prefixedAddress).optional(),
          /** DHCP on this interface. @example useDHCP: true */
          useDHCP: bool("useDHCP").optional(),
        },
        { error: "expected { addresses, useDHCP }" },
      ),
      { error: "expected { interfaceName: { addresses, useDHCP } }" },
    )
    .optional(),
  /**
   * The IPv4 default gateway, optionally with the interface it is reached through.
   * @example defaultGateway: "192.168.1.1"
   * @example defaultGateway: { address: "192.168.1.1", interface: "enp1s0" }
   */
  defaultGateway: gateway(ipv4, "192.168.1.1").optional(),
  /**
   * The IPv6 default gateway (a link-local one needs `interface`).
   * @example defaultGateway6: { address: "fe80::1", interface: "enp1s0" }
   */
  defaultGateway6: gateway(ipv6, "fe80::1").optional(),
  /** DNS servers (`networking.nameservers`). @example nameservers: ["192.168.1.1", "1.1.1.1"] */
  nameservers: z.array(nameserver).optional(),
  /**
   * Bridges over member interfaces; give the bridge's own address under `interfaces`.
   * @example bridges: { br0: { interfaces: ["enp1s0"] } }
   */
  bridges: z
    .record(interfaceName, z.strictObject({ interfaces: z.array(interfaceName) }, { error: "expected { interfaces: [memberInterface, …] }" }), {
      error: "expected { bridgeName: { interfaces } }",
    })
    .optional(),
  /**
   * VLAN interfaces on a parent interface; give the VLAN's own address under `interfaces`.
   * @example vlans: { "vlan20": { id: 20, interface: "enp1s0" } }
   */
  vlans: z
    .record(
      interfaceName,
      z.strictObject(
        {
          /** VLAN id 1–4094. @example id: 20 */
          id: z.int({ error: "expected a VLAN id 1–4094" }).min(1, { error: "expected a VLAN id 1–4094" }).max(4094, { error: "expected a VLAN id 1–4094" }),
          /** The parent interface. @example interface: "enp1s0" */
          interface: interfaceName,
        },
        { error: "expected { id, interface }" },
      ),
      { error: "expected { vlanName: { id, interface } }" },
    )
    .optional(),
  /** `networking.enableIPv6`: `false` turns IPv6 off. Default `true`. @example enableIPv6: false */
  enableIPv6: bool("enableIPv6").optional(),
};
