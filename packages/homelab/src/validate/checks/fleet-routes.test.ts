import { describe, expect, test } from "vitest";
import { caddy, container, formatSite, host, route, service } from "../../index.ts";
import { fleetFindings, fleetSummary, testFleet, testHost } from "../../../test-support/validate/fleet-lab.ts";
import { testLab } from "../../../test-support/validate/test-lab.ts";

const jellyfin = (ports: string[]) => container("jellyfin", { backend: "podman", image: "jellyfin/jellyfin:10.10.3", user: "1000:1000", ports });

/** A proxy host at 192.168.1.2 whose Caddy serves `routes`, and the NAS at 192.168.1.10 holding `parts`. */
function fleetOf(routes: ReturnType<typeof route>[], nas: Parameters<typeof testHost>[1] = {}) {
  return testFleet([testHost("proxy", { address: "192.168.1.2", caddy: caddy(), routes }), testHost("nas", { address: "192.168.1.10", ...nas })]);
}

const to = (t: { container: string } | { service: string }, port: number, subdomain = "app") => route({ subdomain, to: { host: "nas", ...t, port }, public: true });

describe("a cross-host route's target", () => {
  test("a host the fleet does not have, at to.host of the route's own call", () => {
    const r = route({ subdomain: "jf", to: { host: "nsa", container: "jellyfin", port: 8096 }, public: true });
    const lab = fleetOf([r], { containers: [jellyfin(["8096:8096"])] });
    const [d] = fleetFindings(lab, "route-target-unknown");
    expect([d!.host, d!.path, d!.site]).toEqual(["proxy", "routes[0].to.host", formatSite(r.site)]);
    expect(d!.message).toBe('jf.example.org routes to host "nsa", but the fleet has no host of that name: name one of "nas", "proxy"');
  });

  test("a container or service the target host does not have, or a disabled one (named)", () => {
    const lab = fleetOf([to({ container: "jelyfin" }, 8096, "a"), to({ container: "old" }, 80, "b"), to({ service: "smb" }, 445, "c"), to({ container: "jellyfin" }, 8096, "d")], {
      containers: [jellyfin(["8096:8096"]), container("old", { enable: false, forwardPorts: [{ hostPort: 80 }], ports: [80] })],
    });
    expect(fleetSummary(lab, "route-target-unknown")).toEqual(["proxy: routes[0].to.container", "proxy: routes[1].to.container -> containers.old", "proxy: routes[2].to.service"]);
    expect(fleetFindings(lab, "route-target-unknown").map((d) => d.message)).toEqual([
      'a.example.org routes to container "jelyfin" on nas, but nas has no container "jelyfin": enable it, or route elsewhere',
      'b.example.org routes to container "old" on nas, but container "old" is disabled on nas: enable it, or route elsewhere',
      'c.example.org routes to service "smb" on nas, but nas has no service "smb": enable it, or route elsewhere',
    ]);
  });

  test("a port the target does not serve on its host, with the ports it does", () => {
    const lab = fleetOf([to({ container: "jellyfin" }, 8920, "a"), to({ service: "smb" }, 80, "b"), to({ container: "web" }, 8080, "c")], {
      containers: [jellyfin(["8096:8096", "127.0.0.1:7359:7359"]), container("web", { ports: [80], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] })],
      services: [service("smb", { ports: [445] })],
    });
    expect(fleetSummary(lab, "route-port-unserved")).toEqual(["proxy: routes[0].to.port -> containers.jellyfin", "proxy: routes[1].to.port -> services.smb", "proxy: routes[2].to.port -> containers.web"]);
    expect(fleetFindings(lab, "route-port-unserved").map((d) => d.message)).toEqual([
      "a.example.org routes to port 8920 of container jellyfin on nas, which does not serve it there: route to one of [8096], or publish 8920",
      "b.example.org routes to port 80 of service smb on nas, which does not serve it there: route to one of [445], or publish 80",
      "c.example.org routes to port 8080 of container web on nas, which does not serve it there: route to one of [8081], or publish 8080",
    ]);
  });

  test("the container port of an nspawn forwardPorts entry: route to the host port it is forwarded from", () => {
    const lab = fleetOf([to({ container: "web" }, 80)], { containers: [container("web", { ports: [80], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] })] });
    expect(fleetFindings(lab, "route-port-unserved").map((d) => d.message)).toEqual([
      "app.example.org routes to port 80 of container web on nas, which nas forwards from its port 8081: route to port 8081",
    ]);
  });

  test("a served, published, enabled target is fine: Podman, forwardPorts, a host service, a host-network container", () => {
    const lab = fleetOf([to({ container: "jellyfin" }, 8096, "a"), to({ container: "web" }, 8081, "b"), to({ service: "smb" }, 445, "c"), to({ container: "hass" }, 8123, "d"), to({ service: "bound" }, 9000, "e")], {
      containers: [jellyfin(["8096:8096"]), container("web", { ports: [80], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] }), container("hass", { network: "host", ports: [8123] })],
      services: [service("smb", { ports: [445] }), service("bound", { ports: [{ port: 9000, address: "192.168.1.10" }] })],
    });
    const codes = ["route-target-unknown", "route-port-unserved", "remote-port-unpublished", "fleet-required", "remote-route-same-host", "host-address-missing"];
    expect(fleetFindings(lab).filter((d) => codes.includes(d.code))).toEqual([]);
  });
});

describe("remote-port-unpublished", () => {
  test("a Podman port published on loopback only: publish it on every address or the host's", () => {
    const lab = fleetOf([to({ container: "jellyfin" }, 8096)], { containers: [jellyfin(["127.0.0.1:8096:8096"])] });
    expect(fleetSummary(lab, "remote-port-unpublished")).toEqual(["proxy: routes[0].to.port -> containers.jellyfin.ports[0]"]);
    expect(fleetFindings(lab, "remote-port-unpublished")[0]!.message).toBe(
      'app.example.org routes to port 8096 of container jellyfin on nas, which listens on 127.0.0.1 only: proxy cannot reach it there; publish it as "8096:8096" (every address) or "192.168.1.10:8096:8096"',
    );
  });

  test("a private-network NixOS container without forwardPorts: add one", () => {
    const lab = fleetOf([to({ container: "web" }, 80)], { containers: [container("web", { ports: [80] })] });
    expect(fleetSummary(lab, "remote-port-unpublished")).toEqual(["proxy: routes[0].to.port -> containers.web"]);
    expect(fleetFindings(lab, "remote-port-unpublished")[0]!.message).toBe(
      "app.example.org routes to port 80 of container web on nas, which serves it inside its private network only (another host cannot reach its veth address): add forwardPorts: [{ hostPort: 80, containerPort: 80 }] to web",
    );
  });

  test("a host service bound to loopback, or to another address: bind it to every address or the host's", () => {
    const lab = fleetOf([to({ service: "smb" }, 445, "a"), to({ service: "other" }, 9000, "b")], {
      services: [service("smb", { ports: [{ port: 445, address: "127.0.0.1" }] }), service("other", { ports: [{ port: 9000, address: "10.0.0.1" }] })],
    });
    expect(fleetSummary(lab, "remote-port-unpublished")).toEqual(["proxy: routes[0].to.port -> services.smb.ports[0]", "proxy: routes[1].to.port -> services.other.ports[0]"]);
    expect(fleetFindings(lab, "remote-port-unpublished").map((d) => d.message)).toEqual([
      'a.example.org routes to port 445 of service smb on nas, which listens on 127.0.0.1 only: proxy cannot reach it there; bind it to 0.0.0.0 or 192.168.1.10 (ports: [{ port: 445, address: "0.0.0.0" }])',
      'b.example.org routes to port 9000 of service other on nas, which listens on 10.0.0.1 only: proxy cannot reach it there; bind it to 0.0.0.0 or 192.168.1.10 (ports: [{ port: 9000, address: "0.0.0.0" }])',
    ]);
  });
});

describe("remote-port-unfiltered", () => {
  const routes = [to({ container: "jellyfin" }, 8096, "a"), to({ container: "web" }, 8081, "b"), to({ service: "smb" }, 445, "c")];
  const parts = {
    containers: [jellyfin(["8096:8096"]), container("web", { ports: [80], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] })],
    services: [service("smb", { ports: [445] })],
  };

  test("none while the target's firewall is on: DNAT'd publishes are filtered in prerouting, host listeners in the input chain", () => {
    expect(fleetFindings(fleetOf(routes, parts), "remote-port-unfiltered")).toEqual([]);
    expect(fleetFindings(fleetOf(routes, { ...parts, network: { nftables: true } }), "remote-port-unfiltered")).toEqual([]);
  });

  test("a note on every route to an iptables host whose firewall is off (its extraCommands are not run)", () => {
    const lab = fleetOf(routes, { ...parts, firewall: { enable: false } });
    expect(fleetSummary(lab, "remote-port-unfiltered")).toEqual(["proxy: routes[0].to.port -> containers.jellyfin", "proxy: routes[1].to.port -> containers.web", "proxy: routes[2].to.port -> services.smb"]);
    const [podman] = fleetFindings(lab, "remote-port-unfiltered");
    expect(podman!.severity).toBe("note");
    expect(podman!.message).toBe(
      "a.example.org reaches container jellyfin on nas on port 8096, but nas's firewall is off (firewall: { enable: false }): its opening of 8096/tcp to proxy's address only is not loaded, and every machine that reaches nas reaches the port (turn the firewall on to limit it)",
    );
  });

  test("on an nftables host whose firewall is off, only the host listener: the prerouting table still loads", () => {
    const lab = fleetOf(routes, { ...parts, network: { nftables: true }, firewall: { enable: false } });
    expect(fleetSummary(lab, "remote-port-unfiltered")).toEqual(["proxy: routes[2].to.port -> services.smb"]);
  });
});

describe("remote-route-same-host", () => {
  test("a cross-host route to the proxy's own host: route to { container } instead", () => {
    const proxy = host("proxy", {
      stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, modules: ["./hardware-configuration.nix"], address: "192.168.1.2", caddy: caddy(),
      containers: [container("app", { ports: [80], forwardPorts: [{ hostPort: 80 }] })],
      routes: [route({ subdomain: "app", to: { host: "proxy", container: "app", port: 80 }, public: true })],
    });
    const lab = testFleet([proxy, testHost("nas", { address: "192.168.1.10" })]);
    expect(fleetSummary(lab, "remote-route-same-host")).toEqual(["proxy: routes[0].to.host"]);
    expect(fleetFindings(lab, "remote-route-same-host")[0]!.message).toBe(
      'app.example.org routes to container app on its own proxy\'s host proxy the cross-host way (through proxy\'s LAN address): route to { container: "app", port: 80 }, which the same-host checks cover',
    );
    const fixed = testFleet([testHost("proxy", { address: "192.168.1.2", caddy: caddy(), containers: [container("app", { ports: [80] })], routes: [route({ subdomain: "app", to: { container: "app", port: 80 }, public: true })] })]);
    expect(fleetFindings(fixed, "remote-route-same-host")).toEqual([]);
  });
});

describe("fleet-required", () => {
  test("a cross-host route in a homelab of one host (homelab({ hostName }))", () => {
    const lab = testLab({ caddy: caddy(), routes: [route({ subdomain: "jf", to: { host: "nas", container: "jellyfin", port: 8096 }, public: true })] });
    expect(fleetSummary(lab, "fleet-required")).toEqual(["-: routes[0].to.host"]);
    expect(fleetFindings(lab, "fleet-required")[0]!.message).toBe(
      'jf.example.org routes to host "nas", but this homelab is one host (homelab({ hostName })): write it as a fleet, homelab({ hosts: [host("server", {…}), host("nas", {…})] }), or route to { container: "jellyfin", port: 8096 } on this host',
    );
  });
});

describe("host-address-missing", () => {
  test("the target host and the proxy host of a cross-host route need an address, each reported once at its address", () => {
    const nas = host("nas", { stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, modules: ["./hardware-configuration.nix"], containers: [jellyfin(["8096:8096", "8920:8920"])] });
    const proxy = host("proxy", { stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, modules: ["./hardware-configuration.nix"], caddy: caddy(), routes: [to({ container: "jellyfin" }, 8096, "a"), to({ container: "jellyfin" }, 8920, "b")] });
    const lab = testFleet([proxy, nas]);
    expect(fleetSummary(lab, "host-address-missing")).toEqual(["nas: address -> routes[0], routes[1]", "proxy: address -> routes[0], routes[1]"]);
    const [onNas, onProxy] = fleetFindings(lab, "host-address-missing");
    expect([onNas!.site, onProxy!.site]).toEqual([formatSite(nas.site), formatSite(proxy.site)]);
    expect(onNas!.message).toBe(
      'nas has no LAN address, but a.example.org on proxy reaches it at ${fleet.hosts.nas.address}:8096 (and 1 more use): set address: "192.168.1.10" (its address), or give it exactly one static IPv4 address in network.interfaces',
    );
    expect(onProxy!.message).toBe(
      "proxy has no LAN address, but nas's firewall lets a.example.org's requests in from proxy's address only (and 1 more use): set address: \"192.168.1.10\" (its address), or give it exactly one static IPv4 address in network.interfaces",
    );
  });

  test("an address given, or the only static IPv4 address of the interfaces, is enough; hosts nothing reaches need none", () => {
    const lab = testFleet([
      testHost("proxy", { network: { pool: "10.10.10.0/24", interfaces: { eth0: { addresses: ["192.168.1.2/24"] } } }, caddy: caddy(), routes: [to({ container: "jellyfin" }, 8096)] }),
      testHost("nas", { address: "192.168.1.10", containers: [jellyfin(["8096:8096"])] }),
      testHost("spare"),
    ]);
    expect(fleetFindings(lab, "host-address-missing")).toEqual([]);
  });
});
