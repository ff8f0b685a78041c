/** The seeds' servers as models, for render's tests (every feature render knows). */
import { n } from "@nixjs/expr-printer";
import type { Homelab } from "../../src/model/index.ts";
import {
  caddy,
  caddyRoute,
  homelab,
  hostRef,
  nspawn,
  podman,
  secret,
  service,
  tcp,
  traefik,
  traefikRoute,
  udp,
} from "./model.ts";

export const jwt = secret("authelia-jwt", { owner: "authelia-main", group: "authelia-main", mode: "0440" });
export const storageKey = secret("authelia-storage", { owner: "authelia-main" });
export const cloudflareEnv = secret("cloudflare-env");
export const vaultwardenEnv = secret("vaultwarden-env", { owner: "vaultwarden" });
// No owner: cloudflared runs as a systemd DynamicUser and gets the file as root (docs/nixos/cloudflared.md).
export const tunnelCreds = secret("cloudflared-tunnel");

/** Seed 000: nspawn containers behind the Traefik container, Authelia, agenix. */
export function seed000(layout: Homelab["layout"] = { kind: "flat" }): Homelab {
  return homelab({
    layout,
    traefik: traefik({
      certResolver: "cloudflare",
      acme: { email: "admin@example.org", dnsProvider: "cloudflare" },
      environmentFiles: [cloudflareEnv],
    }),
    containers: [
      nspawn("vaultwarden", {
        description: "Password manager",
        hostAddress: "10.10.10.2",
        localAddress: "10.10.10.3",
        privateUsers: "pick",
        ports: [tcp(8000)],
        secrets: [vaultwardenEnv],
        routes: [traefikRoute("vault", 8000, { public: true })],
        config: {
          services: {
            vaultwarden: {
              enable: true,
              environmentFile: vaultwardenEnv,
              config: { ROCKET_ADDRESS: "0.0.0.0", ROCKET_PORT: 8000, DOMAIN: n.str(["https://vault.", n.id("domain")]) },
            },
          },
          environment: { variables: { AUTHELIA_ADDRESS: hostRef("containers", "authelia", "localAddress") } },
        },
      }),
      nspawn("authelia", {
        description: "SSO provider",
        hostAddress: "10.10.10.8",
        localAddress: "10.10.10.9",
        ports: [tcp(9091)],
        secrets: [jwt, storageKey],
        forwardAuth: {
          port: 9091,
          path: "/api/authz/forward-auth",
          authResponseHeaders: ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"],
        },
        routes: [traefikRoute("auth", 9091, { public: true })],
        config: {
          services: {
            authelia: {
              instances: {
                main: {
                  enable: true,
                  secrets: { jwtSecretFile: jwt, storageEncryptionKeyFile: storageKey },
                  settings: { server: { address: "tcp://0.0.0.0:9091/" }, log: { level: "info" } },
                },
              },
            },
          },
        },
      }),
      nspawn("adguard", {
        network: "host",
        ephemeral: true,
        ports: [udp(53), tcp(53), tcp(8080, "127.0.0.1")],
        routes: [traefikRoute("dns", 8080, { auth: "authelia" })],
        config: { services: { adguardhome: { enable: true, mutableSettings: false } } },
      }),
      nspawn("immich", {
        hostAddress: "10.10.10.4",
        localAddress: "10.10.10.5",
        privateUsers: "pick",
        ports: [tcp(2283)],
        bindMounts: [{ mountPoint: "/var/lib/immich", hostPath: "/srv/immich", isReadOnly: false }],
        routes: [traefikRoute("photos", 2283, { auth: "authelia" })],
        config: { services: { immich: { enable: true, host: "0.0.0.0", port: 2283 } } },
      }),
      nspawn("opencloud", {
        description: "Cloud storage",
        hostAddress: "10.10.10.100",
        localAddress: "10.10.10.101",
        ports: [tcp(9200)],
        forwardPorts: [{ protocol: "tcp", hostPort: 9201, containerPort: 9200 }],
        routes: [traefikRoute("cloud", 9200, { public: true })],
        config: { networking: { firewall: { allowedTCPPorts: [9200, 9300] } } },
      }),
      nspawn("nextcloud", {
        enable: false,
        description: "Replaced by OpenCloud",
        hostAddress: "10.10.10.10",
        localAddress: "10.10.10.11",
        ports: [tcp(80)],
        secrets: [secret("nextcloud-admin", { owner: "nextcloud" })],
        routes: [traefikRoute("nextcloud", 80, { auth: "authelia" })],
      }),
      nspawn("linkwarden", {
        enable: false,
        description: "Not currently in use",
        hostAddress: "10.10.10.12",
        localAddress: "10.10.10.13",
        ports: [tcp(3000)],
      }),
    ],
    services: [
      service("cloudflared", {
        description: "Cloudflare tunnel to Traefik",
        secrets: [tunnelCreds],
        config: {
          services: {
            cloudflared: {
              enable: true,
              tunnels: { homelab: { credentialsFile: tunnelCreds, default: "http_status:404" } },
            },
          },
        },
      }),
    ],
  });
}

export const sonarrEnv = secret("sonarr-env");
export const postgresEnv = secret("postgres-env");
export const n8nEnv = secret("n8n-env");
export const HASH = "$2y$05$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";

/** Seed 001's patterns behind Caddy: Podman with categories, networks, env files; Authelia. */
export function seed001(layout: Homelab["layout"] = { kind: "modules", namespace: "hwc.server.containers" }): Homelab {
  return homelab({
    layout,
    network: { pool: "10.10.10.0/24", nftables: true },
    caddy: caddy("admin@example.org"),
    containers: [
      podman("sonarr", "lscr.io/linuxserver/sonarr:4.0.9", {
        category: "media",
        ports: [{ hostAddress: "127.0.0.1", hostPort: 8989, containerPort: 8989, protocol: "tcp" }],
        volumes: ["/opt/media/sonarr/config:/config", "/mnt/storage/media/tv:/tv", "/mnt/storage/media/library:/library:ro"],
        environment: { TZ: "Europe/Berlin", PUID: "1000", PGID: "1000" },
        environmentFiles: [sonarrEnv],
        routes: [caddyRoute("sonarr", 8989, { basicAuth: [{ user: "alice", hash: HASH }], tlsEmail: "ops@example.org" })],
      }),
      podman("postgres", "docker.io/library/postgres:16", {
        category: "databases",
        ports: [{ hostAddress: "127.0.0.1", hostPort: 5432, containerPort: 5432, protocol: "tcp" }],
        volumes: ["/opt/databases/postgres:/var/lib/postgresql/data"],
        environmentFiles: [postgresEnv],
        networks: ["apps"],
        user: "999:999",
      }),
      podman("n8n", "docker.io/n8nio/n8n:1.64.0", {
        category: "services",
        ports: [{ hostAddress: "127.0.0.1", hostPort: 5678, containerPort: 5678, protocol: "tcp" }],
        volumes: ["/opt/services/n8n:/home/node/.n8n"],
        environment: { N8N_HOST: "n8n.example.org", N8N_PORT: "5678", N8N_PROTOCOL: "http" },
        environmentFiles: [n8nEnv],
        networks: ["apps"],
        dependsOn: ["postgres"],
        user: "1000:1000",
        routes: [caddyRoute("n8n.example.org", 5678, { auth: "authelia", extraConfig: "encode zstd gzip\nheader X-Secret {$N8N_HEADER}\n" })],
      }),
      podman("dns", "docker.io/adguard/adguardhome:v0.107.52", {
        network: "host",
        user: "0:0",
        description: "DNS on the host network",
      }),
      nspawn("authelia", {
        hostAddress: "10.10.10.8",
        localAddress: "10.10.10.9",
        ports: [tcp(9091)],
        secrets: [jwt],
        forwardAuth: { port: 9091, path: "/api/authz/forward-auth", authResponseHeaders: ["Remote-User", "Remote-Groups"] },
        routes: [caddyRoute("auth", 9091, { public: true })],
        config: { services: { authelia: { instances: { main: { enable: true, secrets: { jwtSecretFile: jwt, manual: true } } } } } },
      }),
      podman("radarr", "lscr.io/linuxserver/radarr:5.9.1", {
        enable: false,
        description: "Not needed yet",
        category: "media",
        ports: [{ hostAddress: "127.0.0.1", hostPort: 7878, containerPort: 7878, protocol: "tcp" }],
      }),
    ],
  });
}
