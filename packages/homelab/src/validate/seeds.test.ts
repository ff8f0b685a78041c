import { formatPath } from "../diagnostics/path.ts";
/**
 * The two servers of the seeds, written with the builders: they validate without errors, and
 * the only warnings are the ones a reader of the seeds would expect.
 */
import { describe, expect, test } from "vitest";
import { caddy, caddyRoute, container, containerRef, homelab, secret, service, traefik, traefikRoute } from "../index.ts";
import { validate } from "./index.ts";

function seed000() {
  const jwt = secret("authelia-jwt", { owner: "authelia-main", mode: "0400" });
  const storage = secret("authelia-storage", { owner: "authelia-main" });
  const tunnel = secret("cloudflared-tunnel");
  const auth = "authelia";
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" },
    modules: ["./hardware-configuration.nix"],
    agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"], recipients: { server: "ssh-ed25519 AAAAC3Nza server" } },
    traefik: traefik({ certResolver: "cloudflare", acme: { email: "admin@example.org", dnsProvider: "cloudflare" }, environmentFiles: [secret("cloudflare-env")] }),
    containers: [
      container("authelia", {
        hostAddress: "10.10.10.8", localAddress: "10.10.10.9", ports: [9091], secrets: [jwt, storage], forwardAuth: { port: 9091 },
        route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
        config: { services: { authelia: { instances: { main: { enable: true, secrets: { jwtSecretFile: jwt.path, storageEncryptionKeyFile: storage.path } } } } } },
      }),
      container("adguard", {
        network: "host", ephemeral: true, ports: [53, { port: 53, protocol: "udp" }, { port: 8080, address: "127.0.0.1" }],
        route: traefikRoute({ subdomain: "dns", port: 8080, auth }),
        config: { services: { adguardhome: { enable: true, mutableSettings: false } } },
      }),
      container("immich", { localAddress: "10.10.10.5", privateUsers: "pick", ports: [2283], route: traefikRoute({ subdomain: "photos", port: 2283, auth }) }),
      container("vaultwarden", { hostAddress: "10.10.10.2", localAddress: "10.10.10.3", privateUsers: "pick", ports: [8000], route: traefikRoute({ subdomain: "vault", port: 8000, public: true }) }),
      container("opencloud", {
        localAddress: "10.10.10.101", ports: [9200], route: traefikRoute({ subdomain: "cloud", port: 9200, public: true }),
        config: { services: { opencloud: { enable: true, settings: { idp: containerRef("authelia").localAddress } } } },
      }),
      container("nextcloud", { enable: false, description: "Replaced by OpenCloud", ports: [80], route: traefikRoute({ subdomain: "nextcloud", port: 80, auth }) }),
      container("linkwarden", { enable: false, description: "Not currently in use", ports: [3000] }),
    ],
    services: [
      service("cloudflared", { secrets: [tunnel], config: { services: { cloudflared: { enable: true, tunnels: { home: { credentialsFile: tunnel.path } } } } } }),
      // The host key the containers bind-mount, kept on /persist (an impermanent root).
      service("openssh", { config: { services: { openssh: { enable: true, hostKeys: [{ type: "ed25519", path: "/persist/etc/ssh/ssh_host_ed25519_key" }] } } } }),
    ],
  });
}

function seed001() {
  const postgresEnv = secret("postgres-env");
  const lsio = { PUID: "1000", PGID: "1000", TZ: "America/Los_Angeles" };
  return homelab({
    hostName: "hwc-server",
    domain: "example.com",
    stateVersion: "25.05",
    layout: { kind: "modules", namespace: "hwc.server.containers" },
    modules: ["./hardware-configuration.nix"],
    agenix: { recipients: { server: "ssh-ed25519 AAAAC3Nza server" } },
    caddy: caddy({ email: "admin@example.com" }),
    containers: [
      container("sonarr", {
        backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", category: "media", environment: lsio, ports: ["127.0.0.1:8989:8989"],
        volumes: ["/opt/media/sonarr:/config", "/mnt/storage/media/tv:/tv", "/mnt/storage/downloads:/downloads"],
        route: caddyRoute({ subdomain: "sonarr", port: 8989 }),
      }),
      container("postgres", {
        backend: "podman", image: "docker.io/library/postgres:16", category: "databases", user: "999:999", ports: ["127.0.0.1:5432:5432"],
        volumes: ["/opt/databases/postgres:/var/lib/postgresql/data"], environmentFiles: [postgresEnv], networks: ["apps"],
      }),
      container("n8n", {
        backend: "podman", image: "docker.io/n8nio/n8n:1.64.0", category: "services", user: "1000", ports: ["127.0.0.1:5678:5678"],
        environment: { N8N_HOST: "n8n.example.com", N8N_PORT: "5678", N8N_PROTOCOL: "http" }, environmentFiles: [secret("n8n-env")],
        networks: ["apps"], dependsOn: ["postgres"], route: caddyRoute({ subdomain: "n8n", port: 5678, public: true }),
      }),
    ],
    services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
  });
}

describe("the seeds' servers", () => {
  test("seed 000 (nspawn, Traefik, Authelia, agenix): one note, that Authelia and OpenCloud run without the user namespaces Immich and Vaultwarden have", () => {
    expect(validate(seed000()).map((d) => `${d.severity} ${d.code} ${formatPath(d.path)}`)).toEqual([
      "note isolation-inconsistent containers.authelia.privateUsers",
    ]);
    expect(validate(seed000())[0]!.message).toContain("(immich, vaultwarden), these do not, so root inside them is root on the host: authelia, opencloud");
  });

  test("seed 001 (Podman behind Caddy): warnings for the unauthenticated route (to Sonarr, an admin interface); Sonarr writes its TV library, so no media-mount note", () => {
    expect(validate(seed001()).map((d) => `${d.severity} ${d.code} ${formatPath(d.path)}`)).toEqual([
      "warning admin-ui-public containers.sonarr.routes[0]",
      "warning route-no-auth containers.sonarr.routes[0]",
    ]);
  });
});
