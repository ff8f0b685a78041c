/**
 * route-auth-bypassed through every way a port reaches the LAN beyond the published,
 * forwarded and host-network ports of route-bypass.test.ts: a private-network container that
 * sits on the LAN itself (host bridge, macvlan, moved interface), and whatever the host's
 * listeners hold (host-network Podman listeners; listeners the firewall leaves closed).
 */
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import type { Listener } from "../../facts/located.ts";
import type { Homelab } from "../../model/index.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { bypasses } from "./route-bypass.ts";

const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });

describe("a private-network NixOS container on the LAN itself", () => {
  test("a host bridge: its localAddress answers LAN clients beside the proxy", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("nextcloud", { localAddress: "192.168.1.50", extraOptions: { hostBridge: "br0" }, ports: [80], route: route({ subdomain: "cloud", port: 80, auth: "authelia" }) }),
      ],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.nextcloud.routes[0] -> containers.nextcloud.ports[0]"]);
    expect(findings(lab, "route-auth-bypassed")[0]!.message).toBe(
      'cloud.example.org requires forward auth "authelia", but nextcloud, a container on the LAN through hostBridge "br0", also serves it on 192.168.1.50, port 80 (containers.nextcloud.ports[0]), where clients skip the proxy and its authentication: let only the host in (in nextcloud\'s own firewall, open port 80 to the host\'s address instead of every interface), or take it off the LAN (drop hostBridge: the proxy reaches it through its veth)',
    );
  });

  test("a macvlan and a moved interface: the container's own LAN address, whatever it is", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("hass", { extraOptions: { macvlans: ["eno1"] }, ports: [8123, { port: 8124, address: "127.0.0.1" }], route: route({ subdomain: "hass", port: 8123, auth: "authelia" }) }),
        container("nvr", { extraOptions: { interfaces: ["enp3s0"] }, ports: [5000], route: route({ subdomain: "nvr", port: 5000, auth: "authelia" }) }),
      ],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.hass.routes[0] -> containers.hass.ports[0]", "containers.nvr.routes[0] -> containers.nvr.ports[0]"]);
    expect(findings(lab, "route-auth-bypassed").map((d) => /also serves it on (.*?), port/.exec(d.message)![1])).toEqual([
      'its own address on the LAN (macvlans "eno1")',
      'its own address on the LAN (interfaces "enp3s0")',
    ]);
  });

  test("passes: a plain veth container, a LAN-only route to a bridged one, another port of it, a public route", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        // The veth's localAddress is on a link between the container and the host only.
        container("immich", { ports: [2283], route: route({ subdomain: "photos", port: 2283, auth: "authelia" }) }),
        // The LAN reaches it directly, and the route admits the LAN only: no one new gets in.
        container("nas", { localAddress: "192.168.1.51", extraOptions: { hostBridge: "br0" }, ports: [80], route: route({ subdomain: "nas", port: 80, auth: "authelia", clients: ["192.168.1.0/24"] }) }),
        // The routed port is bound to the container's loopback; the LAN sees the other one only.
        container("wiki", { extraOptions: { macvlans: ["eno1"] }, ports: [{ port: 3000, address: "127.0.0.1" }, 22], route: route({ subdomain: "wiki", port: 3000, auth: "authelia" }) }),
        container("blog", { extraOptions: { hostBridge: "br0" }, localAddress: "192.168.1.52", ports: [80], route: route({ subdomain: "blog", port: 80, public: true }) }),
      ],
    });
    expect(findings(lab, "route-auth-bypassed")).toEqual([]);
  });
});

test("a bridged container's port its own firewall leaves closed (open: false) reaches no LAN client", () => {
  const lab = testLab({
    traefik: traefik(),
    containers: [authelia(), container("nas", { localAddress: "192.168.1.51", extraOptions: { hostBridge: "br0" }, ports: [80], route: route({ subdomain: "nas", port: 80, auth: "authelia" }) })],
  });
  expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.nas.routes[0] -> containers.nas.ports[0]"]);
  // The same port with `open: false` (the host-network issue's ServicePort field).
  const host = lab.hosts[0]!;
  const closed: Homelab = {
    ...lab,
    hosts: [{ ...host, containers: host.containers.map((c) => (c.backend === "nspawn" && c.name === "nas" ? { ...c, ports: c.ports.map((p) => ({ ...p, open: false as const })) } : c)) }],
  };
  expect(summary(closed, "route-auth-bypassed")).toEqual([]);
});

/** The lab's facts with `extra` listeners, as a listener kind the host's list gains (host-network Podman). */
function withListeners(lab: Homelab, extra: (listeners: readonly Listener[]) => readonly Listener[]) {
  const facts = hostFacts(lab, lab.hosts[0]!);
  return { facts: { ...facts, listeners: extra(facts.listeners) }, routes: facts.routes };
}

describe("whatever the host's listeners hold", () => {
  const hostNetPodman = (lanOnly = false) =>
    testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("frigate", { backend: "podman", image: "ghcr.io/blakeblackshear/frigate:0.14.1", user: "1000", network: "host" }),
      ],
      routes: [
        route({ subdomain: "nvr", to: { hostPort: 5000 }, auth: "authelia", ...(lanOnly ? { clients: ["192.168.1.0/24"] } : {}) }),
        route({ subdomain: "nvr-direct", to: { podman: "frigate", port: 5000, network: "host" }, auth: "authelia" }),
      ],
    });
  /** A listener of the shape the host's list gives a host-network Podman container (at its call site). */
  const frigateListener = (lab: Homelab, address: string, opens: boolean): Listener => ({
    subject: { kind: "container", name: "frigate" },
    path: ["containers", "frigate", "listeners", 0],
    site: lab.hosts[0]!.containers.find((c) => c.name === "frigate")!.site,
    protocol: "tcp",
    address,
    port: 5000,
    owner: "the host-network Podman container frigate",
    name: "frigate",
    opens,
  });

  test("a host-network Podman container's listener on every address: a host port route and a route over its network are bypassed", () => {
    const lab = hostNetPodman();
    const { facts, routes } = withListeners(lab, (ls) => [...ls, frigateListener(lab, "0.0.0.0", true)]);
    const found = routes.flatMap((r) => bypasses(facts, r).map((b) => `${r.host} -> ${b.direct.path.join(".")} on ${b.direct.address}`));
    expect(found).toEqual(["nvr.example.org -> containers.frigate.listeners.0 on 0.0.0.0", "nvr-direct.example.org -> containers.frigate.listeners.0 on 0.0.0.0"]);
  });

  test("passes: the listener on loopback, one the firewall leaves closed, a LAN address behind a LAN-only route", () => {
    for (const [address, opens, lanOnly] of [["127.0.0.1", true, false], ["0.0.0.0", false, false], ["192.168.1.10", true, true]] as const) {
      const lab = hostNetPodman(lanOnly);
      const { facts, routes } = withListeners(lab, (ls) => [...ls, frigateListener(lab, address, opens)]);
      expect(routes.filter((r) => r.host === "nvr.example.org").flatMap((r) => bypasses(facts, r))).toEqual([]);
    }
  });

  test("a host service's port the firewall leaves closed reaches no one beyond the host", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia()],
      services: [service("grafana", { ports: [3000] })],
      routes: [route({ subdomain: "grafana", to: { service: "grafana", port: 3000 }, auth: "authelia" })],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["routes[0] -> services.grafana.ports[0]"]);
    const { facts, routes } = withListeners(lab, (ls) => ls.map((l) => (l.subject.kind === "service" ? { ...l, opens: false } : l)));
    expect(routes.flatMap((r) => bypasses(facts, r))).toEqual([]);
  });
});
