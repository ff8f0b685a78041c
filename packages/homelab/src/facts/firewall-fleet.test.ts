import { describe, expect, it } from "vitest";
import { host, homelab, route, service, traefik } from "../index.ts";
import { hostFacts } from "./host-facts.ts";

// A port that routes on another host reach is opened to those hosts only (the fleet's
// openings), never to everyone by default: the proxy's auth in front of it would be moot.
const adguard = (open?: false | { interface: string }) =>
  service("adguardhome", { ports: [{ port: 53, protocol: "udp" }, open === undefined ? 3000 : { port: 3000, open }], config: {} });

function fleet(options: { routed: boolean; open?: false | { interface: string } }) {
  const dns = host("dns", { stateVersion: "25.05", address: "192.168.1.3", services: [adguard(options.open)] });
  const proxy = host("proxy", {
    stateVersion: "25.05",
    address: "192.168.1.2",
    traefik: traefik({}),
    routes: options.routed ? [route({ subdomain: "dns", to: { host: "dns", service: "adguardhome", port: 3000 }, public: true })] : [],
  });
  const lab = homelab({ domain: "example.org", hosts: [proxy, dns] });
  const target = lab.hosts.find((h) => h.name === "dns")!;
  return hostFacts(lab, target).firewall.entries.map((e) => `${e.protocol}/${e.from}${e.interface === undefined ? "" : `@${e.interface}`}`);
}

describe("listeners that routes on other hosts reach", () => {
  it("are not opened to everyone by default", () => {
    expect(fleet({ routed: true })).toEqual(["udp/53"]);
  });
  it("are opened as before when no other host routes to them", () => {
    expect(fleet({ routed: false })).toEqual(["udp/53", "tcp/3000"]);
  });
  it("stay opened on the interface the user opened them on", () => {
    expect(fleet({ routed: true, open: { interface: "enp1s0" } })).toEqual(["udp/53", "tcp/3000@enp1s0"]);
  });
  it("a single-host homelab opens them as before", () => {
    const lab = homelab({ hostName: "dns", domain: "example.org", stateVersion: "25.05", services: [adguard()] });
    expect(hostFacts(lab, lab.hosts[0]!).firewall.entries.map((e) => `${e.protocol}/${e.from}`)).toEqual(["udp/53", "tcp/3000"]);
  });
});
