/**
 * A gateway's whole proxy layer, typed: Traefik as a host service with a wildcard certificate
 * from DNS-01 (production and staging resolvers side by side), Authentik in Podman as the
 * forward-auth provider, a shared middleware chain, a public and a LAN-only router on one
 * host name, a bypass path for webhooks, routes to a LAN device and to Traefik's dashboard, a
 * `www.` redirect, and AdGuard Home answering every routed name with the gateway's address.
 * Regenerate from the repository root:
 *   npx tsx synth --config examples/proxy-zoo/homelab.config.ts --out examples/proxy-zoo/server
 */
import {
  adguardRewrites,
  authentik,
  chain,
  container,
  forwardAuth,
  headers,
  homelab,
  ipAllowList,
  LETSENCRYPT_STAGING,
  rateLimit,
  route,
  secret,
  service,
  traefik,
} from "@nixjs/homelab";

const domain = "zoo.example.net";
/** The gateway's LAN address: where AdGuard Home sends every routed name. */
const gateway = "192.168.1.10";
const lan = ["192.168.1.0/24"];
const email = "admin@example.net";

/** `CF_DNS_API_TOKEN=…` for the DNS-01 challenge (a token limited to the zone's DNS). */
const cloudflare = secret("traefik-cloudflare");
/** `AUTHENTIK_SECRET_KEY=…` and `AUTHENTIK_POSTGRESQL__PASSWORD=…`. */
const authentikEnv = secret("authentik-env");
/** `POSTGRES_PASSWORD=…`, the same password as Authentik's. */
const postgresEnv = secret("authentik-postgres-env");

// Middlewares are values: defined once, shared by routes in several places.
const sso = chain("sso", [forwardAuth("authentik"), headers("secure-headers", { security: true })]);
const lanOnly = ipAllowList("lan-only", lan);
const webhookLimit = rateLimit("webhook-limit", { average: 20, burst: 40 });

const authentikImage = "ghcr.io/goauthentik/server:2025.10.1";
const authentikShared = {
  backend: "podman",
  image: authentikImage,
  user: "1000:1000",
  environment: { AUTHENTIK_POSTGRESQL__HOST: "authentik-postgres", AUTHENTIK_REDIS__HOST: "authentik-redis" },
  environmentFiles: [authentikEnv],
  networks: ["authentik"],
  dependsOn: ["authentik-postgres", "authentik-redis"],
} as const;

export default homelab({
  hostName: "gateway",
  domain,
  nixos: "26.05",
  stateVersion: "25.11",
  modules: ["./hardware-configuration.nix"],
  network: { pool: "10.77.0.0/24", externalInterface: "enp3s0", nftables: true },
  agenix: {
    recipients: {
      admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM3kP8sQ1wR5tY9uI2oP6aS4dF7gH0jK3lZ8xC5vB2nM admin@laptop",
      gateway: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE7hJ2kL5mN8bV1cX4zQ9wE3rT6yU0iO7pA2sD5fG8hJ root@gateway",
    },
  },
  traefik: traefik({
    mode: "service",
    environmentFiles: [cloudflare],
    certResolvers: {
      letsencrypt: { email, dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1:53", "9.9.9.9:53"] } },
      // Point routes here while trying things out: staging has no rate limits (and untrusted certificates).
      "letsencrypt-staging": { email, dnsChallenge: { provider: "cloudflare" }, caServer: LETSENCRYPT_STAGING, storage: "/var/lib/traefik/staging.json" },
    },
    entryPoints: {
      // One wildcard certificate for every router of the entry point: one ACME order, no
      // host names leaked to certificate-transparency logs.
      websecure: { http: { tls: { certResolver: "letsencrypt", domains: [{ main: domain, sans: [`*.${domain}`] }] } } },
    },
    tlsOptions: { modern: { minVersion: "VersionTLS13" } },
    log: { level: "INFO" },
    accessLog: { format: "json" },
    api: { dashboard: true },
  }),
  auth: [authentik({ container: "authentik", port: 9000 })],
  dns: [adguardRewrites({ answer: gateway, container: "adguard" })],
  containers: [
    container("authentik", {
      ...authentikShared,
      description: "Authentik's server and its embedded outpost: the forward auth of every protected route",
      cmd: ["server"],
      ports: ["127.0.0.1:9000:9000"],
      volumes: ["/var/lib/authentik/media:/media"],
      route: route({ subdomain: "auth", port: 9000, public: true }),
    }),
    container("authentik-worker", {
      ...authentikShared,
      description: "Authentik's background worker",
      cmd: ["worker"],
      volumes: ["/var/lib/authentik/media:/media"],
    }),
    container("authentik-postgres", {
      description: "Authentik's database, on the authentik network only",
      backend: "podman",
      image: "docker.io/library/postgres:16.4",
      user: "999:999",
      environment: { POSTGRES_USER: "authentik", POSTGRES_DB: "authentik" },
      environmentFiles: [postgresEnv],
      volumes: ["/var/lib/authentik/postgres:/var/lib/postgresql/data"],
      networks: ["authentik"],
    }),
    container("authentik-redis", {
      description: "Authentik's cache and queue, on the authentik network only",
      backend: "podman",
      image: "docker.io/library/redis:7.4",
      user: "999:999",
      volumes: ["/var/lib/authentik/redis:/data"],
      networks: ["authentik"],
    }),
    container("adguard", {
      description: "DNS for the LAN; every routed name answers the gateway",
      network: "host",
      ports: [
        { port: 53, protocol: "udp" },
        { port: 53, protocol: "tcp" },
        { port: 3000, address: "127.0.0.1" },
      ],
      config: {
        services: {
          adguardhome: {
            enable: true,
            host: "127.0.0.1",
            port: 3000,
            settings: { dns: { bind_hosts: ["0.0.0.0"], upstream_dns: ["https://dns.quad9.net/dns-query"] } },
          },
        },
      },
      // Its admin UI: LAN clients only, and a login on top.
      route: route({ subdomain: "dns", port: 3000, clients: lan, middlewares: [sso] }),
    }),
    container("jellyfin", {
      description: "Media server: TVs on the LAN cannot log in through forward auth, so the LAN gets its own router",
      ports: [8096],
      bindMounts: { "/media": { hostPath: "/srv/media", isReadOnly: true } },
      config: { services: { jellyfin: { enable: true } } },
      routes: [
        route({ subdomain: "media", port: 8096, middlewares: [sso] }),
        route({ subdomain: "media", port: 8096, clients: lan, public: true }),
      ],
    }),
  ],
  services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
  routes: [
    // Home Assistant on a Raspberry Pi: behind Authentik, but its webhooks must reach it
    // without a login (rate-limited instead).
    route({ subdomain: "home", to: { url: "http://192.168.1.20:8123" }, middlewares: [sso] }),
    route({ subdomain: "home", path: "/api/webhook/", to: { url: "http://192.168.1.20:8123" }, middlewares: [webhookLimit], public: true }),
    // The NAS's own web UI: LAN only.
    route({ subdomain: "nas", to: { url: "https://192.168.1.30:5001" }, middlewares: [lanOnly], public: true }),
    // Traefik's dashboard: LAN only, behind Authentik, with the strict TLS options.
    route({ subdomain: "traefik", to: "api@internal", clients: lan, middlewares: [sso], tls: { options: "modern" } }),
    route({ host: `www.${domain}`, to: { redirect: `https://auth.${domain}` }, public: true }),
  ],
});
