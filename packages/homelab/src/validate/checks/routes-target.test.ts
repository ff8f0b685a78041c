import { describe, expect, test } from "vitest";
import { basicAuth, caddy, chain, container, forwardAuth, headers, ipAllowList, route, service, traefik, traefikRoute } from "../../index.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
const url = { url: "http://192.168.1.20:8123" } as const;

describe("which proxy serves a route", () => {
  test("a route without proxy on a host with two proxies, or none", () => {
    const two = testLab({
      traefik: traefik({ mode: "service" }),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      routes: [route({ subdomain: "a", to: url, public: true }), route({ subdomain: "b", to: url, public: true, proxy: "caddy" })],
    });
    expect(summary(two, "route-proxy-ambiguous")).toEqual(["routes[0]"]);
    expect(findings(two, "route-proxy-ambiguous")[0]!.message).toBe('a.example.org does not say which proxy serves it, and the host has 2: set proxy: "traefik" or "caddy"');
    const none = testLab({ routes: [route({ subdomain: "a", to: url, public: true })] });
    expect(summary(none, "route-proxy-none")).toEqual(["routes[0]"]);
    const one = testLab({ caddy: caddy(), routes: [route({ subdomain: "a", to: url, public: true })] });
    expect([...summary(one, "route-proxy-none"), ...summary(one, "route-proxy-ambiguous")]).toEqual([]);
    const missing = testLab({ caddy: caddy(), routes: [route({ subdomain: "a", to: url, public: true, proxy: "traefik" })] });
    expect(summary(missing, "traefik-missing")).toEqual(["routes[0]"]);
  });
});

describe("route targets", () => {
  test("a container or service that does not exist, or is disabled (named)", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [container("app", { ports: [80] }), container("off", { enable: false, ports: [80] })],
      services: [service("hass", { ports: [8123] }), service("idle", { enable: false, ports: [1] })],
      routes: [
        route({ subdomain: "a", to: { container: "app", port: 80 }, public: true }),
        route({ subdomain: "b", to: { container: "nope", port: 80 }, public: true }),
        route({ subdomain: "c", to: { container: "off", port: 80 }, public: true }),
        route({ subdomain: "d", to: { service: "hass", port: 8123 }, public: true }),
        route({ subdomain: "e", to: { service: "idle", port: 1 }, public: true }),
      ],
    });
    expect(summary(lab, "route-target-unknown")).toEqual(["routes[1]", "routes[2] -> containers.off", "routes[4] -> services.idle"]);
    expect(findings(lab, "route-target-unknown").map((d) => d.message)).toEqual([
      'b.example.org routes to container "nope", but there is no container "nope": enable it, or route elsewhere',
      'c.example.org routes to container "off", but container "off" is disabled: enable it, or route elsewhere',
      'e.example.org routes to service "idle", but service "idle" is disabled: enable it, or route elsewhere',
    ]);
  });

  test("the target serves the port: a container by name, a service's ports", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [container("app", { ports: [80] })],
      services: [service("hass", { ports: [8123, { port: 53, protocol: "udp" }] })],
      routes: [
        route({ subdomain: "a", to: { container: "app", port: 81 }, public: true }),
        route({ subdomain: "b", to: { service: "hass", port: 53 }, public: true }),
        route({ subdomain: "c", to: { service: "hass", port: 8123 }, public: true }),
      ],
    });
    expect(summary(lab, "route-port-unserved")).toEqual(["routes[0]", "routes[1] -> services.hass"]);
    expect(findings(lab, "route-port-unserved").find((d) => d.path === "routes[1]")!.message).toBe(
      "b.example.org routes to port 53, which service hass does not declare: add 53 to its ports, or route to one of [8123]",
    );
  });

  test("a Podman name is reachable only from a proxy on that Podman network", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("authentik", { backend: "podman", image: "ghcr.io/goauthentik/server:2025.2", networks: ["authentik"] }),
        container("nspawned", { ports: [80] }),
      ],
      routes: [
        route({ subdomain: "auth", to: { podman: "authentik", port: 9000, network: "authentik" }, public: true }),
        route({ subdomain: "b", to: { podman: "authentik", port: 9000, network: "other" }, public: true }),
        route({ subdomain: "c", to: { podman: "nspawned", port: 80, network: "authentik" }, public: true }),
      ],
    });
    const found = findings(lab, "route-target-unreachable");
    expect(summary(lab, "route-target-unreachable")).toEqual(["routes[0]", "routes[1]", "routes[1] -> containers.authentik", "routes[2] -> containers.nspawned"]);
    expect(found.find((d) => d.path === "routes[0]")!.message).toBe(
      'auth.example.org routes to the Podman container authentik by name, but Traefik is not on the Podman network "authentik" (on the host network it cannot resolve Podman names): publish the port on loopback (ports: ["127.0.0.1:9000:9000"]) and route to { container: "authentik", port: 9000 }, or run Traefik in Podman on "authentik"',
    );
  });

  test("Traefik's API only through Traefik; URLs, host ports and redirects are always reachable", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      routes: [
        route({ subdomain: "dash", to: "api@internal", auth: "authelia", proxy: "caddy" }),
        route({ subdomain: "dash2", to: "api@internal", auth: "authelia", proxy: "traefik" }),
        route({ subdomain: "cam", to: url, public: true, proxy: "caddy" }),
        route({ subdomain: "nas", to: { hostPort: 5000 }, public: true, proxy: "caddy" }),
        route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true, proxy: "caddy" }),
      ],
    });
    expect(summary(lab, "route-target-unreachable")).toEqual(["routes[0]"]);
    expect(findings(lab, "route-target-unreachable")[0]!.message).toBe(`dash.example.org routes to Traefik's API (api@internal), which only Traefik serves: set proxy: "traefik"`);
  });
});

describe("authentication through middlewares", () => {
  const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 } });

  test("a forwardAuth or basicAuth middleware, or a chain holding one, authenticates; a LAN-only allow list needs none (no false route-no-auth)", () => {
    const sec = headers("security", { security: true });
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      containers: [authelia(), container("app", { ports: [80] })],
      routes: [
        route({ subdomain: "a", to: { container: "app", port: 80 }, middlewares: [forwardAuth("authelia")] }),
        route({ subdomain: "b", to: { container: "app", port: 80 }, middlewares: [chain("secure", [sec, forwardAuth("authelia")])] }),
        route({ subdomain: "c", to: { container: "app", port: 80 }, middlewares: [chain("family", [basicAuth("family", { alice: HASH })])] }),
        route({ subdomain: "d", to: { container: "app", port: 80 }, middlewares: [chain("lan-only", [sec, ipAllowList("lan", ["192.168.0.0/16"])])] }),
        route({ subdomain: "e", to: { container: "app", port: 80 } }),
        // An allow list with a public network is no LAN boundary.
        route({ subdomain: "f", to: { container: "app", port: 80 }, middlewares: [ipAllowList("office", ["192.168.0.0/16", "203.0.113.0/24"])] }),
        // LAN clients only, as a matcher: the LAN is the boundary.
        route({ subdomain: "g", to: { container: "app", port: 80 }, clients: ["192.168.1.0/24", "fd00::/8"] }),
        route({ subdomain: "h", to: { container: "app", port: 80 }, clients: ["0.0.0.0/0"] }),
        // A redirect has no backend to protect.
        route({ host: "www.example.org", to: { redirect: "https://example.org" } }),
      ],
    });
    expect(summary(lab, "route-no-auth")).toEqual(["routes[4]", "routes[5]", "routes[7]"]);
    expect(summary(lab, "route-auth-unknown")).toEqual([]);
  });

  test("a forwardAuth naming an unknown provider, and a provider's own route behind itself", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      containers: [authelia(), container("app", { ports: [80], route: traefikRoute({ subdomain: "app", port: 80, auth: "authelia" }) })],
      routes: [
        route({ subdomain: "a", to: { container: "app", port: 80 }, middlewares: [chain("secure", [forwardAuth("sso", { provider: "authentik" })])] }),
        route({ subdomain: "auth", to: { container: "authelia", port: 9091 }, auth: "authelia" }),
      ],
    });
    expect(summary(lab, "route-auth-unknown")).toEqual(["routes[0]"]);
    expect(findings(lab, "route-auth-unknown")[0]!.message).toBe('a.example.org uses auth "authentik", but there is no container "authentik": give that container forwardAuth: { port }, or name another');
    expect(summary(lab, "route-auth-self")).toEqual(["routes[1]"]);
  });
});
