/**
 * Every diagnostic code nixjs reports, with its severity and what it means in one line. A
 * check can only report a code listed here (the type says so), and the README's table of codes
 * is checked against this registry by a test. The reverse proxies' codes (`<kind>-missing`,
 * and those of their own checks) come from their providers, so a new proxy brings its own.
 */
import type { Severity } from "../model/diagnostic.ts";
import type { ProxyCode } from "../model/proxies.ts";
import { PROXY_PROVIDERS } from "../proxies/index.ts";
import { NSPAWN_CODES } from "./nspawn-codes.ts";
import { FLEET_CODES } from "./fleet-codes.ts";
import { DEPLOY_CODES } from "./deploy-codes.ts";

/** A code's entry in the registry. */
export interface CodeInfo {
  readonly severity: Severity;
  /** One line: what the finding means. */
  readonly summary: string;
}

/**
 * An entry of the registry.
 * @example code("error", "two routes for one host name")
 */
export const code = (severity: Severity, summary: string): CodeInfo => ({ severity, summary });

/** The core's codes up to the routes' (the proxies' follow them). */
const CORE_CODES = {
  // Builder input (the call's options; reported for every rejected call at once)
  "invalid-value": code("error", "an option has a value of the right type that is not allowed"),
  "invalid-type": code("error", "an option has a value of the wrong type"),
  "missing-option": code("error", "a required option is missing"),
  "unknown-option": code("error", "an option the builder does not know (often a typo: a suggestion follows)"),
  "config-load-failed": code("error", "the config threw while loading, after a builder rejected its input"),
  "not-nix-value": code("error", "a config value cannot be written as Nix"),
  "unparsable-output": code("error", "a generated file would not parse (raw Nix text, n.raw, that is not valid there)"),
  // Names and files
  "duplicate-name": code("error", "two containers (or two services) have one name"),
  "container-name": code("error", "a name NixOS rejects for a NixOS container"),
  "file-conflict": code("error", "two parts of the config would write one file of the tree"),
  // Addresses
  "address-conflict": code("error", "two containers have one localAddress"),
  "address-host-local": code("error", "a container's localAddress is a hostAddress"),
  "address-reserved": code("error", "an address no container can have: the pool's network or broadcast address, loopback, multicast"),
  "pool-exhausted": code("error", "no free address pair left in the pool"),
  // Listeners
  "port-conflict": code("error", "two listeners on one host port and address"),
  // Routes and proxies
  "route-host-conflict": code("error", "two routes with the same matcher (host, path, clients, priority) on one proxy and entry point"),
  "route-port-unserved": code("error", "a route to a port its target does not serve"),
  "route-target-unknown": code("error", "a route to a container or service the host does not have, or a disabled one"),
  "route-target-unreachable": code("error", "a route to a target the proxy serving it cannot reach (a Podman name off its network, Traefik's API on another proxy)"),
  "route-proxy-ambiguous": code("error", "a route without proxy on a host with several proxies"),
  "route-proxy-none": code("error", "a route without proxy on a host without a proxy"),
  "route-auth-unknown": code("error", "a route's auth names no forward-auth provider"),
  "route-auth-self": code("error", "the auth provider's own route behind itself"),
  "route-no-auth": code("warning", "a route reachable without authentication that is not marked public nor limited to LAN clients"),
  "routed-port-exposed": code("warning", "a routed port also published beyond loopback, bypassing the proxy"),
  "forward-auth-port-unserved": code("error", "forwardAuth on a port the container does not serve"),
} as const satisfies Record<string, CodeInfo>;

/** Auth providers, OIDC clients and DNS rewrites (`auth/`, `dns/`), after the routes' codes. */
const AUTH_CODES = {
  "auth-provider-unknown": code("error", "an auth provider's container does not exist, is disabled, or cannot run it"),
  "auth-provider-duplicate": code("error", "two auth providers have one name"),
  "auth-policy-bypassed": code("warning", "a route's forward auth is a no-op: the provider's own rules bypass that host"),
  "oidc-provider-unknown": code("error", "an OIDC client names no Authelia provider"),
  "oidc-client-duplicate": code("error", "two OIDC clients of one provider have one id"),
  "oidc-secret-unreadable": code("warning", "an OIDC client secret the Authelia instance's user cannot read"),
  "oidc-redirect-insecure": code("warning", "an OIDC redirect URI over plain http"),
  "oidc-redirect-unrouted": code("warning", "an OIDC redirect URI whose host name no route serves"),
  "dns-rewrites-target": code("error", "the AdGuard Home of adguardRewrites is not an enabled NixOS container"),
  "dns-answer-unreachable": code("warning", "the address routed names resolve to is not where clients reach the proxy"),
  "dns-rewrite-conflict": code("error", "a hand-written rewrite answers a routed host name with another address"),
} as const satisfies Record<string, CodeInfo>;

/** The core's codes after the proxies'. */
const LATER_CODES = {
  // Security: what routes expose
  "route-auth-bypassed": code("warning", "a route behind auth whose backend is also reachable directly, skipping the proxy"),
  "forwarded-header-trust": code("warning", "an app trusts forwarded client addresses from loopback only, but the proxy reaches it from another address"),
  "admin-ui-public": code("warning", "an admin interface routed to the internet without authentication"),
  "open-signup-public": code("warning", "an app that lets anyone sign up, routed to the internet without authentication"),
  // Secrets
  "secret-undeclared": code("error", "a config uses a secret the system that evaluates it does not declare"),
  "secret-conflict": code("error", "one secret name declared with different settings"),
  "secret-literal": code("error", "a secret written as a literal (it would land in the world-readable Nix store)"),
  "secret-hash-literal": code("warning", "a password hash written as a literal (readable by every local user, crackable offline)"),
  "identity-paths-empty": code("error", "secrets but no key to decrypt them with"),
  "no-recipients": code("warning", "secrets but no public keys to encrypt them to"),
  "missing-secret-file": code("warning", "an encrypted secret file that does not exist yet (with the command that creates it)"),
  // Podman
  "depends-on-unknown": code("error", "dependsOn names no enabled Podman container"),
  "depends-on-cycle": code("error", "dependsOn forms a cycle"),
  "image-tag": code("warning", "an image without a pinned tag or digest"),
  "podman-user": code("warning", "a Podman container running as the image's default user (often root)"),
  "database-exposed": code("warning", "a database reachable beyond loopback"),
  "media-mount-writable": code("note", "a shared media library mounted writable where nothing needs to write to it (a media server that only reads it, or one of several containers)"),
  // References and releases
  "ref-unknown": code("error", "a reference to a container option that does not exist"),
  "option-unavailable": code("error", "an option the host's NixOS release does not have yet"),
  "option-renamed": code("warning", "an option the host's NixOS release renamed"),
  "option-removed": code("error", "an option the host's NixOS release removed (defining it fails the build)"),
  "secret-owner-dynamic-user": code("error", "a secret owned by a user the release never creates (a service's systemd DynamicUser)"),
  // A first deploy
  "deploy-no-hardware": code("warning", "nothing gives the host a root file system and a boot loader"),
  "identity-not-created": code("warning", "agenix's identity is an SSH host key nothing creates"),
  "acme-dns-credentials": code("warning", "an ACME DNS-01 provider without the credentials it needs"),
  "missing-module-file": code("warning", "a hand-written module the flake imports that does not exist yet"),
  // The host firewall and network (facts/firewall.ts, validate/checks/firewall*.ts, host-network.ts)
  "firewall-port-unused": code("note", "a firewall opening no listener nixjs knows uses, without a for saying what does"),
  "published-port-unfiltered": code("warning", "a published or forwarded port opened on one interface only, which DNAT bypasses"),
  "container-firewall-unserved": code("warning", "a container's own firewall opens a port none of its services serves"),
  "database-port-open": code("warning", "a database port opened in the host firewall on every interface"),
  "bridge-member-address": code("error", "a bridge member with addresses of its own, or in two bridges"),
  "gateway-unreachable": code("warning", "a default gateway outside every subnet of its interfaces"),
  "vlan-parent-invalid": code("error", "a VLAN on itself or on a loop of VLANs"),
  "nat-interface-mismatch": code("warning", "NAT's externalInterface is not the host's uplink (a bridge member, undeclared, or not the gateway's)"),
  // Podman runtime
  "runtime-socket-writable": code("error", "the container runtime's socket (Podman's or Docker's) mounted writable into a container"),
  "runtime-socket-mounted": code("warning", "the container runtime's socket mounted read-only into a container (read-only does not limit the API)"),
  "runtime-socket-public": code("error", "the container runtime's socket mounted into a container routed beyond the LAN"),
  "privileged-capabilities": code("warning", "a privileged container with explicit capabilities, which then mean nothing"),
  "device-everywhere": code("warning", "one device passed to every Podman container (three or more): a shared default"),
  "network-container-unknown": code("error", "network: { container } names no enabled Podman container with a network namespace of its own"),
  // Secret modes
  "secret-mode-too-open": code("warning", "a secret's mode with executable bits or bits for others"),
  "secret-group-readable": code("warning", "a secret its group may read while no group is named"),
  // The flake, state and files
  "unknown-flake-input": code("error", "fromInput, packagesFrom or follows names an input the flake does not have"),
  "flake-input-reserved": code("error", "an input named like one nixjs generates (nixpkgs, the secret backend's)"),
  "mount-point-conflict": code("error", "two mounts of one container at one path (state directory, config file, volume, bind mount)"),
  "state-directory-conflict": code("error", "one host directory declared as state twice with another owner or mode"),
} as const satisfies Record<string, CodeInfo>;

/** Every code nixjs reports. */
export type DiagnosticCode = keyof typeof CORE_CODES | ProxyCode | keyof typeof AUTH_CODES | keyof typeof LATER_CODES
  | keyof typeof NSPAWN_CODES
  | keyof typeof FLEET_CODES
  | keyof typeof DEPLOY_CODES;

/**
 * The registry: code → severity and summary, in the README's order: the core's, each proxy's
 * `<kind>-missing` (in the providers' order), the proxies' own, the rest of the core's.
 * @example DIAGNOSTIC_CODES["port-conflict"].severity // "error"
 */
export const DIAGNOSTIC_CODES: { readonly [C in DiagnosticCode]: CodeInfo } = Object.freeze({
  ...CORE_CODES,
  ...Object.fromEntries(PROXY_PROVIDERS.map((p) => [`${p.kind}-missing`, code("error", p.missingSummary)])),
  ...Object.fromEntries(PROXY_PROVIDERS.flatMap((p) => Object.entries(p.codes))),
  ...AUTH_CODES,
  ...LATER_CODES,
  ...NSPAWN_CODES,
  ...FLEET_CODES,
  ...DEPLOY_CODES,
}) as { readonly [C in DiagnosticCode]: CodeInfo };

/**
 * True for a registered code.
 * @example isDiagnosticCode("port-conflict") // true
 */
export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, value);
}
