/**
 * Seed 001's server: Podman containers behind Caddy, secrets with agenix, laid out as option
 * modules (`containers/<name>/options.nix` + `index.nix`, enabled by `profiles/server.nix`).
 * Regenerate from the repository root:
 *   npx tsx synth --config examples/podman-media/homelab.config.ts --out examples/podman-media/server
 */
import { caddy, caddyRoute, container, homelab, secret, service } from "@nixjs/homelab";

/** linuxserver.io images drop root to PUID/PGID, which own the `/opt/<category>/<name>` dirs. */
const linuxserver = { PUID: "1000", PGID: "1000", TZ: "America/Los_Angeles" };

/** `POSTGRES_PASSWORD=…`, shared by the database and n8n (`DB_POSTGRESDB_PASSWORD=…`). */
const postgresEnv = secret("postgres-env");
const n8nEnv = secret("n8n-env");

export default homelab({
  hostName: "hwc-server",
  domain: "example.com",
  stateVersion: "25.05",
  modules: ["./hardware-configuration.nix"],
  layout: { kind: "modules", namespace: "hwc.server.containers" },
  agenix: {
    identityPaths: ["/etc/ssh/ssh_host_ed25519_key"],
    recipients: {
      admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx7nB3vQ2mT9cR4wZ8yH1sD6fL0pJ5aE2uG7kV3iN8o admin@workstation",
      server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF2qW9eR3tY7uI1oP5aS8dG4hJ6kL0zX2cV3bN7mQ9wE root@hwc-server",
    },
  },
  caddy: caddy({ email: "admin@example.com" }),
  containers: [
    container("sonarr", {
      description: "TV series manager: writes imports into the TV library",
      backend: "podman",
      image: "lscr.io/linuxserver/sonarr:4.0.9",
      category: "media",
      environment: linuxserver,
      ports: ["127.0.0.1:8989:8989"],
      volumes: ["/opt/media/sonarr:/config", "/mnt/storage/media/tv:/tv", "/mnt/storage/downloads:/downloads"],
      route: caddyRoute({
        subdomain: "sonarr",
        port: 8989,
        basicAuth: { admin: "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG" },
      }),
    }),
    container("postgres", {
      description: "Database for n8n: published on loopback only",
      backend: "podman",
      image: "docker.io/library/postgres:16.4",
      category: "databases",
      user: "999:999",
      ports: ["127.0.0.1:5432:5432"],
      volumes: ["/opt/databases/postgres:/var/lib/postgresql/data"],
      environmentFiles: [postgresEnv],
      networks: ["apps"],
    }),
    container("n8n", {
      description: "Workflow automation; has its own login",
      backend: "podman",
      image: "docker.io/n8nio/n8n:1.64.0",
      category: "services",
      user: "1000:1000",
      ports: ["127.0.0.1:5678:5678"],
      volumes: ["/opt/services/n8n:/home/node/.n8n"],
      environment: {
        N8N_HOST: "n8n.example.com",
        N8N_PORT: "5678",
        N8N_PROTOCOL: "https",
        DB_TYPE: "postgresdb",
        DB_POSTGRESDB_HOST: "postgres",
      },
      environmentFiles: [n8nEnv],
      networks: ["apps"],
      dependsOn: ["postgres"],
      route: caddyRoute({ subdomain: "n8n", port: 5678, public: true }),
    }),
  ],
  // SSH, which also creates the host key agenix decrypts with.
  services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
});
