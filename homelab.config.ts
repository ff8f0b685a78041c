/**
 * The server of seed 000: NixOS declarative containers (systemd-nspawn) behind Traefik with
 * Authelia forward-auth, secrets kept with agenix. `npx tsx synth` writes it to `server/`;
 * deploy with `sudo nixos-rebuild switch --flake ./server#server`.
 *
 * A real machine also needs its hardware configuration: the flake imports
 * `server/hardware-configuration.nix` (listed in `modules` below), which you copy from the
 * machine (`nixos-generate-config --show-hardware-config`); synth never writes or deletes it.
 */
import { n } from "@nixjs/expr-printer";
import { container, homelab, secret, service, traefik, traefikRoute } from "@nixjs/homelab";

const domain = n.id("domain"); // the flake's `domain` specialArg, so no file repeats it

// Authelia reads its secrets inside its container, as the `authelia-main` user.
const autheliaUser = { owner: "authelia-main", group: "authelia-main", mode: "0400" } as const;
const autheliaJwt = secret("authelia-jwt", autheliaUser);
const autheliaStorage = secret("authelia-storage", autheliaUser);
const autheliaSession = secret("authelia-session", autheliaUser);

/** Only the administration page needs a token; passed as an env file, never in the store. */
const vaultwardenEnv = secret("vaultwarden-env", { owner: "vaultwarden" });

/** `CF_DNS_API_TOKEN=…` for the ACME DNS-01 challenge. */
const cloudflareEnv = secret("traefik-cloudflare", { owner: "traefik" });
/**
 * The tunnel's credentials. No owner: each tunnel runs as a systemd DynamicUser, and systemd
 * hands it the file as root (there is no `cloudflared` user to own it).
 */
const tunnelCredentials = secret("cloudflared-tunnel");

export default homelab({
  hostName: "server",
  domain: "example.org",
  stateVersion: "25.05",
  nixos: "26.05",
  modules: ["./hardware-configuration.nix"],
  network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" },
  agenix: {
    identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"],
    recipients: {
      admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 admin@laptop",
      server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL4d2VqzK8mX3cH0p9RkQ7tYwB1sF6uJ2nE5aG8hD0Vi root@server",
    },
  },
  // The `traefik` container on the host network, listening on 80 and 443.
  traefik: traefik({
    entryPoint: "websecure",
    certResolver: "cloudflare",
    acme: { email: "admin@example.org", dnsProvider: "cloudflare" },
    environmentFiles: [cloudflareEnv],
  }),
  containers: [
    container("authelia", {
      description: "SSO provider: the forward-auth middleware for every private route",
      hostAddress: "10.10.10.8",
      localAddress: "10.10.10.9",
      ports: [9091],
      secrets: [autheliaJwt, autheliaStorage, autheliaSession],
      forwardAuth: { port: 9091 },
      route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
      config: {
        services: {
          authelia: {
            instances: {
              main: {
                enable: true,
                secrets: {
                  jwtSecretFile: autheliaJwt.path,
                  storageEncryptionKeyFile: autheliaStorage.path,
                  sessionSecretFile: autheliaSession.path,
                },
                settings: {
                  theme: "auto",
                  server: { address: "tcp://0.0.0.0:9091/" },
                  log: { level: "info" },
                  authentication_backend: { file: { path: "/var/lib/authelia-main/users.yml" } },
                  access_control: { default_policy: "one_factor" },
                  session: { cookies: [{ domain, authelia_url: n.str`https://auth.${domain}` }] },
                  storage: { local: { path: "/var/lib/authelia-main/db.sqlite3" } },
                  notifier: { filesystem: { filename: "/var/lib/authelia-main/notifications.txt" } },
                },
              },
            },
          },
        },
      },
    }),
    container("adguard", {
      description: "DNS for the LAN; configuration is fully declarative, so no state is kept",
      network: "host",
      ephemeral: true,
      ports: [53, { port: 53, protocol: "udp" }, { port: 8080, address: "127.0.0.1" }],
      route: traefikRoute({ subdomain: "adguard", port: 8080, auth: "authelia" }),
      config: {
        services: {
          adguardhome: {
            enable: true,
            mutableSettings: false,
            host: "127.0.0.1",
            port: 8080,
            settings: {
              dns: {
                bind_hosts: ["0.0.0.0"],
                port: 53,
                upstream_dns: ["https://dns.quad9.net/dns-query"],
                // Plain resolvers to reach the DNS-over-HTTPS upstream by name (AdGuard needs them).
                bootstrap_dns: ["9.9.9.9", "149.112.112.112"],
              },
            },
          },
        },
      },
    }),
    container("immich", {
      description: "Photos",
      localAddress: "10.10.10.5",
      privateUsers: "pick",
      ports: [2283],
      route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" }),
      config: { services: { immich: { enable: true, host: "0.0.0.0", port: 2283 } } },
    }),
    container("vaultwarden", {
      description: "Passwords: Bitwarden clients authenticate themselves, so no Authelia",
      localAddress: "10.10.10.3",
      privateUsers: "pick",
      ports: [8000],
      secrets: [vaultwardenEnv],
      route: traefikRoute({ subdomain: "vault", port: 8000, public: true }),
      config: {
        services: {
          vaultwarden: {
            enable: true,
            environmentFile: vaultwardenEnv.path,
            config: {
              DOMAIN: n.str`https://vault.${domain}`,
              ROCKET_ADDRESS: "0.0.0.0",
              ROCKET_PORT: 8000,
              SIGNUPS_ALLOWED: false,
            },
          },
        },
      },
    }),
    container("opencloud", {
      description: "Cloud storage (replaces Nextcloud); its own login, so no Authelia",
      localAddress: "10.10.10.101",
      ports: [9200],
      route: traefikRoute({ subdomain: "cloud", port: 9200, public: true }),
      config: {
        services: {
          opencloud: { enable: true, url: n.str`https://cloud.${domain}`, address: "0.0.0.0", port: 9200 },
        },
      },
    }),
    container("nextcloud", {
      enable: false,
      description: "Replaced by OpenCloud",
      localAddress: "10.10.10.7",
      ports: [80],
      route: traefikRoute({ subdomain: "nextcloud", port: 80, auth: "authelia" }),
      config: { services: { nextcloud: { enable: true, hostName: n.str`nextcloud.${domain}` } } },
    }),
    container("linkwarden", {
      enable: false,
      description: "Not currently in use",
      localAddress: "10.10.10.11",
      ports: [3000],
      route: traefikRoute({ subdomain: "links", port: 3000, auth: "authelia" }),
      config: { services: { linkwarden: { enable: true, host: "0.0.0.0", port: 3000 } } },
    }),
  ],
  services: [
    // SSH, which also creates the host key agenix decrypts with, where /persist keeps it.
    service("openssh", {
      config: {
        services: {
          openssh: {
            enable: true,
            hostKeys: [{ type: "ed25519", path: "/persist/etc/ssh/ssh_host_ed25519_key" }],
            settings: { PasswordAuthentication: false, PermitRootLogin: "prohibit-password" },
          },
        },
      },
    }),
    service("cloudflared", {
      description: "Cloudflare tunnel: a systemd service on the host, not a container",
      secrets: [tunnelCredentials],
      config: {
        services: {
          cloudflared: {
            enable: true,
            tunnels: {
              home: { credentialsFile: tunnelCredentials.path, default: "http_status:404" },
            },
          },
        },
      },
    }),
  ],
});
