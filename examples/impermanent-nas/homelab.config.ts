/**
 * A twenty-container kind of NAS, typed end to end: disko lays out the disks and impermanence
 * wipes `/` on every boot (both flake inputs, their modules imported from the inputs); sops-nix
 * keeps the secrets, decrypted with the SSH host key that lives on `/persist`; a WireGuard VPN
 * container (gluetun) whose network namespace the torrent client shares; Jellyfin with the GPU
 * for transcoding; NixOS containers that share one host-side address; the host's static
 * address, VLAN and firewall; generated configuration files and state directories with owners.
 * Regenerate from the repository root:
 *   npx tsx synth --config examples/impermanent-nas/homelab.config.ts --out examples/impermanent-nas/server
 */
import { n } from "@nixjs/expr-printer";
import { caddy, caddyRoute, container, fromInput, homelab, route, secret, service } from "@nixjs/homelab";

const domain = "nas.example.net";
/** Everything lives on /persist: `/` is a tmpfs. */
const persist = "/persist";
/** The library every media app reads; only the downloader and the *arr apps write it. */
const library = "/tank/media";

/** WireGuard private key of the VPN provider, `WIREGUARD_PRIVATE_KEY=…`. */
const vpnKey = secret("gluetun-env", { mode: "0400" });
/** Gitea's database password: decrypted once on the host, mounted into the database and the app. */
const dbPassword = secret("postgres-password", { decrypt: "host" });
/** Gitea's secret key (its own container decrypts it, for its own user). */
const giteaSecret = secret("gitea-secret-key", { owner: "gitea" });

/** Host side of every NixOS container's veth pair: one address, a common layout. */
const hostSide = "10.233.0.1";

const podman = { backend: "podman" as const, user: "1000:100", environment: { TZ: "Europe/Berlin" } };

export default homelab({
  hostName: "nas",
  domain,
  stateVersion: "25.05",
  inputs: {
    disko: { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } },
    impermanence: { url: "github:nix-community/impermanence" },
  },
  modules: [
    "./hardware-configuration.nix",
    fromInput("disko", "nixosModules.disko"),
    fromInput("impermanence", "nixosModules.impermanence"),
    "./disko-config.nix",
    "./persistence.nix",
  ],
  sops: {
    recipients: {
      admin: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
      nas: "age1rgffpespcyjn0d8jglk7km9kfrfhdyev6camd3rck6pn8y47ze4sug23v3",
    },
    sshKeyPaths: [`${persist}/etc/ssh/ssh_host_ed25519_key`],
  },
  network: {
    pool: "10.233.0.0/24",
    externalInterface: "enp1s0",
    interfaces: { enp1s0: { addresses: ["192.168.1.20/24"] }, iot: { addresses: ["192.168.20.20/24"] } },
    vlans: { iot: { id: 20, interface: "enp1s0" } },
    defaultGateway: { address: "192.168.1.1", interface: "enp1s0" },
    nameservers: ["192.168.1.1"],
  },
  caddy: caddy({ email: "admin@example.net" }),
  services: [
    // SSH from the LAN only: opened on enp1s0, not on the IoT VLAN (NixOS's own openFirewall off).
    service("openssh", {
      ports: [{ port: 22, open: { interface: "enp1s0" } }],
      config: {
        services: {
          openssh: {
            enable: true,
            openFirewall: false,
            settings: { PasswordAuthentication: false },
            hostKeys: [{ path: `${persist}/etc/ssh/ssh_host_ed25519_key`, type: "ed25519" }],
          },
        },
      },
    }),
  ],
  containers: [
    // The VPN: owns the network namespace the torrent client joins; publishes its web UI.
    container("gluetun", {
      backend: "podman",
      // WireGuard needs root in its namespace (NET_ADMIN, /dev/net/tun); nothing else runs there.
      user: "0:0",
      image: "docker.io/qmcgaw/gluetun:v3.40.0",
      capabilities: { NET_ADMIN: true },
      devices: ["/dev/net/tun"],
      environment: { TZ: "Europe/Berlin", VPN_SERVICE_PROVIDER: "mullvad", VPN_TYPE: "wireguard" },
      environmentFiles: [vpnKey],
      ports: ["127.0.0.1:8080:8080"],
      healthCheck: { cmd: ["/gluetun-entrypoint", "healthcheck"], interval: "1m", retries: 3, startPeriod: "30s" },
    }),
    container("qbittorrent", {
      ...podman,
      image: "lscr.io/linuxserver/qbittorrent:5.1.2",
      network: { container: "gluetun" },
      stateDirectories: [{ hostPath: `${persist}/qbittorrent`, mountPoint: "/config", user: "1000", group: "100", mode: "0750" }],
      volumes: [`${library}/downloads:/downloads`],
      route: route({ subdomain: "torrent", port: 8080, clients: ["192.168.1.0/24"] }),
    }),
    // The GPU: /dev/dri for hardware transcoding, the library read-only.
    container("jellyfin", {
      ...podman,
      image: "docker.io/jellyfin/jellyfin:10.11.2",
      devices: ["/dev/dri"],
      memory: "4g",
      shmSize: "1g",
      ports: ["127.0.0.1:8096:8096"],
      stateDirectories: [{ hostPath: `${persist}/jellyfin`, mountPoint: "/config", user: "1000", group: "100", mode: "0750" }],
      volumes: [`${library}:/media:ro`],
      route: caddyRoute({ subdomain: "media", port: 8096, public: true }),
    }),
    container("homepage", {
      ...podman,
      image: "ghcr.io/gethomepage/homepage:v1.4.6",
      ports: ["127.0.0.1:3000:3000"],
      configFiles: [
        { mountPoint: "/app/config/settings.yaml", format: "yaml", value: { title: "nas", theme: "dark", headerStyle: "clean" } },
        {
          mountPoint: "/app/config/services.yaml",
          format: "yaml",
          value: [{ Media: [{ Jellyfin: { href: `https://media.${domain}`, icon: "jellyfin.png" } }] }],
        },
      ],
      envFiles: [{ values: { HOMEPAGE_ALLOWED_HOSTS: `home.${domain}` } }],
      route: route({ subdomain: "home", port: 3000, clients: ["192.168.1.0/24"] }),
    }),
    // NixOS containers, one host-side address for all of them. Postgres is off the internet
    // (no NAT); Gitea reaches it on its veth address and reads the password the host decrypted.
    container("postgres", {
      hostAddress: hostSide,
      localAddress: "10.233.0.2",
      ports: [{ port: 5432, address: "10.233.0.2" }],
      secrets: [dbPassword],
      stateDirectories: [{ hostPath: `${persist}/postgres`, mountPoint: "/var/lib/postgresql", user: "71", group: "71", mode: "0700" }],
      nat: false,
      config: {
        services: {
          postgresql: {
            enable: true,
            enableTCPIP: true,
            ensureDatabases: ["gitea"],
            ensureUsers: [{ name: "gitea", ensureDBOwnership: true }],
            authentication: "host gitea gitea 10.233.0.3/32 scram-sha-256\n",
          },
        },
        // The role's password is the shared secret's content, set on every start.
        systemd: { services: { postgresql: { postStart: n.str`$PSQL -c "ALTER ROLE gitea PASSWORD '$(cat ${dbPassword.path})'"\n` } } },
      },
    }),
    container("gitea", {
      hostAddress: hostSide,
      localAddress: "10.233.0.3",
      ports: [3000],
      secrets: [dbPassword, giteaSecret],
      config: {
        services: {
          gitea: {
            enable: true,
            database: { type: "postgres", host: "10.233.0.2", createDatabase: false, passwordFile: dbPassword.path },
            settings: {
              server: { DOMAIN: `git.${domain}`, ROOT_URL: `https://git.${domain}/`, HTTP_ADDR: "0.0.0.0", HTTP_PORT: 3000 },
              security: { SECRET_KEY_URI: n.str`file:${giteaSecret.path}`, REVERSE_PROXY_TRUSTED_PROXIES: hostSide },
            },
          },
        },
      },
      route: caddyRoute({ subdomain: "git", port: 3000, public: true }),
    }),
  ],
});
