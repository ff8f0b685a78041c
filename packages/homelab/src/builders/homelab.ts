import type { Homelab, Host, Layout, SourceSite } from "../model/index.ts";
import { PROXY_PROVIDERS } from "../proxies/index.ts";
import { clientsOf } from "../auth/builders.ts";
import { DEFAULT_RELEASE, isRelease, nixpkgsUrl, pinnedRelease, type Release } from "../releases/release.ts";
import { homelabProblems, homelabSchema, type HomelabOptions } from "../schema/homelab.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { parseInput } from "./parse.ts";
import { hostFirewall, networkStack } from "./host-network.ts";
import { sopsIdentityPaths, sopsSetup } from "./sops-setup.ts";
import { flakeSetupOf } from "./flake-setup.ts";
import { fleetOf } from "./fleet.ts";
import { layoutOf } from "./layout.ts";
import type { FleetOptions } from "../schema/fleet.ts";
import { asRecord } from "../schema/problems.ts";

export { DEFAULT_NAMESPACE } from "./layout.ts";
import type { Zod } from "../schema/zod.ts";

/** Pool used when `network.pool` is not given (the NixOS manual's container network). */
export const DEFAULT_POOL = "192.168.100.0/24";
/** agenix identity when none is given: the host's ed25519 SSH key. */
export const DEFAULT_IDENTITY_PATHS: readonly string[] = Object.freeze(["/etc/ssh/ssh_host_ed25519_key"]);

/**
 * The whole server: one host, its network and secrets setup, proxies, containers and
 * services, rendered for the NixOS release `nixos` (default: the current stable release).
 * Only checks each option's shape; run `validate(lab)` for conflicts between parts.
 *
 * @example
 * export default homelab({
 *   hostName: "server", domain: "example.org", stateVersion: "25.05", nixos: "26.05",
 *   network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" },
 *   traefik: traefik({ certResolver: "cloudflare" }),
 *   containers: [container("immich", { ports: [2283] })],
 * });
 *
 * Several machines: give `hosts` (each made by `host(name, {…})`) instead of one host's
 * options; the tree gets one directory per host, and the deploy tools' outputs you ask for.
 * @example
 * export default homelab({
 *   domain: "example.org", deploy: ["colmena", "deploy-rs"],
 *   hosts: [host("proxy", { stateVersion: "25.05", address: "192.168.1.2", traefik: traefik({}) }), host("nas", {…})],
 * });
 */
export function homelab(options: HomelabOptions | FleetOptions): Homelab {
  const site = captureSite(homelab);
  const fleet = asRecord(options)?.["hosts"] !== undefined;
  return guarded("homelab", () => ({ domain: "invalid", hosts: [], site }), () => (fleet ? fleetOf(options as FleetOptions, site) : build(options as HomelabOptions, site)));
}

function build(options: HomelabOptions, site: SourceSite): Homelab {
  const o = parseInput(homelabSchema, options, { label: callLabel("homelab"), site }, homelabProblems);
  const identityPaths = o.sops === undefined ? (o.agenix?.identityPaths ?? [...DEFAULT_IDENTITY_PATHS]) : sopsIdentityPaths(o.sops);
  return branded("homelab", {
    kind: "homelab",
    domain: o.domain,
    hosts: [hostOf(o.hostName, o, identityPaths, site)],
    secrets: o.sops === undefined ? { backend: "agenix", recipients: o.agenix?.recipients ?? {} } : sopsSetup(o.sops),
    layout: layoutOf(o.layout),
    site,
  } satisfies Homelab);
}

/** The per-host options as both `homelab({ hostName })` and `host()` parse them. */
export type ParsedHost = Omit<Zod.output<typeof homelabSchema>, "hostName" | "domain" | "agenix" | "sops" | "layout">;

/**
 * A {@link Host} from its parsed options: the fields both forms share (`homelab({ hostName })`
 * and `host(name, {…})`).
 */
export function hostOf(name: string, o: ParsedHost, identityPaths: readonly string[], site: SourceSite): Host {
  const pinned = o.nixpkgs === undefined ? undefined : pinnedRelease(o.nixpkgs);
  const release: Release = (o.nixos as Release | undefined) ?? (pinned !== undefined && isRelease(pinned) ? pinned : DEFAULT_RELEASE);
  return {
    kind: "host",
    name,
    release,
    stateVersion: o.stateVersion,
    system: o.system ?? "x86_64-linux",
    nixpkgs: o.nixpkgs ?? nixpkgsUrl(release),
    network: {
      pool: o.network?.pool ?? DEFAULT_POOL,
      ...optional("externalInterface", o.network?.externalInterface),
      nftables: o.network?.nftables ?? false,
      ...optional("stack", networkStack(o.network)),
    },
    ...optional("firewall", hostFirewall(o.firewall)),
    proxies: PROXY_PROVIDERS.flatMap((p) => o[p.kind] ?? []),
    containers: o.containers ?? [],
    services: o.services ?? [],
    routes: o.routes ?? [],
    auth: o.auth ?? [],
    oidcClients: (o.containers ?? []).flatMap(clientsOf),
    dns: o.dns ?? [],
    modules: (o.modules ?? []).filter((m): m is string => typeof m === "string"),
    ...optional("flake", flakeSetupOf(o)),
    identityPaths: [...identityPaths],
    site,
  };
}
