/**
 * A Traefik homelab that uses every route feature, for the render and evaluation tests: a
 * public and a LAN-only router on one host, a bypass path without auth, a strip-prefix path, a
 * regex path with a priority, a chain of middlewares shared by routes in two containers, every
 * middleware kind, routes to a host service, a host port, a LAN device, the dashboard and a
 * redirect, per-route TLS (resolver, wildcard domains, options).
 */
import { container } from "../../builders/container.ts";
import { homelab } from "../../builders/homelab.ts";
import { basicAuth, chain, forwardAuth, headers, ipAllowList, rateLimit, redirectRegex, stripPrefix } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import type { Homelab } from "../../model/homelab.ts";
import { traefik } from "./builders.ts";

const email = "admin@example.org";
export const LAN = "192.168.1.0/24";

const authelia = forwardAuth("authelia");
const security = headers("security", { security: true });
const secure = chain("secure", [authelia, security]);
const lanOnly = ipAllowList("lan-only", [LAN, "fd00::/8"]);
const family = basicAuth("family", { alice: "$2y$05$abcdefghijklmnopqrstuu5Ck0Ov6Oq1nJ0p4A0wP6uQ7pM8vO1Tq" });
const cors = headers("cors", { cors: { allowOrigins: ["https://app.example.org"], allowMethods: ["GET"] }, request: { "X-Forwarded-Proto": "https" } });

/** The lab, with its Traefik in `mode` (a container: its routes in the guest; a service: on the host). */
export function routesLab(mode: "container" | "service" = "container"): Homelab {
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    modules: [],
    traefik: traefik({
      mode,
      certResolver: "letsencrypt",
      certResolvers: { letsencrypt: { email, tlsChallenge: {} }, wildcard: { email, httpChallenge: {} } },
      tlsOptions: { modern: { minVersion: "VersionTLS13" } },
      dashboard: true,
    }),
    containers: [
      container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) }),
      container("app", {
        ports: [8080, 8081],
        routes: [
          route({ subdomain: "app", port: 8080, middlewares: [secure, rateLimit("api-limit", { average: 100, burst: 50, period: "1m" })] }),
          route({ subdomain: "app", port: 8080, clients: [LAN, "fd00::/8"], priority: 20, public: true }),
          route({ subdomain: "app", path: "/api/public", port: 8080, priority: 30, public: true, middlewares: [cors] }),
          route({ subdomain: "app", path: "/metrics", stripPrefix: true, port: 8081, middlewares: [lanOnly], public: true }),
          route({ subdomain: "app", pathRegex: "^/v[0-9]+/hooks", port: 8081, priority: 40, public: true, tls: { certResolver: "wildcard", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" } }),
        ],
      }),
      container("wiki", { ports: [3000], route: route({ subdomain: "wiki", port: 3000, middlewares: [secure] }) }),
    ],
    services: [service("hass", { ports: [{ port: 8123, address: "127.0.0.1" }], config: {} })],
    routes: [
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, middlewares: [family] }),
      route({ subdomain: "printer", to: { hostPort: 631 }, middlewares: [lanOnly], public: true }),
      route({ subdomain: "nas", to: { url: "https://192.168.1.20:5001" }, auth: "authelia" }),
      route({ subdomain: "traefik", to: "api@internal", auth: "authelia" }),
      route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true }),
      route({ subdomain: "old", to: { url: "http://192.168.1.30" }, middlewares: [redirectRegex("old-to-new", { regex: "^https://old\\.(.*)", replacement: "https://new.$1" }), stripPrefix("legacy", ["/legacy"])], public: true }),
    ],
  });
}
