import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { authenticates } from "../model/middleware.ts";
import { caddyRoute, container, formatPath, forwardAuth, headers, homelab, isMiddleware, isRoute, onlyHost, route, traefikRoute } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => (d.path.length === 0 ? d.message : `${formatPath(d.path)}: ${d.message}`));
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };

describe("route()", () => {
  test("a route to the container it is given to, with its defaults", () => {
    const r = route({ subdomain: "photos", port: 2283 });
    expect(isRoute(r)).toBe(true);
    expect(Object.isFrozen(r)).toBe(true);
    expect(r).toEqual({
      kind: "route",
      match: { host: { kind: "subdomain", name: "photos" }, clients: [] },
      target: { kind: "attached", port: 2283 },
      middlewares: [],
      tls: { domains: [], internal: false },
      public: false,
      site: r.site,
    });
    expect(r).not.toHaveProperty("proxy");
  });

  test("matchers, priority, TLS and proxy as given", () => {
    const r = route({
      host: "photos.example.org", path: "/api", stripPrefix: true, clients: ["192.168.1.0/24", "fd00::/8", "10.0.0.1"], port: 80,
      priority: 100, tls: { certResolver: "le-staging", domains: [{ main: "*.example.org" }] }, entryPoint: "websecure", proxy: "traefik",
    });
    expect(r.match).toEqual({ host: { kind: "fqdn", name: "photos.example.org" }, path: { kind: "prefix", prefix: "/api", strip: true }, clients: ["192.168.1.0/24", "fd00::/8", "10.0.0.1"] });
    expect(r.tls).toEqual({ certResolver: "le-staging", domains: [{ main: "*.example.org", sans: [] }], internal: false });
    expect([r.priority, r.entryPoint, r.proxy]).toEqual([100, "websecure", "traefik"]);
    expect(route({ subdomain: "a", pathRegex: "^/v[0-9]+/", port: 1 }).match.path).toEqual({ kind: "regex", pattern: "^/v[0-9]+/" });
  });

  test("every form of to is its own target", () => {
    const to = (t: Parameters<typeof route>[0]["to"]) => route({ subdomain: "x", to: t, public: true }).target;
    expect(to({ container: "immich", port: 2283 })).toEqual({ kind: "container", container: "immich", port: 2283 });
    expect(to({ service: "hass", port: 8123 })).toEqual({ kind: "service", service: "hass", port: 8123 });
    expect(to({ hostPort: 8123 })).toEqual({ kind: "hostPort", port: 8123, address: "127.0.0.1" });
    expect(to({ url: "http://192.168.1.20:8123" })).toEqual({ kind: "url", url: "http://192.168.1.20:8123" });
    expect(to({ podman: "authentik-server", port: 9000, network: "authentik" })).toEqual({ kind: "podman", container: "authentik-server", port: 9000, network: "authentik" });
    expect(to("api@internal")).toEqual({ kind: "traefikApi" });
    expect(to({ redirect: "https://example.org" })).toEqual({ kind: "redirect", to: "https://example.org", permanent: true });
  });

  test("auth is a forward-auth middleware at the front of the chain", () => {
    const sec = headers("security", { security: true });
    const r = route({ subdomain: "x", port: 1, auth: "authelia", middlewares: [sec] });
    expect(r.middlewares.map((m) => [m.kind, m.name])).toEqual([["forwardAuth", "authelia"], ["headers", "security"]]);
    expect(isMiddleware(r.middlewares[0])).toBe(true);
    expect(authenticates(r.middlewares)).toBe(true);
    expect(authenticates(route({ subdomain: "x", port: 1, middlewares: [forwardAuth("authentik")] }).middlewares)).toBe(true);
  });

  test("shape errors name the field", () => {
    expect(problems(() => route({ subdomain: "a", port: 1, path: "api" }))).toEqual(['path: expected a path starting with "/" without spaces, quotes or backticks, like "/api", got "api"']);
    expect(problems(() => route({ subdomain: "a", port: 1, pathRegex: "(?<=/)api" }))).toEqual(["pathRegex: expected RE2 syntax (Traefik's and Caddy's regex engine), which has no lookbehind, got \"(?<=/)api\""]);
    expect(problems(() => route({ subdomain: "a", port: 1, pathRegex: "(" }))[0]).toMatch(/^pathRegex: expected a regular expression that compiles/);
    expect(problems(() => route({ subdomain: "a", port: 1, clients: ["192.168.1.0/33", "lan"] }))).toEqual([
      'clients[0]: expected a prefix length 0–32 after "/", got "192.168.1.0/33"',
      'clients[1]: expected an address or network like "192.168.1.0/24" or "fd00::/8", got "lan"',
    ]);
    expect(problems(() => route({ subdomain: "a", to: { url: "ftp://nas" } }))[0]).toMatch(/^to\.url: expected a URL like "http:\/\/192\.168\.1\.20:8123"/);
    expect(problems(() => route({ subdomain: "a", to: { service: "hass" } as never }))).toEqual(["to.port: required option missing: expected a port 1–65535"]);
    expect(problems(() => route({ subdomain: "a", to: { nowhere: 1 } as never }))[0]).toMatch(/^to: expected "api@internal" or one of/);
    expect(problems(() => route({ subdomain: "a", port: 1, middlewares: ["compress" as never] }))).toEqual([
      'middlewares[0]: expected a middleware made by forwardAuth(), chain(), headers(), ipAllowList(), basicAuth(), rateLimit(), redirectRegex() or stripPrefix(), got "compress"',
    ]);
    expect(problems(() => route({ subdomain: "a", port: 1, proxy: "nginx" as never }))).toEqual(['proxy: expected "traefik" or "caddy", got "nginx"']);
  });

  test("cross-field rules", () => {
    expect(problems(() => route({ subdomain: "a" }))).toEqual(['port: required option missing: give port (of the container the route is given to) or to (e.g. to: { service: "hass", port: 8123 })']);
    expect(problems(() => route({ subdomain: "a", port: 1, to: { hostPort: 2 } }))).toEqual(["port: give either to (with its own port) or port (of the container the route is given to), not both"]);
    expect(problems(() => route({ subdomain: "a", port: 1, path: "/a", pathRegex: "^/b" }))).toEqual(["pathRegex: give either path or pathRegex, not both"]);
    expect(problems(() => route({ subdomain: "a", port: 1, stripPrefix: true }))).toEqual(["stripPrefix: stripPrefix removes path: give path too"]);
    expect(problems(() => route({ subdomain: "a", port: 1, auth: "authelia", public: true }))).toEqual(["public: a route cannot be public and behind auth: drop public or auth"]);
  });

  test("the error names route() and its call site", () => {
    try {
      route({ subdomain: "a", port: 0 }); // line 94, column 7
      expect.unreachable();
    } catch (e) {
      expect((e as HomelabInputError).message).toBe("packages/homelab/src/builders/route.test.ts:94:7 route({…}).port: expected a port 1–65535, got 0");
    }
  });
});

describe("sitePort (Caddy's host:port site address)", () => {
  test("route() and caddyRoute() put it in the match; absent, the match has none", () => {
    expect(route({ host: "app.home.arpa", port: 8080, sitePort: 8443 }).match).toEqual({ host: { kind: "fqdn", name: "app.home.arpa" }, clients: [], sitePort: 8443 });
    expect(caddyRoute({ subdomain: "app", port: 8080, sitePort: 8443 }).match.sitePort).toBe(8443);
    expect(route({ subdomain: "app", port: 8080 }).match).not.toHaveProperty("sitePort");
  });

  test("a port out of range is an error naming the field", () => {
    expect(problems(() => route({ subdomain: "a", port: 1, sitePort: 70000 }))).toEqual(["sitePort: expected a port 1–65535, got 70000"]);
    expect(problems(() => caddyRoute({ subdomain: "a", port: 1, sitePort: 70000 }))).toEqual(["sitePort: expected a port 1–65535, got 70000"]);
  });
});

describe("routes of homelab() and containers", () => {
  test("host-level routes fill Host.routes; a container takes route() too", () => {
    const hass = route({ subdomain: "hass", to: { hostPort: 8123 }, public: true });
    const lab = homelab({ ...base, routes: [hass], containers: [container("a", { ports: [80], route: route({ subdomain: "a", port: 80, public: true }) })] });
    expect(onlyHost(lab).routes).toEqual([hass]);
    expect(onlyHost(lab).containers[0]!.routes[0]!.target).toEqual({ kind: "attached", port: 80 });
  });

  test("a host-level route needs to", () => {
    expect(problems(() => homelab({ ...base, routes: [route({ subdomain: "a", port: 80 })] }))).toEqual([
      'routes[0]: a route of the homelab needs to (e.g. to: { service: "hass", port: 8123 }); port alone targets the container a route is given to',
    ]);
    expect(problems(() => homelab({ ...base, routes: [traefikRoute({ subdomain: "a", port: 80 })] }))).toHaveLength(1);
    expect(problems(() => homelab({ ...base, routes: [{} as never] }))).toEqual(["routes[0]: expected a route made by route(), traefikRoute() or caddyRoute(), got an object"]);
  });
});
