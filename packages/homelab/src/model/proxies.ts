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

/** A reverse proxy of a host: one provider module per kind renders and checks it. */
export type Proxy = Traefik | Caddy;

/** The kinds of reverse proxy. */
export type ProxyKind = Proxy["kind"];
