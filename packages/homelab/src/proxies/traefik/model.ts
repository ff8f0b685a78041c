/** Traefik's model object, as `traefik()` makes it (its routes are the core's `Route`). */
import type { Secret } from "../../model/secret.ts";
import type { SourceSite } from "../../model/site.ts";

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

/** The diagnostic codes of Traefik's own checks (besides `traefik-missing`). */
export type TraefikCode = "unknown-entry-point";
