/**
 * A media server's Podman containers with every runtime option, written as a user writes them:
 * a VPN container (gluetun) whose namespace qBittorrent shares, Jellyfin on the host network
 * with the GPU, Immich's server and Redis in a pod, a privileged USB scanner, and whoami in a
 * user namespace of its own. Shared by the render and the checks tests.
 */
import { container } from "../../src/builders/container.ts";
import type { Homelab } from "../../src/model/index.ts";
import type { Release } from "../../src/releases/release.ts";
import { caddy } from "../../src/proxies/caddy/builders.ts";
import { caddyRoute } from "../../src/proxies/caddy/route.ts";
import { route } from "../../src/builders/route.ts";
import { testLab } from "../validate/test-lab.ts";

/** The lab, for a release and a layout. */
export function podmanRuntimeLab(nixos: Release = "26.05", layout: "flat" | "modules" = "flat"): Homelab {
  const lsio = { PUID: "1000", PGID: "1000", TZ: "Europe/Berlin" };
  return testLab({
    nixos,
    layout,
    caddy: caddy({ email: "admin@example.org" }),
    containers: [
      container("gluetun", {
        backend: "podman",
        image: "docker.io/qmcgaw/gluetun:v3.39.1",
        user: "0:0",
        capabilities: { NET_ADMIN: true },
        devices: ["/dev/net/tun"],
        sysctls: { "net.ipv6.conf.all.disable_ipv6": 1 },
        ports: ["127.0.0.1:8080:8080", "6881:6881/udp"],
      }),
      container("qbittorrent", {
        backend: "podman",
        image: "lscr.io/linuxserver/qbittorrent:5.0.2",
        environment: lsio,
        network: { container: "gluetun" },
        restart: "on-failure",
        route: route({ subdomain: "torrent", port: 8080, clients: ["192.168.1.0/24"], public: true }),
      }),
      container("jellyfin", {
        backend: "podman",
        image: "docker.io/jellyfin/jellyfin:10.10.3",
        user: "1000:1000",
        network: "host",
        listens: [8096, { port: 1900, protocol: "udp" }],
        devices: ["/dev/dri"],
        memory: "4g",
        cpus: 2,
        shmSize: "1g",
        healthCheck: { cmd: "curl -fsS http://localhost:8096/health", interval: "30s", timeout: "5s", retries: 3, startPeriod: "1m" },
        logDriver: "k8s-file",
        logOptions: { "max-size": "10mb" },
        pull: "newer",
        route: caddyRoute({ subdomain: "media", port: 8096, public: true }),
      }),
      container("immich-server", {
        backend: "podman",
        image: "ghcr.io/immich-app/immich-server:v1.123.0",
        user: "1000:1000",
        pod: "immich",
        networks: ["immich"],
        ports: ["127.0.0.1:2283:2283"],
      }),
      container("immich-redis", {
        backend: "podman",
        image: "docker.io/library/redis:7.4",
        user: "999:999",
        pod: "immich",
        pidsLimit: 256,
        healthCheck: { cmd: ["redis-cli", "ping"] },
      }),
      container("scanner", {
        backend: "podman",
        image: "docker.io/sbs20/scanservjs:v3.0.3",
        user: "1000:1000",
        privileged: true,
        devices: [{ hostPath: "/dev/bus/usb", permissions: "rw" }],
        restart: "no",
      }),
      container("whoami", {
        backend: "podman",
        image: "docker.io/traefik/whoami:v1.10.3",
        user: "1000",
        userns: "auto",
        capabilities: { ALL: false, NET_BIND_SERVICE: true },
        memorySwap: "-1",
        ports: ["127.0.0.1:8000:80"],
      }),
    ],
  });
}
