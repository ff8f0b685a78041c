import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import type { HomelabOptions } from "../../schema/homelab.ts";

const net = (network: NonNullable<HomelabOptions["network"]>) => testLab({ network: { pool: "10.10.10.0/24", ...network } });

describe("bridge-member-address", () => {
  test("a bridge member with addresses, and a member of two bridges, are errors", () => {
    const lab = net({ interfaces: { enp1s0: { addresses: ["192.168.1.10/24"] } }, bridges: { br0: { interfaces: ["enp1s0"] }, br1: { interfaces: ["enp1s0"] } } });
    expect(findings(lab, "bridge-member-address").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["error", "network.bridges.br0.interfaces[0]", "enp1s0 is a member of bridge br0 and has static addresses, which NixOS refuses (a bridge port carries no addresses of its own): give the addresses to br0 under network.interfaces"],
      ["error", "network.bridges.br1.interfaces[0]", "enp1s0 is a member of both br0 and br1; an interface can join one bridge only"],
      ["error", "network.bridges.br1.interfaces[0]", "enp1s0 is a member of bridge br1 and has static addresses, which NixOS refuses (a bridge port carries no addresses of its own): give the addresses to br1 under network.interfaces"],
    ]);
  });

  test("the address on the bridge: quiet", () => {
    expect(findings(net({ interfaces: { br0: { addresses: ["192.168.1.10/24"] } }, bridges: { br0: { interfaces: ["enp1s0"] } } }), "bridge-member-address")).toEqual([]);
  });
});

describe("gateway-unreachable", () => {
  test("a gateway outside every static subnet of its family, or of its own interface, is warned", () => {
    const lab = net({
      interfaces: { enp1s0: { addresses: ["192.168.1.10/24", "2001:db8::10/64"] }, enp2s0: { addresses: ["10.0.0.2/24"] } },
      defaultGateway: { address: "10.0.0.1", interface: "enp1s0" },
      defaultGateway6: "2001:db9::1",
    });
    expect(findings(lab, "gateway-unreachable").map((d) => [d.path, d.message])).toEqual([
      ["network.defaultGateway", "the default gateway 10.0.0.1 is outside enp1s0's subnet (192.168.1.10/24): the default route cannot be installed; check the gateway or the prefix length"],
      ["network.defaultGateway6", "the default gateway 2001:db9::1 is outside any interface's subnet (2001:db8::10/64): the default route cannot be installed; check the gateway or the prefix length"],
    ]);
  });

  test("quiet: inside a subnet, link-local IPv6, DHCP somewhere, no static address of the family", () => {
    expect(summary(net({ interfaces: { enp1s0: { addresses: ["192.168.1.10/24"] } }, defaultGateway: "192.168.1.1", defaultGateway6: { address: "fe80::1", interface: "enp1s0" } }), "gateway-unreachable")).toEqual([]);
    expect(summary(net({ interfaces: { enp1s0: { addresses: ["192.168.1.10/24"] }, wan: { useDHCP: true } }, defaultGateway: "203.0.113.1" }), "gateway-unreachable")).toEqual([]);
    expect(summary(net({ interfaces: { enp1s0: { addresses: ["2001:db8::10/64"] } }, defaultGateway: "192.168.1.1" }), "gateway-unreachable")).toEqual([]);
  });
});

describe("vlan-parent-invalid", () => {
  test("a VLAN on itself, and a loop of VLANs, are errors", () => {
    const lab = net({ vlans: { v1: { id: 1, interface: "v1" }, a: { id: 2, interface: "b" }, b: { id: 3, interface: "a" } } });
    expect(summary(lab, "vlan-parent-invalid")).toEqual(["network.vlans.a.interface", "network.vlans.b.interface", "network.vlans.v1.interface"]);
    expect(findings(lab, "vlan-parent-invalid")[2]?.message).toBe("VLAN v1 is its own parent: its interface must be the physical interface (or bridge) that carries the tagged traffic");
  });

  test("a VLAN on an undeclared trunk interface, or on another VLAN: quiet", () => {
    expect(summary(net({ interfaces: { vlan20: { addresses: ["10.20.0.1/24"] } }, vlans: { vlan20: { id: 20, interface: "enp1s0" }, q: { id: 5, interface: "vlan20" } } }), "vlan-parent-invalid")).toEqual([]);
  });
});

describe("nat-interface-mismatch", () => {
  const nat = (network: NonNullable<HomelabOptions["network"]>) => testLab({ network: { pool: "10.10.10.0/24", ...network }, containers: [container("wiki", { ports: [80] })] });

  test("a bridge member, an undeclared interface, or not the gateway's interface is warned", () => {
    expect(findings(nat({ externalInterface: "enp1s0", interfaces: { br0: { addresses: ["192.168.1.10/24"] } }, bridges: { br0: { interfaces: ["enp1s0"] } } }), "nat-interface-mismatch").map((d) => d.message)).toEqual([
      'NAT\'s externalInterface enp1s0 is a member of bridge br0: the host\'s traffic leaves through br0, so containers get no NAT; use externalInterface: "br0"',
    ]);
    expect(findings(nat({ externalInterface: "eth0", interfaces: { enp1s0: { addresses: ["192.168.1.10/24"] } } }), "nat-interface-mismatch").map((d) => d.message)).toEqual([
      "NAT's externalInterface eth0 is none of the declared interfaces (enp1s0); declaring interfaces turns DHCP off on the others, so eth0 would have no address: declare it (useDHCP: true, or its addresses) or name the uplink",
    ]);
    expect(
      findings(nat({ externalInterface: "lan", interfaces: { lan: { addresses: ["10.1.0.1/24"] }, wan: { addresses: ["203.0.113.10/24"] } }, defaultGateway: "203.0.113.1" }), "nat-interface-mismatch").map((d) => d.message),
    ).toEqual(['NAT\'s externalInterface is lan, but the default gateway 203.0.113.1 is reached through wan: the containers\' traffic leaves through wan unmasqueraded; use externalInterface: "wan"']);
  });

  test("quiet: the gateway's interface, no declared interfaces, or a bridge/VLAN that is declared", () => {
    expect(summary(nat({ externalInterface: "wan", interfaces: { lan: { addresses: ["10.1.0.1/24"] }, wan: { addresses: ["203.0.113.10/24"] } }, defaultGateway: "203.0.113.1" }), "nat-interface-mismatch")).toEqual([]);
    expect(summary(nat({ externalInterface: "eth0" }), "nat-interface-mismatch")).toEqual([]);
    expect(summary(nat({ externalInterface: "br0", interfaces: { enp2s0: { useDHCP: true } }, bridges: { br0: { interfaces: ["enp1s0"] } } }), "nat-interface-mismatch")).toEqual([]);
  });
});
