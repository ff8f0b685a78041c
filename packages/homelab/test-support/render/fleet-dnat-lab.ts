/**
 * A fleet for the prerouting filter's tests: two proxy hosts (`edge`, `edge2`, Caddy) route to
 * `nas` (iptables) and `box` (nftables). Each target has ports published through DNAT — a
 * Podman publish, an nspawn `forwardPorts` entry — that both proxies or only one reach, and a
 * host service the input chain filters. Hosts import their hand-written `./hardware/<host>.nix`
 * (the tests write it: `HARDWARE` of `fleet-lab.ts`).
 */
import { caddy, container, homelab, host, route, service } from "../../src/index.ts";
import type { Homelab, Host } from "../../src/model/index.ts";

/** The LAN addresses of the fleet's hosts. */
export const DNAT_ADDRESSES = { edge: "192.168.1.2", edge2: "192.168.1.4", nas: "192.168.1.10", box: "192.168.1.20" } as const;

function proxy(name: "edge" | "edge2", both: boolean): Host {
  const to = (h: string, t: { container: string } | { service: string }, port: number, sub: string) => route({ subdomain: `${sub}${both ? "" : "-2"}`, to: { host: h, ...t, port } });
  return host(name, {
    stateVersion: "25.11",
    modules: [`./hardware/${name}.nix`],
    address: DNAT_ADDRESSES[name],
    network: { nftables: true },
    caddy: caddy({ email: "admin@example.org" }),
    routes: [
      to("nas", { container: "jellyfin" }, 8096, "tv"),
      to("box", { container: "app" }, 8080, "app"),
      ...(both ? [to("nas", { container: "web" }, 8081, "web"), to("nas", { service: "smb" }, 445, "smb"), to("box", { service: "git" }, 3000, "git")] : []),
    ],
  });
}

function target(name: "nas" | "box", nftables: boolean): Host {
  const podman = name === "nas" ? container("jellyfin", { backend: "podman", image: "docker.io/jellyfin/jellyfin:10.10.3", ports: ["8096:8096"] }) : container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", ports: ["8080:80"] });
  return host(name, {
    stateVersion: "25.11",
    modules: [`./hardware/${name}.nix`],
    address: DNAT_ADDRESSES[name],
    network: { pool: name === "nas" ? "10.30.0.0/24" : "10.40.0.0/24", externalInterface: "eth0", ...(nftables ? { nftables: true } : {}) },
    containers: [podman, ...(name === "nas" ? [container("web", { ports: [80], forwardPorts: [{ hostPort: 8081, containerPort: 80 }] })] : [])],
    // For the proxies only (their cross-host opening), not the LAN.
    services: [name === "nas" ? service("smb", { ports: [{ port: 445, open: false }] }) : service("git", { ports: [{ port: 3000, open: false }] })],
  });
}

/**
 * The four-host fleet: `edge` routes to every target port, `edge2` to the Podman publishes only.
 * @example render(dnatFleet()).get("hosts/nas/host.nix")
 */
export function dnatFleet(): Homelab {
  return homelab({ domain: "example.org", hosts: [proxy("edge", true), proxy("edge2", false), target("nas", false), target("box", true)] });
}
