import { describe, expect, it } from "vitest";
import { caddy, container, rateLimit, route, traefikRoute, type RouteOptions } from "../../index.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";
import { isPublicName } from "./route-checks.ts";

const app = (routes: ReturnType<typeof route>[]) =>
  container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", ports: [{ hostPort: 8080, containerPort: 80 }], routes });

/** The `caddy-unsupported` findings of one route given to the container, as `path: message`. */
function unsupported(options: RouteOptions): string[] {
  const lab = testLab({ caddy: caddy(), containers: [app([route({ subdomain: "app", port: 8080, public: true, ...options } as RouteOptions)])] });
  return findings(lab, "caddy-unsupported").map((d) => `${d.path}: ${d.message}`);
}

describe("caddy-unsupported: what only Traefik renders, with the field and the fix", () => {
  it("a plain route is fine", () => {
    expect(unsupported({})).toEqual([]);
  });

  it("entryPoint", () => {
    expect(unsupported({ entryPoint: "websecure" })).toEqual([
      'containers.app.routes[0].entryPoint: app.example.org: entryPoint "websecure" is Traefik\'s; Caddy serves every site on its httpsPort: drop entryPoint, or serve the route with Traefik (proxy: "traefik")',
    ]);
  });

  it("Traefik TLS: certificate resolver, TLS options, certificate domains", () => {
    expect(unsupported({ tls: { certResolver: "le", options: "modern", domains: [{ main: "*.example.org" }] } }).map((l) => l.split(": ")[0])).toEqual([
      "containers.app.routes[0].tls.certResolver",
      "containers.app.routes[0].tls.domains",
      "containers.app.routes[0].tls.options",
    ]);
  });

  it("Traefik's dashboard and a Podman container by name are the core's route-target-unreachable, once", () => {
    const lab = testLab({
      caddy: caddy(),
      routes: [
        route({ subdomain: "traefik", to: "api@internal", public: true }),
        route({ subdomain: "auth", to: { podman: "authentik-server", port: 9000, network: "authentik" }, public: true }),
      ],
    });
    expect(findings(lab, "caddy-unsupported")).toEqual([]);
    expect(findings(lab, "route-target-unreachable").map((d) => d.path)).toEqual(["routes[0]", "routes[1]"]);
  });

  it("a middleware defined in Traefik (by name)", () => {
    const crowdsec = traefikRoute({ subdomain: "x", port: 1, public: true, middlewares: ["crowdsec"] }).middlewares[0]!;
    expect(unsupported({ middlewares: [crowdsec] })).toEqual([
      'containers.app.routes[0].middlewares: app.example.org: the middleware "crowdsec" is defined in Traefik, outside nixjs, and Caddy cannot apply it: define it with a middleware builder (headers(), ipAllowList(), rateLimit() …), or serve the route with Traefik',
    ]);
  });

  it("two routes of one site asking for different tls; the same tls is fine", () => {
    const lab = (b: { internal?: boolean; email?: string }) =>
      testLab({
        caddy: caddy(),
        containers: [app([route({ subdomain: "app", port: 8080, public: true, tls: { internal: true } }), route({ subdomain: "app", path: "/api", port: 8080, public: true, tls: b })])],
      });
    expect(findings(lab({ email: "ops@example.org" }), "caddy-unsupported").map((d) => d.path)).toEqual(["containers.app.routes[1].tls"]);
    expect(findings(lab({ internal: true }), "caddy-unsupported")).toEqual([]);
  });
});

describe("caddy-tls-internal-public", () => {
  it("warns for Caddy's own CA on a public name every client reaches; not for a LAN-only route or a .lan name", () => {
    const lab = (options: Partial<RouteOptions>) =>
      testLab({ caddy: caddy(), containers: [app([route({ subdomain: "app", port: 8080, public: true, tls: { internal: true }, ...options } as RouteOptions)])] });
    expect(findings(lab({}), "caddy-tls-internal-public")).toMatchObject([
      { severity: "warning", path: "containers.app.routes[0].tls.internal" },
    ]);
    expect(findings(lab({ clients: ["192.168.1.0/24"] }), "caddy-tls-internal-public")).toEqual([]);
    expect(findings(lab({ subdomain: undefined, host: "app.home.lan" }), "caddy-tls-internal-public")).toEqual([]);
  });

  it("knows the names no public CA validates", () => {
    expect(["nas.lan", "printer.local", "x.home.arpa", "a.internal", "localhost"].map(isPublicName)).toEqual([false, false, false, false, false]);
    expect(["photos.example.org", "home.lan.example.com"].map(isPublicName)).toEqual([true, true]);
  });
});

describe("caddy-plugin-missing: a rate limit needs caddy-ratelimit", () => {
  it("errors without the plugin, not with it", () => {
    const limited = [route({ subdomain: "app", port: 8080, public: true, middlewares: [rateLimit("api", { average: 10, burst: 5 })] })];
    expect(findings(testLab({ caddy: caddy(), containers: [app(limited)] }), "caddy-plugin-missing")).toMatchObject([
      { severity: "error", path: "containers.app.routes[0].middlewares" },
    ]);
    const built = caddy({ withPlugins: { plugins: ["github.com/mholt/caddy-ratelimit@v0.1.0"], hash: "sha256-Ak2dGs5ZvGBxxVO8cTvBuPYIhKNJyZZf0zWyb2zOtHQ=" } });
    expect(findings(testLab({ caddy: built, containers: [app(limited)] }), "caddy-plugin-missing")).toEqual([]);
  });
});
