import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import type { ContainerOptions } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";

describe("traefik({ mode: \"podman\" }) checks", () => {
  test("traefik-socket-writable: the API socket mounted again without :ro", () => {
    const lab = testLab({
      traefik: traefik({
        mode: "podman",
        volumes: ["/run/podman/podman.sock:/run/podman.sock", "/var/run/docker.sock:/var/run/docker2.sock:rw", "/opt/services/traefik/plugins:/plugins"],
      }),
    });
    const found = findings(lab, "traefik-socket-writable");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "traefik.volumes[0]"],
      ["error", "traefik.volumes[1]"],
    ]);
    expect(found[0]?.message).toBe(
      "/run/podman/podman.sock:/run/podman.sock mounts the container engine's API socket writable into Traefik, and whoever controls Traefik through it can start a privileged container (root on the host): drop this volume, nixjs already mounts the Podman socket read-only for the Docker provider (to narrow the API itself, which no mount flag does, put a socket proxy in between)",
    );
  });

  test("traefik-socket-writable: read-only, or another file, is fine", () => {
    const lab = testLab({ traefik: traefik({ mode: "podman", volumes: ["/run/user/1000/podman/podman.sock:/podman.sock:ro", "/opt/socks:/socks"] }) });
    expect(findings(lab, "traefik-socket-writable")).toEqual([]);
  });

  test("duplicate-name: a Podman container named traefik beside the Traefik container", () => {
    const clash = testLab({ traefik: traefik({ mode: "podman" }), containers: [container("traefik", { backend: "podman", image: "docker.io/library/traefik:v3.3.5", user: "1000" })] });
    expect(findings(clash, "duplicate-name").map((d) => [d.path, d.message])).toEqual([
      [
        "containers.traefik",
        'traefik() already defines the container "traefik" (its modes "container" and "podman" run Traefik as that container): rename this container, or use traefik({ mode: "service" })',
      ],
    ]);
    const renamed = testLab({ traefik: traefik({ mode: "podman" }), containers: [container("proxy-old", { backend: "podman", image: "docker.io/library/traefik:v3.3.5", user: "1000" })] });
    expect(findings(renamed, "duplicate-name")).toEqual([]);
  });

  const podman = (name: string, o: Record<string, unknown> = {}) =>
    container(name, { backend: "podman", image: "docker.io/traefik/whoami:v1.10.3", user: "1000", ...o } as ContainerOptions);
  const inPodman = traefik({ mode: "podman" });

  test("traefik-network-unjoined: a labelled container on no network, or on the host's", () => {
    const lab = testLab({
      traefik: inPodman,
      containers: [
        podman("lonely", { route: route({ subdomain: "a", port: 80, public: true }) }),
        podman("hostnet", { network: "host", route: route({ subdomain: "b", port: 80, public: true }) }),
        podman("joined", { networks: ["web"], route: route({ subdomain: "c", port: 80, public: true }) }),
      ],
    });
    const found = findings(lab, "traefik-network-unjoined");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.hostnet.networks"],
      ["error", "containers.lonely.networks"],
    ]);
    expect(found[1]?.message).toBe(
      'lonely is routed by Traefik labels, but it is on no custom Podman network, so the Traefik container cannot reach it by name: add networks: ["web"] (any name; Traefik joins the networks of the containers it routes to)',
    );
  });

  test("a route by name over a network the container is not on: the core's route-target-unreachable, once; Traefik joins the network named", () => {
    const wrong = testLab({
      traefik: inPodman,
      routes: [route({ subdomain: "a", to: { podman: "app", port: 80, network: "media" }, public: true })],
      containers: [podman("app", { networks: ["web"] })],
    });
    expect(findings(wrong, "route-target-unreachable").map((d) => [d.path, d.message])).toEqual([
      ["routes[0]", 'a.example.org routes to app over the Podman network "media", which app is not on: add "media" to its networks'],
    ]);
    expect(findings(wrong, "traefik-network-unjoined")).toEqual([]);
    const right = testLab({
      traefik: inPodman,
      routes: [route({ subdomain: "a", to: { podman: "app", port: 80, network: "web" }, public: true })],
      containers: [podman("app", { networks: ["web"] })],
    });
    expect(findings(right).filter((d) => d.severity === "error")).toEqual([]);
    // Traefik on the host network cannot resolve the name.
    const onHost = testLab({
      traefik: traefik({ mode: "service" }),
      routes: [route({ subdomain: "a", to: { podman: "app", port: 80, network: "web" }, public: true })],
      containers: [podman("app", { networks: ["web"] })],
    });
    expect(findings(onHost, "route-target-unreachable").map((d) => d.path)).toEqual(["routes[0]"]);
  });

  test("labels need no published port: no route-port-unserved; a published one is noted as unnecessary", () => {
    const lab = testLab({
      traefik: inPodman,
      containers: [
        podman("quiet", { networks: ["web"], route: route({ subdomain: "a", port: 80, public: true }) }),
        podman("loud", { networks: ["web"], ports: ["127.0.0.1:8081:80"], route: route({ subdomain: "b", port: 8081, public: true }) }),
        podman("other", { networks: ["web"], ports: ["127.0.0.1:9000:9000"], route: route({ subdomain: "c", port: 80, public: true }) }),
      ],
    });
    expect(findings(lab, "route-port-unserved")).toEqual([]);
    expect(findings(lab, "traefik-port-unneeded").map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "note",
        "containers.loud.ports[0]",
        'loud publishes 127.0.0.1:8081:80 for its route, but Traefik reaches port 80 over the Podman network "web" by the container\'s labels: drop the published port (unless something besides Traefik needs it)',
      ],
    ]);
    // Published beyond loopback, the route can still be bypassed: the core's warning stands.
    const open = testLab({ traefik: inPodman, containers: [podman("open", { networks: ["web"], ports: ["8081:80"], route: route({ subdomain: "o", port: 8081, public: true }) })] });
    expect(findings(open, "routed-port-exposed").map((d) => d.path)).toEqual(["containers.open.routes[0]"]);
    expect(findings(open, "traefik-port-unneeded").map((d) => d.path)).toEqual(["containers.open.ports[0]"]);
    // The same container behind Traefik as a service does need its published port.
    const asService = testLab({ traefik: traefik({ mode: "service" }), containers: [podman("quiet", { networks: ["web"], route: route({ subdomain: "a", port: 80, public: true }) })] });
    expect(findings(asService, "route-port-unserved").map((d) => d.path)).toEqual(["containers.quiet.routes[0]"]);
    expect(findings(asService, "traefik-port-unneeded")).toEqual([]);
  });

  test("traefik-label-name: a container name with a dot, a traefik.* label of the user's", () => {
    const lab = testLab({
      traefik: inPodman,
      containers: [
        podman("my.app", { networks: ["web"], route: route({ subdomain: "a", port: 80, public: true }) }),
        podman("tagged", { networks: ["web"], labels: { "traefik.http.routers.x.rule": "Host(`x`)", "io.containers.autoupdate": "registry" }, route: route({ subdomain: "b", port: 80, public: true }) }),
        podman("fine_name-2", { networks: ["web"], labels: { "io.containers.autoupdate": "registry" }, route: route({ subdomain: "c", port: 80, public: true }) }),
      ],
    });
    const found = findings(lab, "traefik-label-name");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "error",
        'containers["my.app"]',
        'my.app is routed by Traefik labels named after it ("my.app"), and a label key cannot carry a dot (it splits the key: traefik.http.routers.<name>.rule): rename the container with letters, digits, - and _ only',
      ],
      [
        "error",
        'containers.tagged.labels["traefik.http.routers.x.rule"]',
        'tagged\'s label "traefik.http.routers.x.rule": nixjs writes the traefik.* labels of a container from its routes; drop this label and say it with the route (or a middleware)',
      ],
    ]);
  });

  test("traefik-target-unreachable: loopback targets of the file provider, seen from inside the container", () => {
    const lab = testLab({
      traefik: inPodman,
      services: [service("hass", { ports: [{ port: 8123, address: "0.0.0.0", protocol: "tcp" }] }), service("lan", { ports: [{ port: 9000, address: "192.168.1.10", protocol: "tcp" }] })],
      routes: [
        route({ subdomain: "hass", to: { service: "hass", port: 8123 }, public: true }),
        route({ subdomain: "lan", to: { service: "lan", port: 9000 }, public: true }),
        route({ subdomain: "local", to: { hostPort: 3000 }, public: true }),
        route({ subdomain: "nas", to: { url: "http://192.168.1.20:5000" }, public: true }),
      ],
      containers: [
        container("hostnet", { network: "host", ports: [8080], route: route({ subdomain: "h", port: 8080, public: true }) }),
        container("private", { ports: [8080], route: route({ subdomain: "p", port: 8080, public: true }) }),
      ],
    });
    expect(findings(lab, "traefik-target-unreachable").map((d) => [d.path, d.message])).toEqual([
      ["routes[0]", expect.stringMatching(/^hass\.example\.org routes to the host service hass \(port 8123\), which the Traefik Podman container cannot reach/)],
      ["routes[2]", expect.stringMatching(/^local\.example\.org routes to 127\.0\.0\.1:3000, which/)],
      [
        "containers.hostnet.routes[0]",
        'h.example.org routes to hostnet at 127.0.0.1:8080, which the Traefik Podman container cannot reach (inside it, 127.0.0.1 is Traefik itself): use traefik({ mode: "service" }) or "container" (on the host network), or route to an address the container can reach',
      ],
    ]);
    const asService = testLab({ traefik: traefik({ mode: "service" }), containers: [container("hostnet", { network: "host", ports: [8080], route: route({ subdomain: "h", port: 8080, public: true }) })] });
    expect(findings(asService, "traefik-target-unreachable")).toEqual([]);
  });
});
