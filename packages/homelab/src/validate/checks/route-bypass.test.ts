import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { basicAuth, chain, forwardAuth, headers, ipAllowList } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
const podman = (name: string, ports: string[], r: ReturnType<typeof route>) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports, route: r });

describe("route-auth-bypassed: reported", () => {
  test("a Podman container port published on every address beside the loopback publish the proxy uses", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), podman("web", ["127.0.0.1:18080:80", "8080:80"], route({ subdomain: "web", port: 18080, auth: "authelia" }))],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.web.routes[0] -> containers.web.ports[1]"]);
    const [d] = findings(lab, "route-auth-bypassed");
    expect(d!.severity).toBe("warning");
    expect(d!.message).toBe(
      'web.example.org requires forward auth "authelia", but the Podman container web also serves it on every address, port 8080 (containers.web.ports[1]), where clients skip the proxy and its authentication: publish it on loopback as "127.0.0.1:8080:80"',
    );
  });

  test("the routed Podman port itself published on every address: the bypass, not routed-port-exposed as well", () => {
    const lab = testLab({ traefik: traefik(), containers: [authelia(), podman("web", ["8080:80"], route({ subdomain: "web", port: 8080, auth: "authelia" }))] });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.web.routes[0] -> containers.web.ports[0]"]);
    expect(findings(lab, "routed-port-exposed")).toEqual([]);
  });

  test("an nspawn forwardPorts entry to the routed port", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("gitea", { ports: [3000, 22], forwardPorts: [{ hostPort: 2222, containerPort: 22 }, { hostPort: 3000 }], route: route({ subdomain: "git", port: 3000, auth: "authelia" }) }),
      ],
    });
    // The SSH forward (22) is another service: only the forward to 3000 bypasses the route.
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.gitea.routes[0] -> containers.gitea.forwardPorts[1]"]);
    expect(findings(lab, "route-auth-bypassed")[0]!.message).toContain("drop forwardPorts[1] (the proxy reaches gitea at its localAddress, without it)");
  });

  test("a host-network container listening on every address (the firewall opens it)", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), container("hass", { network: "host", ports: [8123], route: route({ subdomain: "hass", port: 8123, auth: "authelia" }) })],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.hass.routes[0] -> containers.hass.ports[0]"]);
    expect(findings(lab, "route-auth-bypassed")[0]!.message).toContain("the host-network container hass also serves it on every address, port 8123");
  });

  test("a host service, and a bare host port someone listens on, behind auth through a chain or basic auth", () => {
    const secure = chain("secure", [headers("sec", { security: {} }), forwardAuth("authelia")]);
    const lab = testLab({
      caddy: caddy(),
      containers: [authelia()],
      services: [service("grafana", { ports: [3000] }), service("glances", { ports: [{ port: 61208, address: "192.168.1.10" }] })],
      routes: [
        route({ subdomain: "grafana", to: { service: "grafana", port: 3000 }, middlewares: [secure] }),
        route({ subdomain: "glances", to: { hostPort: 61208 }, middlewares: [basicAuth("admins", { alice: HASH })] }),
      ],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["routes[0] -> services.grafana.ports[0]", "routes[1] -> services.glances.ports[0]"]);
    expect(findings(lab, "route-auth-bypassed").map((d) => d.message.slice(0, d.message.indexOf(","))).sort()).toEqual([
      'glances.example.org requires basic auth "admins"',
      'grafana.example.org requires forward auth "authelia"',
    ]);
  });

  test("a Podman container reached over a network, and a URL on this host, behind auth", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", networks: ["web"], ports: ["8080:80"] })],
      services: [service("hass", { ports: [8123] })],
      routes: [
        route({ subdomain: "app", to: { podman: "app", port: 80, network: "web" }, auth: "authelia" }),
        route({ subdomain: "hass", to: { url: "http://127.0.0.1:8123" }, auth: "authelia" }),
        // Another machine: nixjs knows nothing of its ports.
        route({ subdomain: "nas", to: { url: "http://192.168.1.20:5000" }, auth: "authelia" }),
      ],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["routes[0] -> containers.app.ports[0]", "routes[1] -> services.hass.ports[0]"]);
  });

  test("a host port that a NixOS container's forwardPorts binds: the forward is the backend, and its direct way", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), container("gitea", { ports: [3000], forwardPorts: [{ hostPort: 13000, containerPort: 3000 }], config: { services: { gitea: { enable: true, settings: { service: { DISABLE_REGISTRATION: false } } } } } })],
      routes: [route({ subdomain: "git", to: { hostPort: 13000 }, auth: "authelia" }), route({ subdomain: "git-open", to: { hostPort: 13000 }, public: true })],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["routes[0] -> containers.gitea.forwardPorts[0]"]);
    // The app behind the host port is the container's guest: its open sign-up is seen too.
    expect(summary(lab, "open-signup-public")).toEqual(["routes[1] -> containers.gitea.config.services.gitea.settings.service.DISABLE_REGISTRATION"]);
  });

  test("a LAN-only route is still bypassed by a wildcard bind (every interface, not a choice of audience)", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), podman("web", ["127.0.0.1:18080:80", "0.0.0.0:8080:80"], route({ subdomain: "web", port: 18080, auth: "authelia", clients: ["192.168.1.0/24"] }))],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.web.routes[0] -> containers.web.ports[1]"]);
  });
});

describe("route-auth-bypassed: the patterns real servers use are not reported", () => {
  test("published on loopback only; a host service on loopback; a host-network container on loopback", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        podman("web", ["127.0.0.1:8080:80"], route({ subdomain: "web", port: 8080, auth: "authelia" })),
        container("hass", { network: "host", ports: [{ port: 8123, address: "127.0.0.1" }], route: route({ subdomain: "hass", port: 8123, auth: "authelia" }) }),
      ],
      services: [service("grafana", { ports: [{ port: 3000, address: "127.0.0.1" }] })],
      routes: [route({ subdomain: "grafana", to: { service: "grafana", port: 3000 }, auth: "authelia" })],
    });
    expect(findings(lab, "route-auth-bypassed")).toEqual([]);
  });

  test("a private-network container without forwards (the proxy reaches its localAddress)", () => {
    const lab = testLab({ traefik: traefik(), containers: [authelia(), container("immich", { ports: [2283], route: route({ subdomain: "photos", port: 2283, auth: "authelia" }) })] });
    expect(findings(lab, "route-auth-bypassed")).toEqual([]);
  });

  test("a LAN-only route (clients or an allow-list) whose direct port is bound to a LAN address", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        podman("jellyfin", ["127.0.0.1:18096:8096", "192.168.1.10:8096:8096"], route({ subdomain: "tv", port: 18096, auth: "authelia", clients: ["192.168.1.0/24", "fd00::/8"] })),
        podman("web", ["127.0.0.1:18080:80", "192.168.1.10:8080:80"], route({ subdomain: "web", port: 18080, auth: "authelia", middlewares: [ipAllowList("lan", ["10.0.0.0/8", "192.168.0.0/16"])] })),
      ],
    });
    expect(findings(lab, "route-auth-bypassed")).toEqual([]);
  });

  test("a LAN router without auth beside the public one with auth: the LAN-bound port admits no one new", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("jellyfin", {
          backend: "podman",
          image: "docker.io/jellyfin/jellyfin:10.10.3",
          user: "1000",
          ports: ["127.0.0.1:18096:8096", "192.168.1.10:8096:8096", "0.0.0.0:8920:8096"],
          routes: [route({ subdomain: "tv", port: 18096, auth: "authelia" }), route({ subdomain: "tv-lan", port: 18096, clients: ["192.168.1.0/24"], public: true })],
        }),
      ],
    });
    // The wildcard publish is still every interface's way around the public route's login.
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.jellyfin.routes[0] -> containers.jellyfin.ports[2]"]);
  });

  test("a public route (no auth to bypass)", () => {
    const lab = testLab({ traefik: traefik(), containers: [container("blog", { ports: [80], forwardPorts: [{ hostPort: 8080, containerPort: 80 }], route: route({ subdomain: "blog", port: 80, public: true }) })] });
    expect(findings(lab, "route-auth-bypassed")).toEqual([]);
  });

  test("a LAN-bound direct port of a route open to the internet is reported (LAN clients skip its login)", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia(), podman("web", ["127.0.0.1:18080:80", "192.168.1.10:8080:80"], route({ subdomain: "web", port: 18080, auth: "authelia" }))],
    });
    expect(summary(lab, "route-auth-bypassed")).toEqual(["containers.web.routes[0] -> containers.web.ports[1]"]);
    expect(findings(lab, "route-auth-bypassed")[0]!.message).toContain("on 192.168.1.10, port 8080");
  });
});
