/**
 * Labs with auth providers, OIDC clients and DNS rewrites, for the render, evaluation and check
 * tests of `auth/` and `dns/`: Authelia in a NixOS container, on the host, and in Podman.
 */
import { adguardRewrites, authelia, authentik, chain, container, forwardAuth, headers, homelab, oidcClient, route, secret, service, traefik, traefikRoute } from "../../src/index.ts";
import type { Homelab } from "../../src/model/index.ts";

/** A hand-written Authelia rule or AdGuard rewrite. */
type Rule = { readonly [key: string]: string | readonly string[] };

const base = {
  hostName: "server",
  domain: "example.org",
  stateVersion: "25.05",
  nixos: "25.11",
  network: { pool: "10.10.10.0/24" },
  agenix: { recipients: { server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIServerKeyForTestsOnly root@server" } },
} as const;

/** The grafana app with an OIDC client of `provider`, routed through it. */
function grafana(provider: string, owner: string | null = "authelia-main") {
  return container("grafana", {
    ports: [3000],
    route: traefikRoute({ subdomain: "grafana", port: 3000, auth: provider }),
    oidc: [
      oidcClient({
        id: "grafana",
        description: "Grafana",
        provider,
        secret: secret("grafana-oidc-digest", owner === null ? {} : { owner }),
        redirectUris: ["https://grafana.example.org/login/generic_oauth"],
      }),
      oidcClient({ id: "grafana-cli", provider, redirectUris: ["http://localhost:8085/callback"], scopes: ["openid"], policy: "one_factor" }),
    ],
  });
}

/** The user's own Authelia settings (seed 000's, with a hand-written rule for a host nixjs does not route). */
function autheliaSettings(extraRules: readonly Rule[] = []) {
  return {
    enable: true,
    secrets: { manual: true },
    settings: {
      server: { address: "tcp://0.0.0.0:9091/" },
      access_control: { rules: [{ domain: "nas.example.org", policy: "two_factor" }, ...extraRules] },
    },
  };
}

/**
 * Authelia in a NixOS container (also offering the Traefik middleware, the short form), AdGuard
 * Home in a host-network NixOS container with a rewrite of its own.
 */
export function nspawnLab(
  extraRules: readonly Rule[] = [],
  adguardRewritesOwn: readonly Rule[] = [{ domain: "nas.example.org", answer: "192.168.1.5" }],
  layout: "flat" | "modules" = "flat",
): Homelab {
  return homelab({
    ...base,
    layout,
    traefik: traefik({ certResolver: "le" }),
    auth: [authelia({ container: "authelia" })],
    dns: [adguardRewrites({ answer: "192.168.1.10", container: "adguard", exclude: ["auth.example.org"] })],
    containers: [
      container("authelia", {
        ports: [9091],
        forwardAuth: { port: 9091 },
        route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
        config: { services: { authelia: { instances: { main: autheliaSettings(extraRules) } } } },
      }),
      grafana("authelia"),
      container("vault", { ports: [8222], route: traefikRoute({ subdomain: "vault", port: 8222, auth: "authelia" }) }),
      container("adguard", {
        network: "host",
        ports: [{ port: 53, protocol: "udp" }, { port: 3001, address: "127.0.0.1" }],
        config: {
          services: {
            adguardhome: {
              enable: true,
              host: "127.0.0.1",
              port: 3001,
              settings: { dns: { bootstrap_dns: ["9.9.9.9"] }, filtering: { rewrites: adguardRewritesOwn } },
            },
          },
        },
      }),
    ],
  });
}

/** Authelia and AdGuard Home on the host (host services), Traefik as a host service. */
export function hostLab(): Homelab {
  return homelab({
    ...base,
    traefik: traefik({ mode: "service", certResolver: "le" }),
    auth: [authelia({ host: true, instance: "main", defaultPolicy: "two_factor" })],
    dns: [adguardRewrites({ answer: "192.168.1.10", host: true })],
    services: [
      service("authelia", { ports: [{ port: 9091, address: "127.0.0.1" }], config: { services: { authelia: { instances: { main: autheliaSettings() } } } } }),
      service("adguardhome", { ports: [{ port: 53, protocol: "udp" }], config: { services: { adguardhome: { enable: true, settings: { dns: { bootstrap_dns: ["9.9.9.9"] } } } } } }),
    ],
    containers: [grafana("authelia")],
  });
}

/** Authelia and Authentik as Podman containers (published on loopback). */
export function podmanLab(environment: { readonly [name: string]: string } = {}): Homelab {
  return homelab({
    ...base,
    traefik: traefik({ mode: "service", certResolver: "le" }),
    auth: [authelia({ container: "authelia" }), authentik({ container: "authentik" })],
    containers: [
      container("authelia", { backend: "podman", image: "ghcr.io/authelia/authelia:4.39.13", ports: ["127.0.0.1:9091:9091"], volumes: ["/opt/authelia:/config"], networks: ["proxy"], environment }),
      container("authentik", { backend: "podman", image: "ghcr.io/goauthentik/server:2025.10.1", ports: ["127.0.0.1:9000:9000"], cmd: ["server"], networks: ["proxy"] }),
      grafana("authelia", null),
      container("wiki", { ports: [3000], route: traefikRoute({ subdomain: "wiki", port: 3000, auth: "authentik" }) }),
    ],
  });
}

/**
 * The routing model's features through Authelia: a bypass path and a webhook regex beside the
 * protected host, a chain with a two-factor forward auth, a host-level route to a host service
 * with a LAN-only router beside it; AdGuard Home on the host.
 */
export function routesLab(): Homelab {
  const secure = chain("secure", [forwardAuth("authelia", { policy: "two_factor" }), headers("sec", { security: { stsSeconds: 31536000 } })]);
  return homelab({
    ...base,
    traefik: traefik({ certResolver: "le" }),
    auth: [authelia({ container: "authelia" })],
    dns: [adguardRewrites({ answer: "192.168.1.10", host: true })],
    services: [
      service("hass", { ports: [{ port: 8123, address: "127.0.0.1" }] }),
      service("adguardhome", { ports: [{ port: 53, protocol: "udp" }], config: { services: { adguardhome: { enable: true, settings: { dns: { bootstrap_dns: ["9.9.9.9"] } } } } } }),
    ],
    routes: [
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, auth: "authelia" }),
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, clients: ["192.168.0.0/16"], public: true }),
    ],
    containers: [
      container("authelia", {
        ports: [9091],
        forwardAuth: { port: 9091 },
        route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
        config: { services: { authelia: { instances: { main: autheliaSettings() } } } },
      }),
      container("gitea", {
        ports: [3000],
        routes: [
          route({ subdomain: "git", port: 3000, auth: "authelia" }),
          route({ subdomain: "git", path: "/api/public", port: 3000, public: true }),
          route({ subdomain: "git", pathRegex: "^/[^/]+/[^/]+/hooks", port: 3000, public: true }),
        ],
      }),
      container("vault", { ports: [8222], route: route({ subdomain: "vault", port: 8222, middlewares: [secure] }) }),
    ],
  });
}
