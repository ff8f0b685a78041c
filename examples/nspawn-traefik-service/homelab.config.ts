/**
 * Seed 000's pattern on a smaller machine: NixOS containers with addresses allocated from the
 * pool, Traefik as a host service with Let's Encrypt over HTTP-01, an nftables host, a
 * writable bind mount and an SSH port forwarded into a container.
 * Regenerate from the repository root:
 *   npx tsx synth --config examples/nspawn-traefik-service/homelab.config.ts --out examples/nspawn-traefik-service/server
 */
import { n } from "@nixjs/expr-printer";
import { container, homelab, secret, service, traefik, traefikRoute } from "@nixjs/homelab";

const domain = n.id("domain");
const giteaDb = secret("gitea-db", { owner: "gitea", mode: "0400" });
/** `ADMIN_USERNAME=…` and `ADMIN_PASSWORD=…`: Miniflux creates its first admin from them. */
const minifluxAdmin = secret("miniflux-admin");

export default homelab({
  hostName: "tiny",
  domain: "home.example.net",
  stateVersion: "25.05",
  modules: ["./hardware-configuration.nix"],
  network: { pool: "10.42.0.0/24", externalInterface: "eth0", nftables: true },
  agenix: {
    identityPaths: ["/etc/ssh/ssh_host_ed25519_key"],
    recipients: {
      me: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3R8tY1uP5oK9jL2hG6fD4sA7zX0cV3bN8mW1eQ5rT me@laptop",
      tiny: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7yU2iO9pL4kJ6hG1fD3sA8zX5cV0bN2mQ7wE9rT4yU root@tiny",
    },
  },
  traefik: traefik({
    mode: "service",
    entryPoint: "websecure",
    certResolver: "letsencrypt",
    acme: { email: "me@example.net" },
  }),
  containers: [
    container("gitea", {
      description: "Git hosting; its own login. SSH on the host's port 2222.",
      ports: [3000, 22],
      forwardPorts: [{ hostPort: 2222, containerPort: 22 }],
      bindMounts: { "/var/lib/gitea": { hostPath: "/srv/gitea", isReadOnly: false } },
      secrets: [giteaDb],
      route: traefikRoute({ subdomain: "git", port: 3000, public: true }),
      config: {
        services: {
          gitea: {
            enable: true,
            database: { type: "sqlite3", passwordFile: giteaDb.path },
            settings: {
              server: {
                DOMAIN: n.str`git.${domain}`,
                ROOT_URL: n.str`https://git.${domain}/`,
                HTTP_ADDR: "0.0.0.0",
                HTTP_PORT: 3000,
                SSH_PORT: 2222,
              },
              service: { DISABLE_REGISTRATION: true },
              // Traefik reaches Gitea from the host's end of the veth pair (an address of the
              // pool): trust its X-Forwarded-For, so Gitea logs and rate-limits real clients.
              security: { REVERSE_PROXY_TRUSTED_PROXIES: "10.42.0.0/24" },
            },
          },
        },
      },
    }),
    container("miniflux", {
      description: "RSS reader; its own login",
      ports: [8080],
      secrets: [minifluxAdmin],
      route: traefikRoute({ subdomain: "rss", port: 8080, public: true }),
      config: {
        services: {
          miniflux: {
            enable: true,
            adminCredentialsFile: minifluxAdmin.path,
            config: { LISTEN_ADDR: "0.0.0.0:8080", BASE_URL: n.str`https://rss.${domain}/` },
          },
        },
      },
    }),
  ],
  // SSH, which also creates the host key agenix decrypts with.
  services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
});
