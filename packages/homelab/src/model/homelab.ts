import type { Release } from "../releases/release.ts";
import type { Container, NixConfig } from "./containers.ts";
import type { ServicePort } from "./ports.ts";
import type { HostFirewall, NetworkStack } from "./host-network.ts";
import type { AuthProvider, DnsRewrites, OidcClient } from "./auth.ts";
import type { Proxy } from "./proxies.ts";
import type { Route } from "./routing.ts";
import type { Secret } from "./secret.ts";
import type { FlakeSetup } from "./flake.ts";
import type { SourceSite } from "./site.ts";
import type { Deployment, Fleet } from "./fleet.ts";

/** A host-level systemd service that is not a container (e.g. cloudflared). */
export interface HostService {
  readonly kind: "service";
  readonly name: string;
  readonly enable: boolean;
  readonly description?: string;
  /** Host ports it listens on (checked for conflicts, opened unless on loopback). */
  readonly ports: readonly ServicePort[];
  /** Host-level secrets it reads. */
  readonly secrets: readonly Secret[];
  /** Host NixOS configuration for the service. */
  readonly config: NixConfig;
  readonly site: SourceSite;
}

/** How synth lays out the `server/` tree. */
export type Layout =
  | { readonly kind: "flat" }
  | {
      readonly kind: "modules";
      /** Option namespace of the per-container modules, e.g. `"hwc.server.containers"`. */
      readonly namespace: string;
      /** Further per-container options beyond `enable`/`port`/`domain` (absent: none). */
      readonly options?: readonly ModuleOption[];
    };

/**
 * A per-container option the modules layout may declare, so a host module can change it
 * without `lib.mkForce`: `image` (a Podman container's image and tag, e.g. to pin or roll back
 * one machine) and `autoStart` (whether a NixOS container starts at boot).
 */
export type ModuleOption = "image" | "autoStart";

/** A host's network as containers see it. */
export interface HostNetwork {
  /** IPv4 CIDR that private-network container addresses come from. */
  readonly pool: string;
  /** NAT uplink, e.g. `"enp1s0"`. */
  readonly externalInterface?: string;
  /** The host uses nftables (NAT wildcard `ve-*` instead of `ve-+`). */
  readonly nftables: boolean;
  /** The host's own interfaces, gateways, DNS, bridges, VLANs and IPv6, when declared. */
  readonly stack?: NetworkStack;
}

/** One machine: everything `nixosConfigurations.<name>` is made of. */
export interface Host {
  readonly kind: "host";
  /** `networking.hostName` and `nixosConfigurations.<name>`. */
  readonly name: string;
  /** The NixOS release the host runs: what every option is rendered for. */
  readonly release: Release;
  /** `system.stateVersion` of the host and of every container guest (the state's birth release). */
  readonly stateVersion: string;
  /** `nixpkgs.hostPlatform`, e.g. `"x86_64-linux"`. */
  readonly system: string;
  /** Flake input URL of nixpkgs (follows `release`). */
  readonly nixpkgs: string;
  readonly network: HostNetwork;
  /** Extra firewall openings and trusted interfaces, when declared (`homelab({ firewall })`). */
  readonly firewall?: HostFirewall;
  /** Its reverse proxies, at most one of each kind. */
  readonly proxies: readonly Proxy[];
  readonly containers: readonly Container[];
  readonly services: readonly HostService[];
  /**
   * Routes not given to a container: to a host service, a host port, a LAN device, Traefik's
   * dashboard, a redirect (a container's own routes are its `routes`).
   */
  readonly routes: readonly Route[];
  /** Forward-auth providers (Authelia, Authentik) routes refer to by name. */
  readonly auth: readonly AuthProvider[];
  /** OIDC clients of the auth providers, from the containers that use them. */
  readonly oidcClients: readonly OidcClient[];
  /** Local DNS records derived from the routes. */
  readonly dns: readonly DnsRewrites[];
  /** Hand-written modules the flake imports too, relative to the output directory. */
  readonly modules: readonly string[];
  /** Further flake inputs, input modules, `specialArgs` and overlays; absent when none is used. */
  readonly flake?: FlakeSetup;
  /** The host's private keys that decrypt its secrets (bind-mounted read-only into containers that need them). */
  readonly identityPaths: readonly string[];
  /**
   * Fleet hosts: the LAN address other hosts reach it at (cross-host routes, the firewall's
   * source filter, `hostRef(name).address`); default the only static IPv4 address of its
   * interfaces.
   */
  readonly address?: string;
  /** Fleet hosts: its public key (SSH or age), the recipient of the secrets it decrypts. */
  readonly hostKey?: string;
  /** Fleet hosts: how the deploy tools reach it. */
  readonly deployment?: Deployment;
  readonly site: SourceSite;
}

/** How secrets are kept, for every host: with agenix or with sops-nix. */
export type SecretsSetup = AgenixSetup | SopsSetup;

/** agenix: `.age` files, recipients in `secrets/secrets.nix`. */
export interface AgenixSetup {
  readonly backend: "agenix";
  /** Public keys that may decrypt, by name: the recipients of the rules file (`secrets.nix`). */
  readonly recipients: { readonly [name: string]: string };
}

/** sops-nix: one sops-encrypted file per secret (`format = "binary"`), recipients in `.sops.yaml`. */
export interface SopsSetup {
  readonly backend: "sops";
  /** age public keys (`age1…`) that may decrypt, by name: the `key_groups` of `.sops.yaml`. */
  readonly recipients: { readonly [name: string]: string };
  /** `sops.age.keyFile`: an age private key on the machine, when it decrypts with one. */
  readonly ageKeyFile?: string;
  /** `sops.age.sshKeyPaths`: SSH ed25519 private keys converted to age keys to decrypt with. */
  readonly sshKeyPaths: readonly string[];
}

/**
 * The whole homelab: its hosts (one, written with `homelab({ hostName, … })`) and what they
 * share (the domain, the secret setup, the tree's layout).
 */
export interface Homelab {
  readonly kind: "homelab";
  /** The domain routes' subdomains belong to. */
  readonly domain: string;
  readonly hosts: readonly Host[];
  readonly secrets: SecretsSetup;
  readonly layout: Layout;
  /**
   * Present when written as a fleet (`homelab({ hosts })`, even of one host): the tree is then
   * laid out per host (`hosts/<name>/…`) with deploy outputs; absent for `homelab({ hostName })`.
   */
  readonly fleet?: Fleet;
  readonly site: SourceSite;
}
