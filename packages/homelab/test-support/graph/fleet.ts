/**
 * A generated fleet for the topology tests: a proxy host (Traefik as a service, Authelia in a
 * NixOS container, a few apps of its own), a NAS with Podman media containers on two Podman
 * networks (reached from the proxy through cross-host routes behind Authelia), and a small
 * aarch64 DNS host; `containers` containers in all (default 40), spread 6 / rest / 3.
 */
import { authelia, container, homelab, host, route, service, traefik, type Homelab } from "../../src/index.ts";

const MEDIA = ["jellyfin", "sonarr", "radarr", "lidarr", "readarr", "prowlarr", "bazarr", "qbittorrent", "sabnzbd", "overseerr", "tautulli", "navidrome", "audiobookshelf", "calibre-web", "photoprism", "immich-server", "immich-ml", "paperless", "nextcloud", "syncthing"];

/**
 * The fleet, its hosts declared in `order` (the topology must not depend on it).
 * @example demoFleet(40).hosts.length // 3
 */
export function demoFleet(containers = 40, order: readonly ("proxy" | "nas" | "dns")[] = ["proxy", "nas", "dns"]): Homelab {
  const onProxy = 6;
  const onDns = 3;
  const onNas = containers - onProxy - onDns;
  const nasNames = Array.from({ length: onNas }, (_, i) => MEDIA[i] ?? `app-${String(i + 1).padStart(2, "0")}`);
  const nas = host("nas", {
    stateVersion: "25.11",
    address: "192.168.1.20",
    network: { pool: "10.20.0.0/24" },
    containers: nasNames.map((name, i) =>
      container(name, {
        backend: "podman",
        image: `docker.io/example/${name}:1.0`,
        ports: [`${8000 + i}:${8000 + i}`],
        networks: i % 3 === 0 ? ["media", "downloads"] : i % 3 === 1 ? ["media"] : [],
      }),
    ),
    services: [service("nfs", { ports: [2049] })],
  });
  const proxyApps = Array.from({ length: onProxy - 1 }, (_, i) => ["vaultwarden", "gitea", "grafana", "prometheus", "homepage", "uptime-kuma"][i] ?? `tool-${i}`);
  const proxy = host("proxy", {
    stateVersion: "25.11",
    address: "192.168.1.10",
    network: { pool: "10.10.0.0/24" },
    traefik: traefik({ mode: "service" }),
    auth: [authelia({ container: "authelia" })],
    containers: [
      container("authelia", { ports: [9091], route: route({ subdomain: "auth", port: 9091, public: true }) }),
      ...proxyApps.map((name, i) => container(name, { ports: [3000 + i], route: route({ subdomain: name, port: 3000 + i, auth: "authelia" }) })),
    ],
    routes: nasNames.slice(0, 12).map((name, i) => route({ subdomain: name, to: { host: "nas", container: name, port: 8000 + i }, auth: "authelia" })),
  });
  const dns = host("dns", {
    stateVersion: "25.11",
    system: "aarch64-linux",
    address: "192.168.1.53",
    network: { pool: "10.53.0.0/24" },
    containers: Array.from({ length: onDns }, (_, i) =>
      container(["adguard", "unbound", "chrony"][i] ?? `dns-${i}`, { network: "host", ports: [{ port: 53 + i * 1000, protocol: "udp" }] }),
    ),
  });
  const byName = { proxy, nas, dns };
  return homelab({ domain: "example.org", hosts: order.map((n) => byName[n]) });
}
