/**
 * Small fleets for render's fleet tests, written with the public builders as a user would:
 * `proxy` (Caddy, nftables, 26.05) routes to Jellyfin on `nas` (Podman, iptables, 26.05; an
 * nspawn container with a secret) and to AdGuard Home on `dns` (aarch64, nftables, 25.11).
 */
import { caddy, container, homelab, host, route, secret } from "../../src/index.ts";
import type { Homelab, Host, Layout } from "../../src/model/index.ts";

const ADMIN = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAdminKeyForFleetTestsOnly0000000000000 alice@laptop";

function proxy(): Host {
  return host("proxy", {
    stateVersion: "25.11",
    address: "192.168.1.2",
    hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIProxyHostKeyForFleetTestsOnly00000000000 root@proxy",
    network: { nftables: true },
    deployment: { targetHost: "proxy.lan", tags: ["edge"] },
    caddy: caddy({ email: "admin@example.org" }),
    routes: [
      route({ subdomain: "tv", to: { host: "nas", container: "jellyfin", port: 8096 } }),
      route({ subdomain: "dns", to: { host: "dns", container: "adguard", port: 3000 } }),
    ],
  });
}

function nas(): Host {
  return host("nas", {
    stateVersion: "25.11",
    address: "192.168.1.10",
    hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINasHostKeyForFleetTestsOnly0000000000000 root@nas",
    network: { pool: "10.30.0.0/24", externalInterface: "eth0" },
    deployment: { targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222, tags: ["storage"] },
    containers: [
      container("jellyfin", {
        description: "Media server, reached through the proxy host",
        backend: "podman",
        image: "docker.io/jellyfin/jellyfin:10.10.3",
        ports: ["8096:8096"],
        volumes: ["/srv/media:/media:ro"],
      }),
      container("vault", {
        description: "A NixOS container with a secret of its own",
        ports: [8222],
        secrets: [secret("vault-env")],
        config: { services: { vaultwarden: { enable: true, config: { ROCKET_PORT: 8222 } } } },
      }),
      container("old", { description: "Kept for reference", enable: false, ports: [9000] }),
    ],
  });
}

function dns(): Host {
  return host("dns", {
    stateVersion: "25.11",
    nixos: "25.11",
    system: "aarch64-linux",
    address: "192.168.1.3",
    hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDnsHostKeyForFleetTestsOnly0000000000000 root@dns",
    network: { nftables: true },
    deployment: { buildOnTarget: true },
    containers: [
      container("adguard", {
        backend: "podman",
        image: "docker.io/adguard/adguardhome:v0.107.55",
        network: "host",
        listens: [{ port: 3000 }, { port: 53, protocol: "udp" }],
      }),
    ],
  });
}

/**
 * The three-host fleet, its hosts in `order` (render must not depend on it).
 * @example smallFleet({ kind: "flat" }, ["proxy", "nas", "dns"])
 */
export function smallFleet(layout: Layout["kind"] = "flat", order: readonly string[] = ["proxy", "nas", "dns"]): Homelab {
  const make: Record<string, () => Host> = { proxy, nas, dns };
  return homelab({
    domain: "example.org",
    hosts: order.map((name) => make[name]!()),
    deploy: ["colmena", "deploy-rs"],
    agenix: { recipients: { alice: ADMIN } },
    ...(layout === "modules" ? { layout: { kind: "modules", namespace: "lab.containers" } } : {}),
    defaults: {
      users: { alice: { sshKeys: [ADMIN], groups: ["wheel"] } },
      rootSshKeys: [ADMIN],
      nix: {
        trustedUsers: ["root", "@wheel"],
        substituters: ["https://cache.nixos.org"],
        trustedPublicKeys: ["cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY="],
        experimentalFeatures: ["nix-command", "flakes"],
        gc: { dates: "weekly", options: "--delete-older-than 30d" },
        autoOptimiseStore: true,
      },
      timeZone: "Europe/Berlin",
    },
  });
}
