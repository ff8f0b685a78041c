import { z, type Input, type Zod } from "./zod.ts";
import { isContainer, isHostService, isRoute } from "../model/index.ts";
import type { Container, HostService, ProxyOf, ProxyTypes, Route } from "../model/index.ts";
import { PROXY_PROVIDERS, routeBuilderNames } from "../proxies/index.ts";
import { isRelease, pinnedRelease, SUPPORTED_RELEASES } from "../releases/release.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { authDnsOptions } from "../auth/options.ts";
import { firewallSchema, networkStackShape } from "./host-network.ts";
import { secretBackendProblems } from "./secret-backend.ts";
import { flakeModule, flakeShape } from "./flake.ts";
import { absolutePath, bool, cidr, domain, flakeUrl, hostName, interfaceName, stateVersion, system } from "./primitives.ts";

const namespace = z
  .string({ error: 'expected an option path like "hwc.server.containers"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, { error: 'expected an option path like "hwc.server.containers"' });

/**
 * `homelab()`'s option per reverse proxy, named by its kind and holding its builder's value, in
 * the registry's order. A mapped type over `ProxyTypes`, whose members carry each option's
 * documentation.
 */
type ProxyOptions = { readonly [K in keyof ProxyTypes]: Zod.ZodOptional<Zod.ZodCustom<ProxyOf<K>, ProxyOf<K>>> };

function proxyOptions(): ProxyOptions {
  return Object.fromEntries(PROXY_PROVIDERS.map((p) => [p.kind, z.custom(p.option.is, { error: p.option.error }).optional()])) as unknown as ProxyOptions;
}

/** Options of `homelab({...})`. */
export const homelabSchema = z.strictObject(
  {
    /** `networking.hostName` and `nixosConfigurations.<hostName>`. @example hostName: "server" */
    hostName,
    /** The domain routes' subdomains belong to. @example domain: "example.org" */
    domain,
    /**
     * `system.stateVersion` of the host and every container guest: the release the machine's
     * state (databases, files under /var/lib) was first created with. It is NOT the release the
     * host runs (that is `nixos`): leave it at the release you first installed, and never bump
     * it on an upgrade (NixOS uses it to keep old state formats readable).
     * @example stateVersion: "25.05"
     */
    stateVersion,
    /**
     * The NixOS release the host runs, which every option is rendered for, and which the
     * flake's nixpkgs input follows (`github:NixOS/nixpkgs/nixos-<nixos>`). Default: the
     * release `nixpkgs` names, else the current stable release.
     * @example nixos: "25.11"
     */
    nixos: z
      .string({ error: `expected a supported NixOS release: ${SUPPORTED_RELEASES.map((r) => `"${r}"`).join(" or ")}` })
      .refine(isRelease, { error: `expected a supported NixOS release: ${SUPPORTED_RELEASES.map((r) => `"${r}"`).join(" or ")}` })
      .optional(),
    /** `nixpkgs.hostPlatform`. Default `"x86_64-linux"`. @example system: "aarch64-linux" */
    system: system.optional(),
    /**
     * nixpkgs flake input, when not the release's own branch (a fork, a pinned commit). Default
     * `github:NixOS/nixpkgs/nixos-<nixos>`. A URL naming a release must name `nixos`'s.
     * @example nixpkgs: "github:NixOS/nixpkgs/nixos-26.05"
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
          ...networkStackShape,
        },
        { error: "expected { pool, externalInterface, nftables }" },
      )
      .optional(),
    /**
     * The host firewall: openings beyond the listeners nixjs opens itself (TCP/UDP, ports and
     * ranges, on every interface or one), trusted interfaces.
     * @example firewall: { allowedUDPPorts: [{ port: 51820, for: "WireGuard" }], trustedInterfaces: ["wg0"] }
     */
    firewall: firewallSchema.optional(),
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
    /**
     * sops-nix instead of agenix (give one of the two; agenix when neither): one sops-encrypted
     * file per secret (`format = "binary"`), its recipients in `.sops.yaml`, decrypted with the
     * host's SSH key (as an age key) or an age key file. The `secret()` API is the same.
     * @example sops: { recipients: { admin: "age1…", server: "age1…" } }
     */
    sops: z
      .strictObject(
        {
          /**
           * age public keys (`age1…`; an SSH key converts with `ssh-to-age`) every secret is
           * encrypted to, by name: the `key_groups` of `.sops.yaml`. The machine's own key
           * must be one of them.
           * @example recipients: { admin: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", server: "age1…" }
           */
          recipients: z
            .record(
              z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'expected a recipient name like "server"' }),
              z.string().regex(/^age1[0-9a-z]+$/, { error: 'expected an age public key ("age1…"; convert an SSH key with ssh-to-age)' }),
              { error: "expected { name: agePublicKey }" },
            )
            .optional(),
          /**
           * `sops.age.keyFile`: an age private key on the machine to decrypt with (not in the
           * Nix store).
           * @example ageKeyFile: "/var/lib/sops-nix/key.txt"
           */
          ageKeyFile: absolutePath.optional(),
          /**
           * `sops.age.sshKeyPaths`: SSH ed25519 private keys converted to age keys to decrypt
           * with. Default `["/etc/ssh/ssh_host_ed25519_key"]`, or none when `ageKeyFile` is given.
           * @example sshKeyPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"]
           */
          sshKeyPaths: z.array(absolutePath).optional(),
        },
        { error: "expected { recipients, ageKeyFile, sshKeyPaths }" },
      )
      .optional(),
    /** The reverse proxies, one option per provider: `traefik: traefik({...})`, `caddy: caddy({...})`. */
    ...proxyOptions(),
    /** The containers. @example containers: [container("immich", { ports: [2283] })] */
    containers: z.array(z.custom<Container>(isContainer, { error: "expected a value made by container(name, {...})" })).optional(),
    ...authDnsOptions,
    /** Host services that are not containers. @example services: [service("cloudflared", {...})] */
    services: z.array(z.custom<HostService>(isHostService, { error: "expected a value made by service(name, {...})" })).optional(),
    /**
     * Routes not given to a container, each with `to`: to a host service, a host port, a LAN
     * device, a container by name, Traefik's dashboard, a redirect.
     * @example routes: [route({ subdomain: "hass", to: { service: "home-assistant", port: 8123 }, auth: "authelia" })]
     * @example routes: [route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true })]
     */
    routes: z.array(z.custom<Route>(isRoute, { error: `expected a route made by ${routeBuilderNames()}` })).optional(),
    /**
     * Modules the flake imports too, in order: hand-written files relative to the output
     * directory, and modules of inputs (`fromInput("disko", "nixosModules.disko")`).
     * @example modules: ["./hardware-configuration.nix"]
     * @example modules: ["./hardware-configuration.nix", fromInput("disko", "nixosModules.disko")]
     */
    modules: z.array(flakeModule).optional(),
    ...flakeShape,
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
          z.strictObject({
            kind: z.literal("modules"),
            namespace: namespace.optional(),
            /**
             * Further per-container options beside `enable`, `port` and `domain`: `"image"`
             * (Podman: `cfg.image`, default the configured image) and `"autoStart"` (NixOS
             * containers: `cfg.autoStart`), for a host module to set without `lib.mkForce`.
             * @example options: ["image", "autoStart"]
             */
            options: z.array(z.enum(["image", "autoStart"], { error: 'expected "image" or "autoStart"' })).optional(),
          }),
        ],
        { error: 'expected "flat", "modules" or { kind: "modules", namespace, options: ["image" | "autoStart", …] }' },
      )
      .optional(),
  },
  { error: "expected an object with homelab options" },
);

/** What `homelab()` accepts. */
export type HomelabOptions = Input<typeof homelabSchema>;

/**
 * Cross-field rules of `homelab()`: the release `nixpkgs` pins is a supported one, and the one
 * `nixos` names when both are given; a host-level route has `to`.
 */
export function homelabProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  return [...routesProblems(r["routes"]), ...releaseProblems(r), ...secretBackendProblems(r)];
}

/** A host-level route has no container to target: it needs `to`. */
function routesProblems(routes: unknown): InputProblem[] {
  if (!Array.isArray(routes)) return [];
  return routes.flatMap((route: unknown, i): InputProblem[] =>
    isRoute(route) && route.target.kind === "attached"
      ? [{ path: ["routes", i], message: 'a route of the homelab needs to (e.g. to: { service: "hass", port: 8123 }); port alone targets the container a route is given to', code: "missing-option" }]
      : [],
  );
}

function releaseProblems(r: Record<string, unknown>): InputProblem[] {
  if (typeof r["nixpkgs"] !== "string") return [];
  const pinned = pinnedRelease(r["nixpkgs"]);
  if (pinned === undefined) return [];
  const supported = SUPPORTED_RELEASES.map((x) => `"${x}"`).join(" or ");
  if (typeof r["nixos"] === "string" && isRelease(r["nixos"]) && pinned !== r["nixos"]) {
    return [{ path: ["nixpkgs"], message: `nixpkgs pins NixOS ${pinned}, but nixos is "${r["nixos"]}": drop nixpkgs, or make the two agree` }];
  }
  if (r["nixos"] === undefined && !isRelease(pinned)) {
    return [{ path: ["nixpkgs"], message: `nixpkgs pins NixOS ${pinned}, which nixjs does not render for; supported releases: ${supported}` }];
  }
  return [];
}
