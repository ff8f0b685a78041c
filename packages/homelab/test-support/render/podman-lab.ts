/** The labs of the Podman mode's render tests, written with the builders as a user writes them. */
import { container } from "../../src/builders/container.ts";
import { route } from "../../src/builders/route.ts";
import { forwardAuth, headers } from "../../src/builders/middleware.ts";
import { secret } from "../../src/builders/secret.ts";
import type { Homelab } from "../../src/model/index.ts";
import { testLab } from "../validate/test-lab.ts";
import { traefik } from "../../src/proxies/traefik/builders.ts";
import { LETSENCRYPT_STAGING } from "../../src/proxies/traefik/static-model.ts";
import { traefikRoute } from "../../src/proxies/traefik/route.ts";

const security = headers("security", { security: { stsSeconds: 31536000 } });

/**
 * A Podman homelab behind Traefik in Podman: whoami routed by a label route on network web
 * (its port unpublished), sonarr on network media (published on loopback, as seed 001 does
 * behind Caddy), a route by name to whoami's second port with a path, and Gitea in an nspawn
 * container (private network) through the file provider.
 */
export function podmanLab(mode: "podman" | "service", layout: "flat" | "modules" = "flat"): Homelab {
  return testLab({
    layout,
    traefik: traefik({ mode, certResolver: "le", acme: { email: "admin@example.org", dnsProvider: "cloudflare" }, environmentFiles: [secret("cf-token")] }),
    routes: [route({ subdomain: "whoapi", path: "/api", to: { podman: "whoami", port: 8080, network: "web" }, middlewares: [security], priority: 10, public: true })],
    containers: [
      container("whoami", {
        backend: "podman",
        image: "docker.io/traefik/whoami:v1.10.3",
        user: "1000",
        networks: ["web"],
        route: route({ subdomain: "who", port: 80, clients: ["192.168.1.0/24"], middlewares: [security], public: true }),
      }),
      container("sonarr", {
        backend: "podman",
        image: "lscr.io/linuxserver/sonarr:4.0.9",
        environment: { PUID: 1000, PGID: 1000 },
        networks: ["media", "web"],
        ports: ["127.0.0.1:8989:8989"],
        route: traefikRoute({ subdomain: "tv", port: 8989, auth: "authelia" }),
      }),
      container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, public: true }) }),
    ],
  });
}

/**
 * One set of routes, for both renderers: Traefik in Podman (labels) and Traefik as a host
 * service (file provider). Every port is published on loopback, which the service needs and
 * the Podman mode notes as unnecessary. The routes use every matcher (host, path prefix with
 * strip, path regex, client ranges), priority, forward auth, middlewares by name with and
 * without a provider, entry points with and without TLS, resolvers.
 */
export function sharedRoutesLab(mode: "podman" | "service"): Homelab {
  return testLab({
    traefik: traefik({
      mode,
      certResolver: "le",
      acme: { email: "admin@example.org" },
      // A route's own resolver (whoami's first route).
      certResolvers: { "le-staging": { email: "admin@example.org", httpChallenge: {}, caServer: LETSENCRYPT_STAGING } },
    }),
    containers: [
      container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, public: true }) }),
      container("sonarr", {
        backend: "podman",
        image: "lscr.io/linuxserver/sonarr:4.0.9",
        environment: { PUID: 1000, PGID: 1000 },
        networks: ["media"],
        ports: ["127.0.0.1:8989:8989"],
        route: traefikRoute({ subdomain: "tv", port: 8989, auth: "authelia", middlewares: ["compress", "crowdsec@file"] }),
      }),
      container("whoami", {
        backend: "podman",
        image: "docker.io/traefik/whoami:v1.10.3",
        user: "1000",
        networks: ["web"],
        ports: ["127.0.0.1:8081:80"],
        routes: [
          route({ subdomain: "who", port: 8081, middlewares: [forwardAuth("authelia")], tls: { certResolver: "le-staging" } }),
          route({ subdomain: "who", path: "/api", stripPrefix: true, port: 8081, clients: ["192.168.1.0/24", "10.0.0.0/8"], priority: 20, public: true }),
          route({ host: "who.lan", pathRegex: "^/v[0-9]+/", port: 8081, entryPoint: "web", public: true }),
        ],
      }),
    ],
  });
}
