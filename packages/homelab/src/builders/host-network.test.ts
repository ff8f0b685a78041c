import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { container, formatPath, homelab, onlyHost, service } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `site call.path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    const err = e as HomelabInputError;
    return err.diagnostics.map((d) => `${d.site} ${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };
const HERE = "packages/homelab/src/builders/host-network.test.ts";

describe("homelab({ firewall })", () => {
  test("openings flattened per protocol, range and interface, each with its option path", () => {
    const host = onlyHost(
      homelab({
        ...base,
        firewall: {
          allowedTCPPorts: [8080, { port: 25565, for: "minecraft in ./minecraft.nix" }],
          allowedUDPPortRanges: [{ from: 60000, to: 61000, for: "mosh" }],
          interfaces: { enp1s0: { allowedTCPPorts: [9100], allowedUDPPorts: [5353] } },
          trustedInterfaces: ["wg0"],
          enable: true,
        },
      }),
    );
    expect(host.firewall).toEqual({
      enable: true,
      openings: [
        { protocol: "tcp", from: 8080, to: 8080, range: false, path: ["firewall", "allowedTCPPorts", 0] },
        { protocol: "tcp", from: 25565, to: 25565, range: false, for: "minecraft in ./minecraft.nix", path: ["firewall", "allowedTCPPorts", 1] },
        { protocol: "udp", from: 60000, to: 61000, range: true, for: "mosh", path: ["firewall", "allowedUDPPortRanges", 0] },
        { protocol: "tcp", from: 9100, to: 9100, range: false, interface: "enp1s0", path: ["firewall", "interfaces", "enp1s0", "allowedTCPPorts", 0] },
        { protocol: "udp", from: 5353, to: 5353, range: false, interface: "enp1s0", path: ["firewall", "interfaces", "enp1s0", "allowedUDPPorts", 0] },
      ],
      trustedInterfaces: ["wg0"],
    });
  });

  test("absent: no firewall in the model (what nixjs always rendered)", () => {
    expect(onlyHost(homelab(base)).firewall).toBeUndefined();
    expect(onlyHost(homelab({ ...base, network: { pool: "10.1.0.0/24" } })).network.stack).toBeUndefined();
  });

  test("bad input names the field and the call site", () => {
    expect(
      problems(() =>
        homelab({ ...base, firewall: { allowedTCPPorts: [0], allowedUDPPortRanges: [{ from: 9, to: 2 }], interfaces: { "a b": {} }, trustedInterfaces: [""] } }),
      ),
    ).toEqual([
      `${HERE}:55:9 firewall.allowedTCPPorts[0]: expected a port 1–65535, got 0`,
      `${HERE}:55:9 firewall.allowedUDPPortRanges[0]: expected from ≤ to, got an object`,
      `${HERE}:55:9 firewall.interfaces["a b"]: expected an interface name like "enp1s0" (at most 15 characters), got "a b"`,
      `${HERE}:55:9 firewall.trustedInterfaces[0]: expected an interface name like "enp1s0" (at most 15 characters), got ""`,
    ]);
    expect(problems(() => homelab({ ...base, firewall: { allowedTCPPort: [80] } as never }))[0]).toContain('firewall.allowedTCPPort: unknown option "allowedTCPPort"; did you mean "allowedTCPPorts"?');
  });
});

describe("homelab({ network }): the host's own network", () => {
  test("interfaces with IPv4 and IPv6 addresses, gateways, DNS, bridges, VLANs, IPv6", () => {
    const host = onlyHost(
      homelab({
        ...base,
        network: {
          externalInterface: "br0",
          backend: "networkd",
          interfaces: { br0: { addresses: ["192.168.1.10/24", "2001:db8::10/64"] }, enp2s0: { useDHCP: true } },
          defaultGateway: "192.168.1.1",
          defaultGateway6: { address: "fe80::1", interface: "br0" },
          nameservers: ["192.168.1.1", "2606:4700:4700::1111"],
          bridges: { br0: { interfaces: ["enp1s0"] } },
          vlans: { vlan20: { id: 20, interface: "enp1s0" } },
          enableIPv6: false,
        },
      }),
    );
    expect(host.network).toEqual({
      pool: "192.168.100.0/24",
      externalInterface: "br0",
      nftables: false,
      stack: {
        backend: "networkd",
        interfaces: [
          { name: "br0", addresses: [{ family: 4, address: "192.168.1.10", prefixLength: 24 }, { family: 6, address: "2001:db8::10", prefixLength: 64 }] },
          { name: "enp2s0", addresses: [], useDHCP: true },
        ],
        defaultGateway: { address: "192.168.1.1" },
        defaultGateway6: { address: "fe80::1", interface: "br0" },
        nameservers: ["192.168.1.1", "2606:4700:4700::1111"],
        bridges: [{ name: "br0", interfaces: ["enp1s0"] }],
        vlans: [{ name: "vlan20", id: 20, interface: "enp1s0" }],
        enableIPv6: false,
      },
    });
  });

  test("bad addresses, gateways, VLAN ids and backends name the field and the call site", () => {
    expect(
      problems(() =>
        homelab({
          ...base,
          network: {
            backend: "ifupdown" as never,
            interfaces: { enp1s0: { addresses: ["192.168.1.10", "192.168.1.10/33", "2001:db8::zz/64", "2001:db8::1/129"] } },
            defaultGateway: "fe80::1",
            defaultGateway6: "192.168.1.1",
            nameservers: ["dns.example"],
            vlans: { v: { id: 4095, interface: "enp1s0" } },
          },
        }),
      ),
    ).toEqual([
      `${HERE}:108:9 network.backend: expected "scripted" or "networkd", got "ifupdown"`,
      `${HERE}:108:9 network.interfaces.enp1s0.addresses[0]: expected an address with its prefix length like "192.168.1.10/24" or "2001:db8::10/64", got "192.168.1.10"`,
      `${HERE}:108:9 network.interfaces.enp1s0.addresses[1]: expected an IPv4 prefix length 0–32, got "192.168.1.10/33"`,
      `${HERE}:108:9 network.interfaces.enp1s0.addresses[2]: expected an address with its prefix length like "192.168.1.10/24" or "2001:db8::10/64", got "2001:db8::zz/64"`,
      `${HERE}:108:9 network.interfaces.enp1s0.addresses[3]: expected an IPv6 prefix length 0–128, got "2001:db8::1/129"`,
      `${HERE}:108:9 network.defaultGateway: expected an IPv4 address like "10.10.10.5", got "fe80::1"`,
      `${HERE}:108:9 network.defaultGateway6: expected an IPv6 address like "2001:db8::1", got "192.168.1.1"`,
      `${HERE}:108:9 network.nameservers[0]: expected a DNS server address like "192.168.1.1" or "2606:4700:4700::1111", got "dns.example"`,
      `${HERE}:108:9 network.vlans.v.id: expected a VLAN id 1–4094, got 4095`,
    ]);
  });
});

describe("ports: [{ open }]", () => {
  test("false and { interface } are kept; true is the default and leaves no trace", () => {
    const c = container("web", { network: "host", ports: [{ port: 8080, open: false }, { port: 9443, open: { interface: "enp1s0" } }, { port: 80, open: true }] });
    expect(c.ports).toEqual([
      { port: 8080, protocol: "tcp", address: "0.0.0.0", open: false },
      { port: 9443, protocol: "tcp", address: "0.0.0.0", open: { interface: "enp1s0" } },
      { port: 80, protocol: "tcp", address: "0.0.0.0" },
    ]);
    expect(service("dns", { ports: [{ port: 53, protocol: "udp", open: false }] }).ports).toEqual([{ port: 53, protocol: "udp", address: "0.0.0.0", open: false }]);
  });

  test("a bad open names the field and the call site", () => {
    expect(problems(() => service("dns", { ports: [{ port: 53, open: "lan" as never }] }))).toEqual([
      `${HERE}:146:27 ports[0].open: expected true, false or { interface: "enp1s0" }, got "lan"`,
    ]);
  });
});
