/**
 * The options of one host, shared by `homelab({ hostName, … })` (a homelab of one host) and
 * `host(name, { … })` (a host of a fleet): its release, network, firewall, proxies,
 * containers, services, routes and flake extras.
 */
import { z, type Zod } from "./zod.ts";
import { isContainer, isHostService, isRoute } from "../model/index.ts";
import type { Container, HostService, ProxyOf, ProxyTypes, Route } from "../model/index.ts";
import { PROXY_PROVIDERS, routeBuilderNames } from "../proxies/index.ts";
import { isRelease, pinnedRelease, SUPPORTED_RELEASES } from "../releases/release.ts";
import type { InputProblem } from "./problems.ts";
import { authDnsOptions } from "../auth/options.ts";
import { firewallSchema, networkStackShape } from "./host-network.ts";
import { flakeModule, flakeShape } from "./flake.ts";
import { bool, cidr, flakeUrl, interfaceName, stateVersion, system } from "./primitives.ts";

/**
 * `homelab()`'s option per reverse proxy, named by its kind and holding its builder's value, in
 * the registry's order. A mapped type over `ProxyTypes`, whose members carry each option's
 * documentation.
 */
type ProxyOptions = { readonly [K in keyof ProxyTypes]: Zod.ZodOptional<Zod.ZodCustom<ProxyOf<K>, ProxyOf<K>>> };

function proxyOptions(): ProxyOptions {
  return Object.fromEntries(PROXY_PROVIDERS.map((p) => [p.kind, z.custom(p.option.is, { error: p.option.error }).optional()])) as unknown as ProxyOptions;
}

/** The per-host options (spread into `homelab()`'s and `host()`'s schemas). */
export const hostShape = {
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
};

/**
 * Cross-field rules of a host: the release `nixpkgs` pins is a supported one, and the one
 * `nixos` names when both are given; a host-level route has `to`.
 */
export function hostProblems(r: Record<string, unknown>): InputProblem[] {
  return [...routesProblems(r["routes"]), ...releaseProblems(r)];
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
