import { homelab, container, service, render } from "./src/index.ts";
import { print } from "@nixjs/expr-printer";
const backend = (process.argv[2] ?? "scripted") as "scripted" | "networkd";
const lab = homelab({
  hostName: "server", domain: "example.org", stateVersion: "25.05", nixos: "26.05",
  network: {
    pool: "10.10.10.0/24", externalInterface: "br0", backend,
    interfaces: { br0: { addresses: ["192.168.1.10/24", "2001:db8::10/64"] }, "vlan20": { addresses: ["10.20.0.1/24"] }, enp2s0: { useDHCP: true } },
    defaultGateway: "192.168.1.1", defaultGateway6: { address: "fe80::1", interface: "br0" },
    nameservers: ["192.168.1.1", "2606:4700:4700::1111"],
    bridges: { br0: { interfaces: ["enp1s0"] } }, vlans: { vlan20: { id: 20, interface: "enp1s0" } },
    enableIPv6: true,
  },
  firewall: {
    allowedUDPPorts: [{ port: 51820, for: "WireGuard" }],
    allowedUDPPortRanges: [{ from: 60000, to: 61000, for: "mosh" }],
    interfaces: { vlan20: { allowedTCPPorts: [9100] }, br0: { allowedTCPPorts: [22000], allowedUDPPorts: [22000] } },
    trustedInterfaces: ["wg0"],
  },
  containers: [container("web", { network: "host", ports: [8080, { port: 9000, open: false }, { port: 9443, open: { interface: "br0" } }] })],
  services: [service("dns", { ports: [{ port: 53, protocol: "udp" }, 53] })],
});
const files = render(lab);
console.log(print(files.get("host.nix")!));
