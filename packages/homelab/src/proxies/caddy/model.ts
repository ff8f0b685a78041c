/** Caddy's model object, as `caddy()` makes it (its routes are the core's `Route`). */
import type { Secret } from "../../model/secret.ts";
import type { SourceSite } from "../../model/site.ts";

/**
 * The ACME DNS-01 challenge for every site (global `acme_dns <provider> …`): needs a Caddy built
 * with the provider's plugin (`withPlugins`), and its credentials in `environmentFile`.
 */
export interface CaddyAcmeDns {
  /** The provider module's name, `dns.providers.<provider>`: `"cloudflare"`, `"porkbun"`. */
  readonly provider: string;
  /**
   * The provider's credentials as environment variable NAMES, never values: one variable is
   * the provider's single argument (`acme_dns cloudflare {env.CF_API_TOKEN}`); fields are its
   * block (`api_key {env.PORKBUN_API_KEY}`), sorted by field. Absent: `acme_dns <provider>`.
   */
  readonly credentials?: string | readonly CaddyDnsField[];
}

/** One field of a DNS provider's block: `api_key {env.PORKBUN_API_KEY}`. */
export interface CaddyDnsField {
  readonly field: string;
  readonly env: string;
}

/** `pkgs.caddy.withPlugins { plugins; hash; }`: Caddy built with plugins (DNS providers, rate limits). */
export interface CaddyPlugins {
  /** Go modules with their tags, nixpkgs' spelling: `"github.com/caddy-dns/cloudflare@v0.2.1"`. */
  readonly plugins: readonly string[];
  /** The vendored sources' hash; absent: nixpkgs' fake hash, and the first build prints the real one. */
  readonly hash?: string;
}

/** A Caddyfile snippet defined once (`(name) { … }`) and imported by sites (`import name`). */
export interface CaddySnippet {
  readonly name: string;
  /** Its body, Caddyfile text. */
  readonly text: string;
}

/**
 * Caddy's `reverse_proxy` beyond the route's target (`caddyRoute({ reverseProxy })`): more
 * upstreams to balance over, the policy that picks one, and headers set on the proxied request
 * (`header_up`) and on the upstream's response (`header_down`); an empty value removes.
 */
export interface CaddyReverseProxy {
  /** Further upstreams, beside the target: `"10.0.0.6:8080"`, `"http://192.168.1.21:8123"`. */
  readonly upstreams: readonly string[];
  /** `lb_policy` (Caddy's default: `random`). */
  readonly lbPolicy?: "random" | "round_robin" | "least_conn" | "first" | "ip_hash" | "client_ip_hash" | "uri_hash";
  readonly headerUp: { readonly [name: string]: string };
  readonly headerDown: { readonly [name: string]: string };
}

/** Caddy's log levels (the default logger's `level`). */
export type CaddyLogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

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
  /** `services.caddy.acmeCA`: the ACME directory URL; absent: Caddy's default issuers. */
  readonly acmeCA?: string;
  readonly acmeDns?: CaddyAcmeDns;
  /** `services.caddy.environmentFile`: the variables `{env.X}` placeholders read. */
  readonly environmentFile?: Secret;
  /** `services.caddy.package` built with plugins; absent: `pkgs.caddy`. */
  readonly withPlugins?: CaddyPlugins;
  /**
   * `servers { trusted_proxies static … }`: proxies in front of Caddy (a tunnel, a CDN) whose
   * `X-Forwarded-For` Caddy believes; addresses, CIDRs or `private_ranges`. Absent: none.
   */
  readonly trustedProxies?: readonly string[];
  /** Snippets for `services.caddy.extraConfig`, sorted by name. Absent: none. */
  readonly snippets?: readonly CaddySnippet[];
  /** The default logger's level (`services.caddy.logFormat`); absent: NixOS's `ERROR`. */
  readonly logLevel?: CaddyLogLevel;
  /** Further global options, appended to `services.caddy.globalConfig`. */
  readonly globalConfig?: string;
  readonly site: SourceSite;
}

/** The diagnostic codes of Caddy's own checks (besides `caddy-missing`). */
export type CaddyCode =
  | "caddy-dns-credentials"
  | "caddy-plugin-missing"
  | "caddy-plugins-hash"
  | "caddy-debug-log"
  | "caddy-snippet-clash"
  | "caddy-tls-internal-public"
  | "caddy-unsupported";
