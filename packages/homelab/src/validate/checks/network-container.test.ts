import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import type { PodmanContainerOptions } from "../../schema/podman.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string, o: Partial<PodmanContainerOptions> = {}) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...o } as PodmanContainerOptions);

describe("network: { container }", () => {
  test("names an enabled Podman container with a network namespace of its own", () => {
    const lab = testLab({
      containers: [
        podman("gluetun", { ports: ["127.0.0.1:8080:8080"] }),
        podman("off", { enable: false }),
        container("nspawn"),
        podman("hostnet", { network: "host" }),
        podman("member", { pod: "media" }),
        podman("ok", { network: { container: "gluetun" } }),
        podman("chained", { network: { container: "ok" } }),
        podman("ghost", { network: { container: "nobody" } }),
        podman("disabled", { network: { container: "off" } }),
        podman("to-nspawn", { network: { container: "nspawn" } }),
        podman("to-host", { network: { container: "hostnet" } }),
        podman("to-pod", { network: { container: "member" } }),
        podman("self", { network: { container: "self" } }),
      ],
    });
    const found = findings(lab, "network-container-unknown");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      ["error", "containers.chained.network.container", 'network: { container: "ok" }: "ok" itself shares "gluetun"\'s namespace: name "gluetun" here'],
      ["error", "containers.disabled.network.container", 'network: { container: "off" }: container "off" is disabled (enable it, or share another\'s network)'],
      ["error", "containers.ghost.network.container", 'network: { container: "nobody" }: there is no container "nobody"'],
      ["error", "containers.self.network.container", 'network: { container: "self" }: a container cannot share its own network namespace'],
      ["error", "containers.to-host.network.container", 'network: { container: "hostnet" }: "hostnet" uses the host\'s network: say network: "host" (and listens) here instead'],
      ["error", "containers.to-nspawn.network.container", 'network: { container: "nspawn" }: "nspawn" is an nspawn container; Podman shares only Podman containers\' namespaces'],
      ["error", "containers.to-pod.network.container", 'network: { container: "member" }: "member" is in pod "media": put this container in the pod instead (pod: "media")'],
    ]);
    expect(found.find((d) => d.path === "containers.chained.network.container")?.related?.map((r) => r.path)).toEqual(["containers.ok"]);
  });

  test("a route to the sharer reaches it on a port the owner publishes", () => {
    const lab = testLab({
      caddy: caddy({ email: "admin@example.org" }),
      containers: [
        podman("gluetun", { ports: ["127.0.0.1:8080:8080"] }),
        podman("qbittorrent", { network: { container: "gluetun" }, route: route({ subdomain: "torrent", port: 8080, public: true }) }),
        podman("prowlarr", { network: { container: "gluetun" }, route: route({ subdomain: "indexers", port: 9696, public: true }) }),
      ],
    });
    const found = findings(lab, "route-port-unserved");
    expect(found.map((d) => [d.path, d.message, d.related?.map((r) => r.path)])).toEqual([
      [
        "containers.prowlarr.routes[0]",
        'indexers.example.org goes to port 9696 of prowlarr, which listens in "gluetun"\'s network namespace: publish it there (ports: ["127.0.0.1:9696:9696"] on "gluetun")',
        ["containers.gluetun.ports"],
      ],
    ]);
    expect(findings(lab, "network-container-unknown")).toEqual([]);
  });
});

describe("network: { container }: what each finding points at, and which routes are asked about", () => {
  test("the owner is related when it is a Podman container; not when it is missing, itself, or nspawn", () => {
    const lab = testLab({
      containers: [
        podman("off", { enable: false }),
        container("nspawn-off", { enable: false }),
        podman("hostnet", { network: "host" }),
        podman("member", { pod: "media" }),
        container("nspawn"),
        podman("disabled", { network: { container: "off" } }),
        podman("to-nspawn-off", { network: { container: "nspawn-off" } }),
        podman("to-host", { network: { container: "hostnet" } }),
        podman("to-pod", { network: { container: "member" } }),
        podman("to-nspawn", { network: { container: "nspawn" } }),
        podman("ghost", { network: { container: "nobody" } }),
        podman("self", { network: { container: "self" } }),
      ],
    });
    expect(summary(lab, "network-container-unknown")).toEqual([
      "containers.disabled.network.container -> containers.off",
      "containers.ghost.network.container",
      "containers.self.network.container",
      "containers.to-host.network.container -> containers.hostnet",
      "containers.to-nspawn-off.network.container",
      "containers.to-nspawn.network.container",
      "containers.to-pod.network.container -> containers.member",
    ]);
    expect(findings(lab, "network-container-unknown").find((d) => d.path === "containers.to-nspawn-off.network.container")?.message).toBe(
      'network: { container: "nspawn-off" }: container "nspawn-off" is disabled (enable it, or share another\'s network)',
    );
  });

  test("a disabled sharer is not checked", () => {
    const lab = testLab({ containers: [podman("sharer", { enable: false, network: { container: "nobody" } })] });
    expect(findings(lab, "network-container-unknown")).toEqual([]);
  });

  test("the owner must publish the route's port as a TCP host port", () => {
    const lab = testLab({
      caddy: caddy({ email: "admin@example.org" }),
      containers: [
        podman("gluetun", { ports: ["127.0.0.1:7000:7878", "127.0.0.1:8989:8989/udp", "127.0.0.1:9696:9696/tcp"] }),
        podman("radarr", { network: { container: "gluetun" }, route: route({ subdomain: "movies", port: 7878, public: true }) }),
        podman("sonarr", { network: { container: "gluetun" }, route: route({ subdomain: "series", port: 8989, public: true }) }),
        podman("prowlarr", { network: { container: "gluetun" }, route: route({ subdomain: "indexers", port: 9696, public: true }) }),
      ],
    });
    const found = findings(lab, "route-port-unserved");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "error",
        "containers.radarr.routes[0]",
        'movies.example.org goes to port 7878 of radarr, which listens in "gluetun"\'s network namespace: publish it there (ports: ["127.0.0.1:7878:7878"] on "gluetun")',
      ],
      [
        "error",
        "containers.sonarr.routes[0]",
        'series.example.org goes to port 8989 of sonarr, which listens in "gluetun"\'s network namespace: publish it there (ports: ["127.0.0.1:8989:8989"] on "gluetun")',
      ],
    ]);
  });

  test("no route-port-unserved when the owner is already wrong (missing, disabled, nspawn, sharing another's), nor for other routes", () => {
    const r = (subdomain: string) => route({ subdomain, port: 8080, public: true });
    const lab = testLab({
      caddy: caddy({ email: "admin@example.org" }),
      routes: [route({ subdomain: "hass", to: { url: "http://192.168.1.20:8123" }, public: true })],
      containers: [
        podman("gluetun", { ports: ["127.0.0.1:8080:8080"] }),
        podman("off", { enable: false }),
        container("nspawn"),
        podman("chained", { network: { container: "gluetun" } }),
        podman("a", { network: { container: "nobody" }, route: r("a") }),
        podman("b", { network: { container: "off" }, route: r("b") }),
        podman("c", { network: { container: "nspawn" }, route: r("c") }),
        podman("d", { network: { container: "chained" }, route: r("d") }),
        container("web", { ports: [8080], route: r("web") }),
      ],
    });
    expect(findings(lab, "route-port-unserved")).toEqual([]);
  });
});

describe("host-network Podman listeners in the port checks", () => {
  test("listens clashes with another host listener on the same port", () => {
    const lab = testLab({
      containers: [
        podman("jellyfin", { network: "host", listens: [8096, { port: 1900, protocol: "udp" }] }),
        podman("emby", { ports: ["8096:8096"] }),
        container("dlna", { network: "host", ports: [{ port: 1900, protocol: "udp" }] }),
      ],
    });
    expect(summary(lab, "port-conflict")).toEqual([
      "containers.dlna.ports[0] -> containers.jellyfin.listens[1]",
      "containers.emby.ports[0] -> containers.jellyfin.listens[0]",
      "containers.jellyfin.listens[0] -> containers.emby.ports[0]",
      "containers.jellyfin.listens[1] -> containers.dlna.ports[0]",
    ]);
    expect(findings(lab, "port-conflict").find((d) => d.path === "containers.jellyfin.listens[0]")?.message).toContain("(the host-network Podman container jellyfin)");
  });

  test("a route to a host-network container's port it does not list is unserved; listed ones pass", () => {
    const lab = testLab({
      caddy: caddy({ email: "admin@example.org" }),
      containers: [
        podman("jellyfin", { network: "host", listens: [8096], route: route({ subdomain: "media", port: 8096, public: true }) }),
        podman("plex", { network: "host", listens: [32400], route: route({ subdomain: "plex", port: 32401, public: true }) }),
        podman("unknown", { network: "host", route: route({ subdomain: "x", port: 1234, public: true }) }),
      ],
    });
    expect(summary(lab, "route-port-unserved")).toEqual(["containers.plex.routes[0]"]);
    expect(findings(lab, "port-conflict")).toEqual([]);
  });
});
