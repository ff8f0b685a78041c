import { describe, expect, it } from "vitest";
import { demoFleet } from "../../test-support/graph/fleet.ts";
import { authelia, container, homelab, host, route, service, traefik } from "../index.ts";
import type { TopologyEdge } from "./model.ts";
import { topology, topologyJson } from "./topology.ts";

const edge = (edges: readonly TopologyEdge[], from: string, to: string): TopologyEdge | undefined => edges.find((e) => e.from === from && e.to === to);

describe("topology of a fleet", () => {
  const t = topology(demoFleet(40));

  it("has every host, sorted, with its LAN address, system and release", () => {
    expect(t.hosts.map((h) => [h.name, h.address, h.system])).toEqual([
      ["dns", "192.168.1.53", "aarch64-linux"],
      ["nas", "192.168.1.20", "x86_64-linux"],
      ["proxy", "192.168.1.10", "x86_64-linux"],
    ]);
  });

  it("puts each of the 40 containers in its host's box", () => {
    const containers = t.nodes.filter((n) => n.kind === "container");
    expect(containers).toHaveLength(40);
    const per = (h: string) => containers.filter((n) => n.at.kind === "host" && n.at.host === h).length;
    expect([per("dns"), per("nas"), per("proxy")]).toEqual([3, 31, 6]);
    const jellyfin = t.nodes.find((n) => n.id === "nas/container/jellyfin");
    expect(jellyfin).toMatchObject({ kind: "container", backend: "podman", networking: { kind: "podman", networks: ["downloads", "media"] }, ports: [{ port: 8000, protocol: "tcp" }] });
    const authelia = t.nodes.find((n) => n.id === "proxy/container/authelia");
    expect(authelia).toMatchObject({ kind: "container", backend: "nspawn", auth: "authelia", networking: { kind: "veth" } });
  });

  it("routes a public name through the proxy and Authelia to the container on the other host", () => {
    const name = "name/jellyfin.example.org";
    expect(edge(t.edges, name, "proxy/proxy/traefik")).toMatchObject({ kind: "route", remote: false });
    expect(edge(t.edges, "proxy/proxy/traefik", "proxy/container/authelia")).toMatchObject({ kind: "auth", remote: false });
    const hop = edge(t.edges, "proxy/container/authelia", "nas/container/jellyfin");
    expect(hop).toMatchObject({ kind: "proxy", port: 8000, remote: true, names: ["jellyfin.example.org"] });
    // The proxy reaches the NAS only through Authelia: no hop around it.
    expect(edge(t.edges, "proxy/proxy/traefik", "nas/container/jellyfin")).toBeUndefined();
  });

  it("draws one forward-auth hop for every route that asks Authelia, naming them all", () => {
    const auth = t.edges.filter((e) => e.kind === "auth");
    expect(auth).toHaveLength(1);
    // 12 routes to the NAS and the 5 other apps of the proxy host; the sign-in page itself is public.
    expect(auth[0]!.names).toHaveLength(17);
    expect(auth[0]!.names).not.toContain("auth.example.org");
    expect(edge(t.edges, "proxy/proxy/traefik", "proxy/container/authelia")?.names).toContain("gitea.example.org");
    expect(t.edges.filter((e) => e.remote).map((e) => e.to)).toHaveLength(12);
  });

  it("names the LAN, the veth pool and the Podman networks with their members", () => {
    const ids = t.networks.map((n) => n.id);
    expect(ids).toEqual(["lan", "nas/network/podman/downloads", "nas/network/podman/media", "nas/network/podman/podman", "proxy/network/pool"]);
    expect(t.networks[0]!.members).toEqual(["host/dns", "host/nas", "host/proxy"]);
    const pool = t.networks.find((n) => n.id === "proxy/network/pool")!;
    expect(pool).toMatchObject({ kind: "pool", cidr: "10.10.0.0/24" });
    expect(pool.members).toHaveLength(6);
    // Every third NAS container names no network: Podman's default one.
    expect(t.networks.find((n) => n.id === "nas/network/podman/podman")).toMatchObject({ cidr: "10.88.0.0/16" });
    expect(t.networks.find((n) => n.id === "nas/network/podman/podman")!.members).toHaveLength(10);
  });

  it("is the same JSON whatever order the hosts are declared in", () => {
    const a = topologyJson(demoFleet(40, ["proxy", "nas", "dns"]));
    expect(topologyJson(demoFleet(40, ["dns", "proxy", "nas"]))).toBe(a);
    expect(topologyJson(demoFleet(40, ["nas", "dns", "proxy"]))).toBe(a);
    expect(a.startsWith('{\n  "version": 1,\n  "domain": "example.org",\n  "hosts": [\n')).toBe(true);
  });
});

describe("topology of one host", () => {
  const lab = homelab({
    hostName: "box",
    domain: "example.org",
    stateVersion: "25.11",
    traefik: traefik({ mode: "service" }),
    containers: [
      container("app", { ports: [8080], route: route({ subdomain: "app", port: 8080, public: true }) }),
      container("db", { backend: "podman", image: "docker.io/library/postgres:16.4", ports: ["127.0.0.1:5432:5432"], networks: ["data"] }),
    ],
    services: [service("printer", { ports: [631] })],
    routes: [
      route({ subdomain: "print", to: { service: "printer", port: 631 }, public: true }),
      route({ subdomain: "gone", to: { container: "nothing", port: 1 }, public: true }),
      route({ subdomain: "hass", to: { url: "http://192.168.1.30:8123" }, public: true }),
    ],
  });
  const t = topology(lab);

  it("has no LAN without a host address, and its own box", () => {
    expect(t.hosts).toEqual([{ id: "host/box", name: "box", system: "x86_64-linux", release: "26.05", tags: [] }]);
    expect(t.networks.map((n) => n.id)).toEqual(["box/network/podman/data", "box/network/pool"]);
  });

  it("resolves each route's target as the facts do: container, service, outside URL, missing", () => {
    expect(edge(t.edges, "box/proxy/traefik", "box/container/app")).toMatchObject({ port: 8080, remote: false });
    expect(edge(t.edges, "box/proxy/traefik", "box/service/printer")).toMatchObject({ port: 631 });
    expect(edge(t.edges, "box/proxy/traefik", "url/http://192.168.1.30:8123")).toBeDefined();
    expect(t.nodes.find((n) => n.id === "missing/box/container/nothing")).toMatchObject({ kind: "external", what: "missing", label: "nothing (missing)" });
    expect(t.nodes.find((n) => n.id === "box/container/db")).toMatchObject({ ports: [{ port: 5432, protocol: "tcp", address: "127.0.0.1" }] });
  });
});

describe("a remote route to what the other host does not have", () => {
  it("ends at a missing node", () => {
    const lab = homelab({
      domain: "example.org",
      hosts: [
        host("a", { stateVersion: "25.11", address: "192.168.1.1", traefik: traefik({ mode: "service" }), routes: [route({ subdomain: "x", to: { host: "b", container: "ghost", port: 80 }, public: true })] }),
        host("b", { stateVersion: "25.11", address: "192.168.1.2" }),
      ],
    });
    const t = topology(lab);
    expect(edge(t.edges, "a/proxy/traefik", "missing/b/container/ghost")).toMatchObject({ kind: "proxy", port: 80 });
  });
});

describe("a forward-auth provider on the host", () => {
  const lab = (services: ReturnType<typeof service>[]) =>
    homelab({
      domain: "example.org",
      hosts: [
        host("proxy", {
          stateVersion: "25.11",
          address: "192.168.1.2",
          traefik: traefik({ mode: "service" }),
          auth: [authelia({ host: true })],
          services,
          routes: [route({ subdomain: "dns", to: { host: "dns", service: "adguardhome", port: 3000 }, auth: "authelia" })],
        }),
        host("dns", { stateVersion: "25.11", address: "192.168.1.3", system: "aarch64-linux", services: [service("adguardhome", { ports: [53, 3000] })] }),
      ],
    });

  it("is the host service of its name, when there is one", () => {
    const t = topology(lab([service("authelia", { ports: [{ port: 9091, address: "127.0.0.1" }] })]));
    expect(t.nodes.find((n) => n.id === "proxy/service/authelia")).toMatchObject({ kind: "service", auth: "authelia" });
    expect(t.nodes.some((n) => n.kind === "auth")).toBe(false);
    expect(edge(t.edges, "proxy/proxy/traefik", "proxy/service/authelia")).toMatchObject({ kind: "auth" });
    expect(edge(t.edges, "proxy/service/authelia", "dns/service/adguardhome")).toMatchObject({ kind: "proxy", port: 3000, remote: true });
  });

  it("is a node of its own otherwise", () => {
    const t = topology(lab([]));
    expect(t.nodes.find((n) => n.id === "proxy/auth/authelia")).toMatchObject({ kind: "auth", provider: "authelia", ports: [{ port: 9091, protocol: "tcp" }] });
    expect(edge(t.edges, "proxy/auth/authelia", "dns/service/adguardhome")).toMatchObject({ remote: true });
  });
});
