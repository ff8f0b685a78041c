import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import { caddyRoute } from "../../proxies/caddy/route.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { traefikRoute } from "../../proxies/traefik/route.ts";
import { route } from "../../builders/route.ts";
import { canonicalClient } from "./routes-conflict.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, public: true }) });

describe("route-host-conflict", () => {
  test("a subdomain and a full name for the same host on one proxy", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      containers: [
        container("a", { ports: [80], route: traefikRoute({ subdomain: "photos", port: 80, public: true }) }),
        container("b", { ports: [80], route: traefikRoute({ host: "photos.example.org", port: 80, public: true }) }),
        container("c", { ports: [80], route: traefikRoute({ subdomain: "other", port: 80, public: true }) }),
      ],
    });
    expect(summary(lab, "route-host-conflict")).toEqual(["containers.a.routes[0] -> containers.b.routes[0]", "containers.b.routes[0] -> containers.a.routes[0]"]);
    expect(findings(lab, "route-host-conflict")[0]!.message).toBe(
      "photos.example.org is also routed by containers.b.routes[0] with the same matcher: give each route its own host name, or a different path, clients or priority",
    );
  });

  test("rule-aware: different paths, a LAN-only router beside the public one, priorities and proxies are fine", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      containers: [
        container("a", {
          ports: [80],
          routes: [
            route({ subdomain: "photos", port: 80, auth: "authelia", proxy: "traefik" }),
            route({ subdomain: "photos", port: 80, path: "/api/public", public: true, proxy: "traefik" }),
            route({ subdomain: "photos", port: 80, clients: ["192.168.1.0/24"], public: true, proxy: "traefik" }),
            route({ subdomain: "photos", port: 80, priority: 10, public: true, proxy: "traefik" }),
            route({ subdomain: "photos", port: 80, public: true, proxy: "caddy" }),
            route({ subdomain: "photos", port: 80, public: true, proxy: "traefik", entryPoint: "web" }),
          ],
        }),
        authelia(),
      ],
    });
    expect(summary(lab, "route-host-conflict")).toEqual([]);
  });

  test("one host name on two Caddy site ports (host:port sites) does not clash; the same site port does", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [
        container("a", {
          ports: [80, 81],
          routes: [route({ host: "app.home.arpa", port: 80, public: true }), route({ host: "app.home.arpa", port: 81, sitePort: 8443, public: true })],
        }),
      ],
      routes: [route({ host: "app.home.arpa", to: { url: "http://192.168.1.20" }, sitePort: 8443, public: true })],
    });
    expect(summary(lab, "route-host-conflict")).toEqual(["containers.a.routes[1] -> routes[0]", "routes[0] -> containers.a.routes[1]"]);
  });

  test("identical matchers clash, clients compared as a set, host-level routes too", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      containers: [container("a", { ports: [80], route: route({ subdomain: "x", path: "/api", clients: ["10.0.0.0/8", "192.168.0.0/16"], port: 80, public: true }) })],
      routes: [route({ subdomain: "x", path: "/api", clients: ["192.168.0.0/16", "10.0.0.0/8"], to: { url: "http://192.168.1.20" }, public: true })],
    });
    expect(summary(lab, "route-host-conflict")).toEqual(["containers.a.routes[0] -> routes[0]", "routes[0] -> containers.a.routes[0]"]);
    const mine = findings(lab, "route-host-conflict").find((d) => d.path === "containers.a.routes[0]")!;
    expect(mine.message).toMatch(/^x\.example\.org\/api\* for 10\.0\.0\.0\/8, 192\.168\.0\.0\/16 is also routed by routes\[0\] with the same matcher/);
  });

  test("clients compared as networks: an address is its /32 or /128, host bits and IPv6 case do not matter", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      routes: [
        route({ subdomain: "a", clients: ["10.0.0.1"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "a", clients: ["10.0.0.1/32"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "b", clients: ["FD00::/8"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "b", clients: ["fd00::/8"], to: { url: "http://192.168.1.20" }, public: true }),
        // Different networks: no clash.
        route({ subdomain: "c", clients: ["10.0.0.1"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "c", clients: ["10.0.0.2"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "d", clients: ["10.0.0.0/8"], to: { url: "http://192.168.1.20" }, public: true }),
        route({ subdomain: "d", clients: ["10.0.0.0/16"], to: { url: "http://192.168.1.20" }, public: true }),
      ],
    });
    expect(summary(lab, "route-host-conflict")).toEqual(["routes[0] -> routes[1]", "routes[1] -> routes[0]", "routes[2] -> routes[3]", "routes[3] -> routes[2]"]);
  });

  test.each([
    ["10.0.0.1", "10.0.0.1/32"],
    ["10.0.0.5/8", "10.0.0.0/8"],
    ["192.168.1.255/24", "192.168.1.0/24"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["FD00::1", "fd00::1/128"],
    ["fd00::/8", "fd00::/8"],
  ])("canonicalClient(%s) = %s", (range, expected) => {
    expect(canonicalClient(range)).toBe(expected);
  });

  test("routes of disabled containers are not deployed and clash with nothing", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("a", { ports: [80], route: traefikRoute({ subdomain: "x", port: 80, public: true }) }),
        container("b", { enable: false, ports: [80], route: traefikRoute({ subdomain: "x", port: 80, public: true }) }),
      ],
    });
    expect(findings(lab, "route-host-conflict")).toEqual([]);
  });
});

describe("proxies and targets", () => {
  test("a traefikRoute with no Traefik, a caddyRoute with no Caddy", () => {
    const lab = testLab({
      containers: [
        container("a", { ports: [80], route: traefikRoute({ subdomain: "a", port: 80, public: true }) }),
        container("b", { ports: [80], route: caddyRoute({ subdomain: "b", port: 80, public: true }) }),
      ],
    });
    expect(summary(lab, "traefik-missing")).toEqual(["containers.a.routes[0]"]);
    expect(summary(lab, "caddy-missing")).toEqual(["containers.b.routes[0]"]);
  });

  test("a Traefik route on an entry point Traefik does not define", () => {
    const lab = testLab({
      traefik: traefik({ entryPoint: "websecure" }),
      containers: [
        container("a", { ports: [80], routes: [traefikRoute({ subdomain: "a", port: 80, public: true, entryPoint: "web" }), traefikRoute({ subdomain: "b", port: 80, public: true, entryPoint: "secure" })] }),
      ],
    });
    expect(summary(lab, "unknown-entry-point")).toEqual(["containers.a.routes[1]"]);
  });

  test("a route to a port its container does not serve", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [
        container("immich", { ports: [2283, { port: 2284, protocol: "udp" }], routes: [caddyRoute({ subdomain: "a", port: 2284, public: true }), caddyRoute({ subdomain: "b", port: 2283, public: true })] }),
        // Podman: the proxy reaches the published host port, not the container port.
        container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", user: "1000", ports: ["127.0.0.1:18989:8989"], route: caddyRoute({ subdomain: "c", port: 8989, public: true }) }),
      ],
    });
    expect(summary(lab, "route-port-unserved")).toEqual(["containers.immich.routes[0]", "containers.sonarr.routes[0]"]);
    expect(findings(lab, "route-port-unserved").find((d) => d.path === "containers.sonarr.routes[0]")!.message).toContain("route to one of [18989]");
  });

  test("a routed Podman port published on every address bypasses the proxy (warning)", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [container("web", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: ["8080:80"], route: caddyRoute({ subdomain: "w", port: 8080, public: true }) })],
    });
    const [d] = findings(lab, "routed-port-exposed");
    expect(d).toMatchObject({ severity: "warning", path: "containers.web.routes[0]" });
    expect(d!.message).toContain('"127.0.0.1:8080:80"');
  });
});

describe("auth", () => {
  test("auth must name an enabled container with forwardAuth", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("plain", { ports: [1] }),
        container("off", { enable: false, ports: [2], forwardAuth: { port: 2 } }),
        container("a", { ports: [80], route: traefikRoute({ subdomain: "a", port: 80, auth: "authelia" }) }),
        container("b", { ports: [80], route: traefikRoute({ subdomain: "b", port: 80, auth: "nobody" }) }),
        container("c", { ports: [80], route: traefikRoute({ subdomain: "c", port: 80, auth: "plain" }) }),
        container("d", { ports: [80], route: traefikRoute({ subdomain: "d", port: 80, auth: "off" }) }),
      ],
    });
    const found = findings(lab, "route-auth-unknown");
    expect(found.map((d) => [d.path, d.related?.map((r) => r.path) ?? []])).toEqual([
      ["containers.b.routes[0]", []],
      ["containers.c.routes[0]", ["containers.plain"]],
      ["containers.d.routes[0]", ["containers.off"]],
    ]);
    expect(found.map((d) => /but (.*?):/.exec(d.message)![1])).toEqual([
      'there is no container "nobody"',
      'container "plain" has no forwardAuth',
      'container "off" is disabled',
    ]);
  });

  test("the auth provider's own route cannot be behind itself", () => {
    const lab = testLab({ traefik: traefik(), containers: [container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, auth: "authelia" }) })] });
    expect(summary(lab, "route-auth-self")).toEqual(["containers.authelia.routes[0]"]);
  });

  test("a route without auth warns unless public or behind basic auth", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [
        container("a", { ports: [80], routes: [caddyRoute({ subdomain: "a", port: 80 }), caddyRoute({ subdomain: "b", port: 80, public: true }), caddyRoute({ subdomain: "c", port: 80, basicAuth: { alice: HASH } })] }),
      ],
    });
    const found = findings(lab, "route-no-auth");
    expect(found.map((d) => [d.severity, d.path])).toEqual([["warning", "containers.a.routes[0]"]]);
  });

  test("forwardAuth on a port the container does not serve", () => {
    const lab = testLab({ containers: [container("authelia", { ports: [9090], forwardAuth: { port: 9091 } })] });
    expect(summary(lab, "forward-auth-port-unserved")).toEqual(["containers.authelia.forwardAuth.port"]);
  });
});
