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

/** Pool used when `network.pool` is not given (the NixOS manual's container network). */
export const DEFAULT_POOL = "192.168.100.0/24";
/** Option namespace of `layout: "modules"`. */
export const DEFAULT_NAMESPACE = "homelab.containers";
/** agenix identity when none is given: the host's ed25519 SSH key. */
export const DEFAULT_IDENTITY_PATHS: readonly string[] = Object.freeze(["/etc/ssh/ssh_host_ed25519_key"]);

function layoutOf(input: HomelabOptions["layout"]): Layout {
  if (input === undefined || input === "flat") return { kind: "flat" };
  if (input === "modules") return { kind: "modules", namespace: DEFAULT_NAMESPACE };
  if (input.kind === "flat") return { kind: "flat" };
  const options = input.options === undefined ? undefined : [...new Set(input.options)].sort();
  return { kind: "modules", namespace: input.namespace ?? DEFAULT_NAMESPACE, ...optional("options", options) };
}

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
 */
export function homelab(options: HomelabOptions): Homelab {
  const site = captureSite(homelab);
  return guarded("homelab", () => ({ domain: "invalid", hosts: [], site }), () => build(options, site));
}

function build(options: HomelabOptions, site: SourceSite): Homelab {
  const o = parseInput(homelabSchema, options, { label: callLabel("homelab"), site }, homelabProblems);
  const pinned = o.nixpkgs === undefined ? undefined : pinnedRelease(o.nixpkgs);
  const release: Release = (o.nixos as Release | undefined) ?? (pinned !== undefined && isRelease(pinned) ? pinned : DEFAULT_RELEASE);
  const host: Host = {
    kind: "host",
    name: o.hostName,
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
    identityPaths: o.sops === undefined ? (o.agenix?.identityPaths ?? [...DEFAULT_IDENTITY_PATHS]) : sopsIdentityPaths(o.sops),
    site,
  };
  return branded("homelab", {
    kind: "homelab",
    domain: o.domain,
    hosts: [host],
    secrets: o.sops === undefined ? { backend: "agenix", recipients: o.agenix?.recipients ?? {} } : sopsSetup(o.sops),
    layout: layoutOf(o.layout),
    site,
  } satisfies Homelab);
}
