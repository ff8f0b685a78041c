/** Traefik's model object, as `traefik()` makes it (its routes are the core's `Route`). */
import type { Secret } from "../../model/secret.ts";
import type { SourceSite } from "../../model/site.ts";
import type { TraefikPodman, TraefikPodmanCode } from "./podman-model.ts";
import type { CertResolver, ServersTransport, TlsOptions, TraefikAccessLog, TraefikContainerOptions, TraefikEntryPoint, TraefikLog } from "./static-model.ts";

/**
 * Traefik: the `traefik` nspawn container on the host network (seed 000), a host service, or
 * the `traefik` Podman container reading routes from its containers' labels.
 */
export interface Traefik {
  readonly kind: "traefik";
  readonly mode: "container" | "service" | "podman";
  /** `mode: "podman"` only: the Traefik OCI container's own options. */
  readonly podman?: TraefikPodman;
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
  /** `api.dashboard`. */
  readonly dashboard: boolean;
  /** `api.insecure`: the API and dashboard on the `traefik` entry point (:8080), unauthenticated. */
  readonly apiInsecure: boolean;
  /**
   * Entry points declared or adjusted by the user; `web` (:80) and `entryPoint` (:443) exist
   * without them (see `entryPointsOf`).
   */
  readonly entryPoints: readonly TraefikEntryPoint[];
  /** Certificate resolvers besides the short form `certResolver` + `acme`. */
  readonly certResolvers: readonly CertResolver[];
  /** Named TLS options (dynamic `tls.options`); `default` applies to every router without one. */
  readonly tlsOptions: readonly TlsOptions[];
  readonly log?: TraefikLog;
  readonly accessLog?: TraefikAccessLog;
  readonly serversTransport?: ServersTransport;
  /** The implicit `traefik` container's own options (`mode: "container"`). */
  readonly container: TraefikContainerOptions;
  readonly site: SourceSite;
}

/** The diagnostic codes of Traefik's own checks (besides `traefik-missing`). */
export type TraefikCode =
  | "unknown-entry-point"
  | "unknown-cert-resolver"
  | "unknown-tls-options"
  | "traefik-api-insecure"
  | "traefik-insecure-skip-verify"
  | "traefik-debug-log"
  | "traefik-staging-resolver"
  | "traefik-acme-ephemeral"
  | "traefik-middleware-conflict"
  | "traefik-unsupported"
  | TraefikPodmanCode;
