import { z, type Zod } from "./zod.ts";
import { isCaddy, isContainer, isHostService, isTraefik } from "../model/index.ts";
import type { Caddy, Container, HostService, Traefik } from "../model/index.ts";
import { absolutePath, bool, cidr, domain, flakeUrl, hostName, interfaceName, modulePath, stateVersion, system } from "./primitives.ts";

const namespace = z
  .string({ error: 'expected an option path like "hwc.server.containers"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, { error: 'expected an option path like "hwc.server.containers"' });

/** Options of `homelab({...})`. */
export const homelabSchema = z.strictObject(
  {
    /** `networking.hostName` and `nixosConfigurations.<hostName>`. @example hostName: "server" */
    hostName,
    /** The domain routes' subdomains belong to. @example domain: "example.org" */
    domain,
    /**
     * `system.stateVersion` of the host and every container guest: the release first
     * installed, never bumped.
     * @example stateVersion: "25.05"
     */
    stateVersion,
    /** `nixpkgs.hostPlatform`. Default `"x86_64-linux"`. @example system: "aarch64-linux" */
    system: system.optional(),
    /**
     * nixpkgs flake input. Default `github:NixOS/nixpkgs/nixos-<stateVersion>`.
     * @example nixpkgs: "github:NixOS/nixpkgs/nixos-25.05"
     */
    nixpkgs: flakeUrl.optional(),
    /**
     * Container networking.
     * @example network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" }
     */
    network: z
      .strictObject(
        {
          /**
           * IPv4 network private-network container addresses come from (allocated when a
           * container gives none). Default `"192.168.100.0/24"`.
           * @example pool: "10.10.10.0/24"
           */
          pool: cidr.optional(),
          /** NAT uplink for the containers. @example externalInterface: "enp1s0" */
          externalInterface: interfaceName.optional(),
          /** The host uses nftables (NAT wildcard `ve-*`). Default `false`. @example nftables: true */
          nftables: bool("nftables").optional(),
        },
        { error: "expected { pool, externalInterface, nftables }" },
      )
      .optional(),
    /**
     * agenix: keys that decrypt on the host, and the recipients of `secrets.nix`.
     * @example agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"], recipients: { server: "ssh-ed25519 AAAA…" } }
     */
    agenix: z
      .strictObject(
        {
          /**
           * Host private keys agenix decrypts with. Default `["/etc/ssh/ssh_host_ed25519_key"]`.
           * @example identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"]
           */
          identityPaths: z.array(absolutePath).optional(),
          /**
           * Public keys (SSH or age) that secrets are encrypted to, by name.
           * @example recipients: { admin: "ssh-ed25519 AAAA… admin", server: "ssh-ed25519 AAAA… root@server" }
           */
          recipients: z
            .record(
              z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'expected a recipient name like "server"' }),
              z.string().regex(/^(ssh-ed25519 |ssh-rsa |ecdsa-sha2-nistp\d+ |sk-ssh-ed25519@openssh\.com |age1)\S+( [^\n]*)?$/, {
                error: 'expected a public key ("ssh-ed25519 AAAA…" or "age1…")',
              }),
              { error: "expected { name: publicKey }" },
            )
            .optional(),
        },
        { error: "expected { identityPaths, recipients }" },
      )
      .optional(),
    /** Traefik, from `traefik({...})`. @example traefik: traefik({ certResolver: "cloudflare" }) */
    traefik: z.custom<Traefik>(isTraefik, { error: "expected a value made by traefik({...})" }).optional(),
    /** Caddy, from `caddy({...})`. @example caddy: caddy({ email: "admin@example.org" }) */
    caddy: z.custom<Caddy>(isCaddy, { error: "expected a value made by caddy({...})" }).optional(),
    /** The containers. @example containers: [container("immich", { ports: [2283] })] */
    containers: z.array(z.custom<Container>(isContainer, { error: "expected a value made by container(name, {...})" })).optional(),
    /** Host services that are not containers. @example services: [service("cloudflared", {...})] */
    services: z.array(z.custom<HostService>(isHostService, { error: "expected a value made by service(name, {...})" })).optional(),
    /**
     * Hand-written modules the flake imports too, relative to the output directory.
     * @example modules: ["./hardware-configuration.nix"]
     */
    modules: z.array(modulePath).optional(),
    /**
     * How the tree is laid out: `"flat"` (one module per container, the default), or
     * `"modules"` / `{ kind: "modules", namespace }`: per-container option modules under
     * `namespace` (seed 001's `hwc.server.containers.<name>.enable`).
     * @example layout: { kind: "modules", namespace: "hwc.server.containers" }
     */
    layout: z
      .union(
        [
          z.enum(["flat", "modules"]),
          z.strictObject({ kind: z.literal("flat") }),
          z.strictObject({ kind: z.literal("modules"), namespace: namespace.optional() }),
        ],
        { error: 'expected "flat", "modules" or { kind: "modules", namespace }' },
      )
      .optional(),
  },
  { error: "expected an object with homelab options" },
);

/** What `homelab()` accepts. */
export type HomelabOptions = Zod.input<typeof homelabSchema>;
