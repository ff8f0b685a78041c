import type { Container, NixConfig } from "./containers.ts";
import type { ServicePort } from "./ports.ts";
import type { Secret } from "./secret.ts";
import type { SourceSite } from "./site.ts";

/** Traefik: the `traefik` nspawn container on the host network (seed 000), or a host service. */
export interface Traefik {
  readonly kind: "traefik";
  readonly mode: "container" | "service";
  /** Entry point routes use by default, e.g. `"websecure"`. */
  readonly entryPoint: string;
  /** Certificate resolver routes use by default, e.g. `"cloudflare"`. */
  readonly certResolver?: string;
  /** ACME account for `certResolver`. */
  readonly acme?: {
    readonly email: string;
    /** DNS-01 provider (e.g. `"cloudflare"`); HTTP-01 on the `web` entry point when absent. */
    readonly dnsProvider?: string;
  };
  /** Environment files for Traefik (DNS API tokens). */
  readonly environmentFiles: readonly Secret[];
  /** Redirect `web` (:80) to the TLS entry point. */
  readonly redirectToHttps: boolean;
  readonly dashboard: boolean;
  readonly site: SourceSite;
}

/** Caddy as a host service. */
export interface Caddy {
  readonly kind: "caddy";
  readonly email?: string;
  /**
   * `services.caddy.httpPort` when not the default 80 (e.g. beside Traefik on the same host);
   * absent: 80.
   */
  readonly httpPort?: number;
  /** `services.caddy.httpsPort` when not the default 443; absent: 443. */
  readonly httpsPort?: number;
  readonly site: SourceSite;
}

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
    };

/** One host: everything `nixosConfigurations.<hostName>` is made of. */
export interface Homelab {
  readonly kind: "homelab";
  readonly hostName: string;
  readonly domain: string;
  /** `system.stateVersion` of the host and of every container guest. */
  readonly stateVersion: string;
  /** `nixpkgs.hostPlatform`, e.g. `"x86_64-linux"`. */
  readonly system: string;
  /** Flake input URL of nixpkgs. */
  readonly nixpkgs: string;
  readonly network: {
    /** IPv4 CIDR that private-network container addresses come from. */
    readonly pool: string;
    /** NAT uplink, e.g. `"enp1s0"`. */
    readonly externalInterface?: string;
    /** The host uses nftables (NAT wildcard `ve-*` instead of `ve-+`). */
    readonly nftables: boolean;
  };
  readonly agenix: {
    /** Host keys that decrypt secrets (bind-mounted read-only into containers that need them). */
    readonly identityPaths: readonly string[];
    /** Public keys that may decrypt, by name: the `secrets.nix` recipients. */
    readonly recipients: { readonly [name: string]: string };
  };
  readonly traefik?: Traefik;
  readonly caddy?: Caddy;
  readonly containers: readonly Container[];
  readonly services: readonly HostService[];
  /** Hand-written modules the flake imports too, relative to the output directory. */
  readonly modules: readonly string[];
  readonly layout: Layout;
  readonly site: SourceSite;
}
