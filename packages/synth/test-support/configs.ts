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
