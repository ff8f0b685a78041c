/**
 * Three machines from one config, deployed with colmena or deploy-rs: `proxy`, the edge box
 * (Traefik on the host with a wildcard certificate, Authelia in front of every private route),
 * `nas`, which stores the media and runs the apps in Podman, published on its LAN address, and
 * `dns`, a Raspberry Pi answering the LAN's DNS with AdGuard Home. The proxy's routes reach the
 * NAS's containers and the Pi's web UI across the LAN (`to: { host, … }`): the proxy sends them
 * to the target's address from the fleet's facts, and the target's firewall opens each port to
 * the proxy's address only. Every host gets the fleet's defaults (an admin user in wheel, the
 * deploying keys, nix settings, the time zone); each secret is encrypted to the people and to
 * the host keys of the hosts that decrypt it, nothing else.
 * Regenerate from the repository root:
 *   npx tsx synth --config examples/fleet/homelab.config.ts --out examples/fleet/server
 * Deploy: `colmena apply` (or `colmena apply --on @media`), `deploy .#nas`, or
 * `nixos-rebuild switch --flake .#proxy --target-host root@proxy.lan`, from `server/`.
 */
import { authelia, container, homelab, host, hostRef, route, secret, service, traefik } from "@nixjs/homelab";

const domain = "example.org";
/** The LAN: every host's static address is in it; the router is its gateway. */
const gateway = { address: "192.168.1.1", interface: "enp1s0" };
const lan = { proxy: "192.168.1.2", dns: "192.168.1.3", nas: "192.168.1.10" } as const;

const alice = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 alice@laptop";

/**
 * SSH on every host: how colmena and deploy-rs get in, and the host key agenix decrypts with
 * (OpenSSH creates it on first boot; `ssh-keyscan -t ed25519 <host>` prints each `hostKey`).
 */
const openssh = () =>
  service("openssh", {
    config: { services: { openssh: { enable: true, settings: { PasswordAuthentication: false, PermitRootLogin: "prohibit-password" } } } },
  });

// ---- proxy: Traefik and Authelia on the host --------------------------------------------
/** `CF_DNS_API_TOKEN=…` for the DNS-01 challenge of the wildcard certificate. */
const cloudflare = secret("traefik-cloudflare", { owner: "traefik" });
// Authelia runs on the host as `authelia-main`, which reads its own secrets.
const autheliaUser = { owner: "authelia-main", mode: "0400" } as const;
const autheliaJwt = secret("authelia-jwt", autheliaUser);
const autheliaStorage = secret("authelia-storage", autheliaUser);
const autheliaSession = secret("authelia-session", autheliaUser);

/** A private route on the proxy to an app on the NAS, behind Authelia. */
const toNas = (subdomain: string, container: string, port: number) =>
  route({ subdomain, to: { host: "nas", container, port }, auth: "authelia" });

const proxy = host("proxy", {
  stateVersion: "25.05",
  hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE7hJ2kL5mN8bV1cX4zQ9wE3rT6yU0iO7pA2sD5fG8hJ root@proxy",
  deployment: { targetHost: "proxy.lan", tags: ["edge"] },
  modules: ["./hosts/proxy/hardware-configuration.nix"],
  network: {
    interfaces: { enp1s0: { addresses: [`${lan.proxy}/24`] } },
    defaultGateway: gateway,
    nameservers: [lan.dns],
  },
  traefik: traefik({
    mode: "service",
    environmentFiles: [cloudflare],
    certResolvers: { letsencrypt: { email: `admin@${domain}`, dnsChallenge: { provider: "cloudflare" } } },
    entryPoints: {
      websecure: { http: { tls: { certResolver: "letsencrypt", domains: [{ main: domain, sans: [`*.${domain}`] }] } } },
    },
  }),
  auth: [authelia({ host: true })],
  services: [
    openssh(),
    service("authelia", {
      description: "SSO: the forward-auth of every private route, on the host",
      ports: [{ port: 9091, address: "127.0.0.1" }],
      secrets: [autheliaJwt, autheliaStorage, autheliaSession],
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
                  server: { address: "tcp://127.0.0.1:9091/" },
                  authentication_backend: { file: { path: "/var/lib/authelia-main/users.yml" } },
                  session: { cookies: [{ domain, authelia_url: `https://auth.${domain}` }] },
                  storage: { local: { path: "/var/lib/authelia-main/db.sqlite3" } },
                  notifier: { filesystem: { filename: "/var/lib/authelia-main/notifications.txt" } },
                },
              },
            },
          },
        },
      },
    }),
  ],
  routes: [
    route({ subdomain: "auth", to: { service: "authelia", port: 9091 }, public: true }),
    // Jellyfin's apps (TVs, phones) log in themselves: no forward auth in front of them.
    route({ subdomain: "media", to: { host: "nas", container: "jellyfin", port: 8096 }, public: true }),
    toNas("sonarr", "sonarr", 8989),
    toNas("radarr", "radarr", 7878),
    toNas("prowlarr", "prowlarr", 9696),
    toNas("torrent", "qbittorrent", 8080),
    route({ subdomain: "dns", to: { host: "dns", service: "adguardhome", port: 3000 }, auth: "authelia" }),
  ],
});

// ---- nas: the media apps in Podman, published on the LAN address -------------------------
/** `SONARR__AUTH__APIKEY=…` and `RADARR__AUTH__APIKEY=…`: the *arr apps' API keys, known to each other. */
const arrKeys = secret("arr-api-keys");
const library = "/tank/media";
const linuxserver = { backend: "podman" as const, environment: { PUID: "1000", PGID: "100", TZ: "Europe/Berlin" } };
/** Published on the NAS's LAN address only (the proxy reaches it there), never on loopback or every address. */
const published = (port: number) => [`${lan.nas}:${port}:${port}`];

const nas = host("nas", {
  stateVersion: "25.05",
  hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL4d2VqzK8mX3cH0p9RkQ7tYwB1sF6uJ2nE5aG8hD0Vi root@nas",
  deployment: { targetHost: "nas.lan", tags: ["media", "storage"] },
  modules: ["./hosts/nas/hardware-configuration.nix"],
  network: {
    interfaces: { enp1s0: { addresses: [`${lan.nas}/24`] } },
    defaultGateway: gateway,
    nameservers: [lan.dns],
  },
  services: [openssh()],
  containers: [
    container("jellyfin", {
      backend: "podman",
      image: "docker.io/jellyfin/jellyfin:10.11.2",
      user: "1000:100",
      devices: ["/dev/dri"],
      ports: published(8096),
      volumes: ["/var/lib/jellyfin:/config", `${library}:/media:ro`],
    }),
    container("sonarr", {
      ...linuxserver,
      image: "lscr.io/linuxserver/sonarr:4.0.15",
      environmentFiles: [arrKeys],
      ports: published(8989),
      volumes: ["/var/lib/sonarr:/config", `${library}:/media`],
    }),
    container("radarr", {
      ...linuxserver,
      image: "lscr.io/linuxserver/radarr:5.27.5",
      environmentFiles: [arrKeys],
      ports: published(7878),
      volumes: ["/var/lib/radarr:/config", `${library}:/media`],
    }),
    container("prowlarr", {
      ...linuxserver,
      image: "lscr.io/linuxserver/prowlarr:2.0.5",
      ports: published(9696),
      volumes: ["/var/lib/prowlarr:/config"],
    }),
    container("qbittorrent", {
      ...linuxserver,
      image: "lscr.io/linuxserver/qbittorrent:5.1.2",
      ports: published(8080),
      volumes: ["/var/lib/qbittorrent:/config", `${library}/downloads:/downloads`],
    }),
  ],
});

// ---- dns: a Raspberry Pi with AdGuard Home -----------------------------------------------
const dns = host("dns", {
  stateVersion: "25.05",
  system: "aarch64-linux",
  hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP2wQ9eR4tY7uI0oP3aS6dF9gH2jK5lZ8xC1vB4nM7qW root@dns",
  // An aarch64 closure is built on the Pi itself, not on the x86_64 laptop that deploys.
  deployment: { targetHost: lan.dns, buildOnTarget: true, tags: ["infra"] },
  modules: ["./hosts/dns/hardware-configuration.nix"],
  network: {
    interfaces: { end0: { addresses: [`${lan.dns}/24`] } },
    defaultGateway: { address: gateway.address, interface: "end0" },
    nameservers: ["9.9.9.9"],
  },
  services: [
    openssh(),
    service("adguardhome", {
      description: "DNS for the LAN; its web UI is reached through the proxy only",
      // The web UI listens on the LAN but is not opened: the proxy's route opens it to the proxy.
      ports: [53, { port: 53, protocol: "udp" }, { port: 3000, open: false }],
      config: {
        services: {
          adguardhome: {
            enable: true,
            mutableSettings: false,
            host: "0.0.0.0",
            port: 3000,
            settings: {
              dns: {
                bind_hosts: ["0.0.0.0"],
                port: 53,
                upstream_dns: ["https://dns.quad9.net/dns-query"],
                bootstrap_dns: ["9.9.9.9", "149.112.112.112"],
              },
              // Every name under the domain answers the proxy: the LAN reaches the apps through it.
              // A reference to the proxy's address in the fleet's facts, not a copy of it.
              filtering: { rewrites: [{ domain: `*.${domain}`, answer: hostRef("proxy").address }] },
            },
          },
        },
      },
    }),
  ],
});

export default homelab({
  domain,
  hosts: [proxy, nas, dns],
  deploy: ["colmena", "deploy-rs"],
  agenix: { recipients: { alice } },
  defaults: {
    users: { alice: { sshKeys: [alice], groups: ["wheel"] } },
    // colmena and deploy-rs log in as root (the default targetUser).
    rootSshKeys: [alice],
    nix: {
      trustedUsers: ["root", "@wheel"],
      experimentalFeatures: ["nix-command", "flakes"],
      gc: { dates: "weekly", options: "--delete-older-than 30d" },
      autoOptimiseStore: true,
    },
    timeZone: "Europe/Berlin",
  },
});
