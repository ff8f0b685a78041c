/**
 * The server of this repository: Podman containers behind Caddy (HTTPS certificates from
 * Let's Encrypt), secrets kept encrypted with agenix.
 *
 *   npm run synth   writes the NixOS flake it describes into server/ (commit it)
 *   npm run diff    shows what the next synth would change
 *   npm run watch   synthesises again whenever you save this file
 *
 * Every builder takes NixOS's own option names: hover one in your editor for its
 * documentation. Replace the example values (domain, keys, e-mail) with yours.
 */
import { caddy, caddyRoute, container, homelab, secret, service } from "@nixjs/homelab";

// Secrets never have a value here: each is an age-encrypted file in server/secrets/
// (`npm run synth` warns about each missing one, with the command that creates it).
/** `POSTGRES_PASSWORD=…` for the database, `DB_POSTGRESDB_PASSWORD=…` for n8n. */
const postgresEnv = secret("postgres-env");
const n8nEnv = secret("n8n-env");

export default homelab({
  hostName: "server",
  domain: "example.org",
  stateVersion: "25.05",
  // Uncomment once server/hardware-configuration.nix exists (nixos-generate-config writes it).
  // modules: ["./hardware-configuration.nix"],
  agenix: {
    // The key the server decrypts with, and who may encrypt: your key and the server's
    // (`ssh-keyscan <server>` prints its ed25519 host key).
    identityPaths: ["/etc/ssh/ssh_host_ed25519_key"],
    recipients: {
      admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx7nB3vQ2mT9cR4wZ8yH1sD6fL0pJ5aE2uG7kV3iN8o admin@laptop",
      server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF2qW9eR3tY7uI1oP5aS8dG4hJ6kL0zX2cV3bN7mQ9wE root@server",
    },
  },
  // Caddy on the host, on ports 80 and 443; it fetches every route's certificate itself.
  caddy: caddy({ email: "admin@example.org" }),
  containers: [
    // Published on loopback only: reachable from the host and the `apps` network, not the LAN.
    container("postgres", {
      backend: "podman",
      image: "docker.io/library/postgres:16.4",
      category: "databases", // state in /opt/databases/postgres
      user: "999:999",
      ports: ["127.0.0.1:5432:5432"],
      volumes: ["/opt/databases/postgres:/var/lib/postgresql/data"],
      environmentFiles: [postgresEnv],
      networks: ["apps"],
    }),
    // Public at https://n8n.example.org (n8n has its own login).
    container("n8n", {
      backend: "podman",
      image: "docker.io/n8nio/n8n:1.64.0",
      category: "services",
      user: "1000:1000",
      ports: ["127.0.0.1:5678:5678"],
      volumes: ["/opt/services/n8n:/home/node/.n8n"],
      environment: { N8N_HOST: "n8n.example.org", N8N_PROTOCOL: "https", DB_TYPE: "postgresdb", DB_POSTGRESDB_HOST: "postgres" },
      environmentFiles: [n8nEnv],
      networks: ["apps"],
      dependsOn: ["postgres"],
      route: caddyRoute({ subdomain: "n8n", port: 5678, public: true }),
    }),
  ],
  // SSH on the host: how you reach the server, and what creates the host key agenix
  // decrypts with (OpenSSH generates it on first start).
  services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
});
