/**
 * The host's own network and firewall, synthesised and evaluated by the stand-in NixOS in both
 * releases: every option nixjs writes exists with its type, the assertions hold, and the values
 * NixOS ends up with are the ones asked for (the firewall's merged lists, the interfaces'
 * addresses, the networkd units).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { container, homelab, service, type Homelab } from "../packages/homelab/src/index.ts";
import { synthesizeLab } from "../packages/synth/src/pipeline/synthesize.ts";
import { evalServer, hardwareConfiguration, nixosReleases, ServerEvalError, type NixosRelease } from "./nixos-stub/eval-server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function lab(release: NixosRelease, backend: "scripted" | "networkd"): Homelab {
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    nixos: release,
    network: {
      pool: "10.10.10.0/24",
      externalInterface: "br0",
      backend,
      interfaces: { br0: { addresses: ["192.168.1.10/24", "2001:db8::10/64"] }, vlan20: { addresses: ["10.20.0.1/24"] }, enp2s0: { useDHCP: true } },
      defaultGateway: "192.168.1.1",
      defaultGateway6: { address: "fe80::1", interface: "br0" },
      nameservers: ["192.168.1.1", "2606:4700:4700::1111"],
      bridges: { br0: { interfaces: ["enp1s0"] } },
      vlans: { vlan20: { id: 20, interface: "enp1s0" } },
      enableIPv6: true,
    },
    firewall: {
      allowedUDPPorts: [{ port: 51820, for: "WireGuard" }],
      allowedUDPPortRanges: [{ from: 60000, to: 61000, for: "mosh" }],
      interfaces: { vlan20: { allowedTCPPorts: [9100] }, br0: { allowedTCPPorts: [22000], allowedUDPPorts: [22000] } },
      trustedInterfaces: ["wg0"],
    },
    containers: [
      container("web", { network: "host", ports: [8080, { port: 9000, open: false }, { port: 9443, open: { interface: "br0" } }] }),
      container("wiki", { ports: [80, { port: 81, open: false }, { port: 53, protocol: "udp", open: { interface: "eth0" } }], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] }),
    ],
    services: [service("dns", { ports: [{ port: 53, protocol: "udp" }, 53] })],
  });
}

function synth(l: Homelab): string {
  const result = synthesizeLab(l);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), "nixjs-host-network-"));
  dirs.push(dir);
  for (const [path, text] of result.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe.each(nixosReleases)("NixOS %s", (release) => {
  it("scripted: interfaces, gateways, bridges, VLANs, DNS and the merged firewall evaluate as asked", () => {
    const dir = synth(lab(release, "scripted"));
    const v = evalServer(
      dir,
      "server",
      {
        tcp: "networking.firewall.allowedTCPPorts",
        udp: "networking.firewall.allowedUDPPorts",
        udpRanges: "networking.firewall.allowedUDPPortRanges",
        br0Firewall: "networking.firewall.interfaces.br0",
        trusted: "networking.firewall.trustedInterfaces",
        br0: "networking.interfaces.br0.ipv4.addresses",
        br0v6: "networking.interfaces.br0.ipv6.addresses",
        enp2s0: "networking.interfaces.enp2s0.useDHCP",
        useDHCP: "networking.useDHCP",
        bridges: "networking.bridges.br0.interfaces",
        vlan: "networking.vlans.vlan20",
        gateway: "networking.defaultGateway.address",
        gateway6: "networking.defaultGateway6",
        nameservers: "networking.nameservers",
        nat: "networking.nat.externalInterface",
        guestTcp: "containers.wiki.config.networking.firewall.allowedTCPPorts",
        guestEth0: "containers.wiki.config.networking.firewall.interfaces.eth0.allowedUDPPorts",
      },
      { extraModules: [hardwareConfiguration] },
    );
    expect(v).toEqual({
      tcp: [53, 8080],
      udp: [53, 51820],
      udpRanges: [{ from: 60000, to: 61000 }],
      br0Firewall: { allowedTCPPorts: [9443, 22000], allowedUDPPorts: [22000], allowedTCPPortRanges: [], allowedUDPPortRanges: [] },
      trusted: ["wg0"],
      br0: [{ address: "192.168.1.10", prefixLength: 24 }],
      br0v6: [{ address: "2001:db8::10", prefixLength: 64 }],
      enp2s0: true,
      useDHCP: false,
      bridges: ["enp1s0"],
      vlan: { id: 20, interface: "enp1s0" },
      gateway: "192.168.1.1",
      gateway6: { address: "fe80::1", interface: "br0", metric: null, source: null },
      nameservers: ["192.168.1.1", "2606:4700:4700::1111"],
      nat: "br0",
      guestTcp: [80],
      guestEth0: [53],
    });
  });

  it("networkd: netdevs and networks per interface, the gateways on the interface that reaches them", () => {
    const dir = synth(lab(release, "networkd"));
    const v = evalServer(
      dir,
      "server",
      {
        enable: "systemd.network.enable",
        bridge: ["systemd", "network", "netdevs", "20-br0", "netdevConfig"],
        vlan: ["systemd", "network", "netdevs", "20-vlan20", "vlanConfig"],
        br0: ["systemd", "network", "networks", "30-br0"],
        enp1s0: ["systemd", "network", "networks", "30-enp1s0", "networkConfig"],
        enp1s0Vlans: ["systemd", "network", "networks", "30-enp1s0", "vlan"],
        enp2s0: ["systemd", "network", "networks", "30-enp2s0", "DHCP"],
        scripted: "networking.interfaces",
        tcp: "networking.firewall.allowedTCPPorts",
      },
      { extraModules: [hardwareConfiguration] },
    );
    const br0 = v.br0 as { matchConfig: unknown; address: unknown; gateway: unknown };
    expect([v.enable, v.bridge, v.vlan]).toEqual([true, { Kind: "bridge", Name: "br0" }, { Id: 20 }]);
    expect([br0.matchConfig, br0.address, br0.gateway]).toEqual([{ Name: "br0" }, ["192.168.1.10/24", "2001:db8::10/64"], ["192.168.1.1", "fe80::1"]]);
    expect([v.enp1s0, v.enp1s0Vlans, v.enp2s0, v.scripted, v.tcp]).toEqual([{ Bridge: "br0" }, ["vlan20"], "yes", {}, [53, 8080]]);
  });

  it("the stand-in refuses addresses on a bridge member, as NixOS does (nixjs reports bridge-member-address first)", () => {
    const dir = synth(lab(release, "scripted"));
    const member = `{ ... }: { networking.interfaces.enp1s0.ipv4.addresses = [ { address = "192.168.1.11"; prefixLength = 24; } ]; }`;
    let message = "";
    try {
      evalServer(dir, "server", { x: "networking.hostName" }, { extraModules: [hardwareConfiguration, member] });
    } catch (e) {
      expect(e).toBeInstanceOf(ServerEvalError);
      message = (e as ServerEvalError).nixMessage;
    }
    expect(message).toContain('The networking.interfaces."enp1s0" must not have any defined ips when it is a slave.');
  });
});
