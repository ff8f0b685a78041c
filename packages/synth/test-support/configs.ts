/**
 * Source text of real `homelab.config.ts` files for end-to-end tests and the benchmark: they
 * import `@nixjs/homelab` by absolute URL (a temp directory has no node_modules).
 */
import { pathToFileURL } from "node:url";
import { fileURLToPath } from "node:url";

/** `@nixjs/homelab`'s entry, as an import specifier usable from any directory. */
export const HOMELAB_ENTRY = pathToFileURL(fileURLToPath(new URL("../../homelab/src/index.ts", import.meta.url))).href;

/**
 * A stand-in for the machine's `hardware-configuration.nix` (root file system, boot loader),
 * which users copy beside the generated tree; `generatedConfig` lists it in `modules`.
 */
export const HARDWARE_MODULE = `{ ... }:
{
  fileSystems."/" = {
    device = "/dev/disk/by-label/nixos";
    fsType = "ext4";
  };
  boot.loader.systemd-boot.enable = true;
}
`;

/** One generated nspawn container. */
export interface GeneratedContainer {
  readonly name: string;
  readonly index: number;
}

/**
 * `n` private-network nspawn containers (`app0` …), each with a port, a Traefik route and a
 * little guest config; addresses from a /16 pool so that 1,000 fit. `order` permutes the
 * declaration order (the output must not depend on it). Write `HARDWARE_MODULE` to
 * `server/hardware-configuration.nix` beside it, as a user would.
 * @example writeFileSync("homelab.config.ts", generatedConfig(1000))
 */
export function generatedConfig(n: number, order: (xs: GeneratedContainer[]) => GeneratedContainer[] = (xs) => xs): string {
  const containers = order(Array.from({ length: n }, (_, index) => ({ name: `app${index}`, index })));
  const lines = containers.map(({ name, index }) => {
    const host = `10.20.${Math.floor((2 * index + 2) / 256)}.${(2 * index + 2) % 256}`;
    const local = `10.20.${Math.floor((2 * index + 3) / 256)}.${(2 * index + 3) % 256}`;
    const port = 8000 + (index % 1000);
    return `    container(${JSON.stringify(name)}, { hostAddress: "${host}", localAddress: "${local}", ports: [${port}], route: traefikRoute({ subdomain: ${JSON.stringify(name)}, port: ${port}, public: true }), config: { environment: { etc: { "app.conf": { text: "port=${port}" } } } } }),`;
  });
  return [
    `import { container, homelab, traefik, traefikRoute } from ${JSON.stringify(HOMELAB_ENTRY)};`,
    "",
    "export default homelab({",
    '  hostName: "server",',
    '  domain: "example.org",',
    '  stateVersion: "25.05",',
    '  network: { pool: "10.20.0.0/16", externalInterface: "enp1s0" },',
    '  modules: ["./hardware-configuration.nix"],',
    '  traefik: traefik({ entryPoint: "websecure", certResolver: "cloudflare" }),',
    "  containers: [",
    ...lines,
    "  ],",
    "});",
    "",
  ].join("\n");
}

/**
 * A fleet of `hosts` machines (`h00` …) with `perHost` containers each (1,000 in all for the
 * benchmark's 50 × 20, as the single-host case): every host has its LAN address, host key,
 * deployment (the aarch64 hosts, every fifth, build on target), Traefik, `perHost - 1`
 * private-network nspawn containers routed like `generatedConfig`'s (the same names on every
 * host: `app1` …), a Podman container `app0` on loopback behind its own Traefik, an agenix
 * secret (`secrets/app-<host>.age`) and its hardware module; a host service `web` listens on
 * port 9000 of every other host, which the first host's Traefik routes to across the LAN
 * (`to: { host, service, port }`, opened to the first host only). The fleet deploys with colmena
 * and deploy-rs and has defaults. `order` permutes the hosts' declaration order. For each host
 * ({@link fleetHostNames}), write {@link HARDWARE_MODULE} to
 * `server/hosts/<host>/hardware-configuration.nix` and its secret's file, as a user would.
 * @example writeFileSync("homelab.config.ts", generatedFleetConfig(50, 20))
 */
export function generatedFleetConfig(hosts: number, perHost: number, order: (names: string[]) => string[] = (xs) => xs): string {
  const names = fleetHostNames(hosts);
  const address = (i: number) => `192.168.${Math.floor(i / 200)}.${(i % 200) + 10}`;
  const key = (i: number) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${String(i).padStart(2, "0")}${"x".repeat(41)} root@${names[i]!}`;
  const hostBlock = (name: string): string[] => {
    const i = names.indexOf(name);
    const apps = Array.from({ length: perHost - 1 }, (_, k) => {
      const j = k + 1;
      const port = 8000 + j;
      const at = (n: number) => `10.20.${Math.floor(n / 256)}.${n % 256}`;
      return `      container("app${j}", { hostAddress: "${at(2 * j + 2)}", localAddress: "${at(2 * j + 3)}", ports: [${port}], secrets: ${j === 1 ? "[appSecret(" + JSON.stringify(name) + ")]" : "[]"}, route: route({ subdomain: "app${j}-${name}", port: ${port}, public: true }), config: { environment: { etc: { "app.conf": { text: "port=${port}" } } } } }),`;
    });
    const remote = i === 0 ? names.slice(1).map((other) => `      route({ subdomain: "web-${other}", to: { host: ${JSON.stringify(other)}, service: "web", port: 9000 }, public: true }),`) : [];
    return [
      `  host(${JSON.stringify(name)}, {`,
      '    stateVersion: "25.05",',
      `    system: ${i % 5 === 4 ? '"aarch64-linux"' : '"x86_64-linux"'},`,
      `    hostKey: ${JSON.stringify(key(i))},`,
      `    deployment: { targetHost: "${name}.lan", tags: ["rack${i % 4}"]${i % 5 === 4 ? ", buildOnTarget: true" : ""} },`,
      `    modules: ["./hosts/${name}/hardware-configuration.nix"],`,
      `    network: { pool: "10.20.0.0/16", externalInterface: "enp1s0", interfaces: { enp1s0: { addresses: ["${address(i)}/16"] } } },`,
      '    traefik: traefik({ entryPoint: "websecure", certResolver: "cloudflare" }),',
      "    services: [",
      '      service("openssh", { config: { services: { openssh: { enable: true } } } }),',
      ...(i === 0 ? [] : ['      service("web", { ports: [{ port: 9000, open: false }] }),']),
      "    ],",
      "    containers: [",
      `      container("app0", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: ["127.0.0.1:9001:80"], route: route({ subdomain: "app0-${name}", port: 9001, public: true }) }),`,
      ...apps,
      "    ],",
      ...(remote.length === 0 ? [] : ["    routes: [", ...remote, "    ],"]),
      "  }),",
    ];
  };
  return [
    `import { container, homelab, host, route, secret, service, traefik } from ${JSON.stringify(HOMELAB_ENTRY)};`,
    "",
    "/** One secret per host, decrypted there only. */",
    'const appSecret = (h: string) => secret(`app-${h}`, { owner: "root" });',
    "",
    "const hosts = [",
    ...order([...names]).flatMap(hostBlock),
    "];",
    "",
    "export default homelab({",
    '  domain: "example.org",',
    "  hosts,",
    '  deploy: ["colmena", "deploy-rs"],',
    '  agenix: { recipients: { admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 admin@laptop" } },',
    "  defaults: {",
    '    users: { admin: { sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 admin@laptop"], groups: ["wheel"] } },',
    '    rootSshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 admin@laptop"],',
    '    nix: { trustedUsers: ["root", "@wheel"], experimentalFeatures: ["nix-command", "flakes"] },',
    '    timeZone: "Europe/Berlin",',
    "  },",
    "});",
    "",
  ].join("\n");
}

/** The host names of {@link generatedFleetConfig}: `h00`, `h01`, … */
export function fleetHostNames(hosts: number): string[] {
  return Array.from({ length: hosts }, (_, i) => `h${String(i).padStart(2, "0")}`);
}
