/** The input schemas of `caddy()` and of the Caddy route option `reverseProxy` (`caddyRoute()`'s is in route.ts). */
import { email, port, secretRef } from "../../schema/primitives.ts";
import { z, type Input } from "../../schema/zod.ts";

const CA = 'expected "production", "staging" or an ACME directory URL (https://…)';
const ENV_PROVIDER = 'expected a DNS provider module name like "cloudflare"';
const HASH = 'expected a hash like "sha256-…=" (the one the failing build prints)';

/** An environment variable's name: credentials are named, never written into the config. */
const envName = z
  .string({ error: 'expected a variable name like "CF_API_TOKEN"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a variable name like "CF_API_TOKEN" (its value goes in environmentFile)' });

/** A Caddy plugin as nixpkgs' `withPlugins` takes it: a Go module path and its tag (required). */
const plugin = z
  .string({ error: "expected a plugin like \"github.com/caddy-dns/cloudflare@v0.2.1\"" })
  .regex(/^[a-z0-9.-]+\.[a-z]+(\/[A-Za-z0-9._~-]+)+@v?[0-9][A-Za-z0-9.+-]*$/, {
    error: 'expected a Go module with its tag like "github.com/caddy-dns/cloudflare@v0.2.1" (nixpkgs refuses untagged plugins)',
  });

const IPV4 = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";
const TRUSTED = new RegExp(`^(private_ranges|${IPV4}(/(3[0-2]|[12]?\\d))?|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?)$`);

/** An address or CIDR (IPv4 or IPv6), or `private_ranges`. */
const trustedProxy = z
  .string({ error: 'expected an address or CIDR like "173.245.48.0/20", or "private_ranges"' })
  .regex(TRUSTED, { error: 'expected an address or CIDR like "173.245.48.0/20", or "private_ranges"' });

/** Options of `caddy()`. */
export const caddySchema = z.strictObject(
  {
    /**
     * ACME account e-mail (global `email`).
     * @example email: "admin@example.org"
     */
    email: email.optional(),
    /**
     * Plain-HTTP port (`services.caddy.httpPort`). Default 80.
     * @example httpPort: 8081
     */
    httpPort: port.optional(),
    /**
     * HTTPS port, TCP and UDP for HTTP/3 (`services.caddy.httpsPort`). Default 443.
     * @example httpsPort: 8443
     */
    httpsPort: port.optional(),
    /**
     * The ACME CA (`services.caddy.acmeCA`): `"staging"` is Let's Encrypt's staging directory
     * (untrusted certificates, generous rate limits: for trying a setup out); `"production"`
     * and absent leave Caddy's default issuers (Let's Encrypt, then ZeroSSL), as NixOS
     * recommends; or another CA's directory URL.
     * @example acmeCA: "staging"
     * @example acmeCA: "https://acme.zerossl.com/v2/DV90"
     */
    acmeCA: z
      .union([z.enum(["production", "staging"]), z.string().regex(/^https:\/\/[^\s{}]+$/, { error: CA })], { error: CA })
      .optional(),
    /**
     * The DNS-01 challenge for every site (global `acme_dns`): the only way to wildcard
     * certificates and names the internet cannot reach. Needs a Caddy built with the provider's
     * plugin (`withPlugins`) and its credentials in `environmentFile`; `credentials` names the
     * variables (one: the provider's argument; a record: its fields), never their values.
     * @example acmeDns: { provider: "cloudflare", credentials: "CF_API_TOKEN" }
     * @example acmeDns: { provider: "porkbun", credentials: { api_key: "PORKBUN_API_KEY", api_secret_key: "PORKBUN_API_SECRET_KEY" } }
     */
    acmeDns: z
      .strictObject(
        {
          /** @example provider: "cloudflare" */
          provider: z.string({ error: ENV_PROVIDER }).regex(/^[a-z][a-z0-9_]*$/, { error: ENV_PROVIDER }),
          /** @example credentials: "CF_API_TOKEN" */
          credentials: z
            .union([envName, z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, { error: "expected a provider field like \"api_token\"" }), envName)], {
              error: 'expected a variable name like "CF_API_TOKEN", or { field: "VARIABLE" }',
            })
            .optional(),
        },
        { error: 'expected { provider: "cloudflare", credentials: "CF_API_TOKEN" }' },
      )
      .optional(),
    /**
     * A secret with environment variables for Caddy (`services.caddy.environmentFile`):
     * the DNS provider's token, anything `{env.X}` or `{$X}` reads.
     * @example environmentFile: secret("caddy-env")
     */
    environmentFile: secretRef.optional(),
    /**
     * Caddy built with plugins (`services.caddy.package = pkgs.caddy.withPlugins { … }`): Go
     * modules with their tags, and the hash of their sources (leave it out once: the build
     * fails and prints it).
     * @example withPlugins: { plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"], hash: "sha256-…" }
     */
    withPlugins: z
      .strictObject(
        {
          /** @example plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"] */
          plugins: z.array(plugin, { error: "expected a list of plugins" }).min(1, { error: "expected at least one plugin" }),
          /** @example hash: "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" */
          hash: z.string({ error: HASH }).regex(/^sha256-[A-Za-z0-9+/]{43}=$/, { error: HASH }).optional(),
        },
        { error: 'expected { plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"], hash: "sha256-…" }' },
      )
      .optional(),
    /**
     * Proxies in front of Caddy whose `X-Forwarded-For` it believes (`servers { trusted_proxies
     * static … }`): a Cloudflare tunnel, a CDN, a load balancer. `"private_ranges"` is every
     * private and loopback range.
     * @example trustedProxies: ["private_ranges"]
     * @example trustedProxies: ["173.245.48.0/20", "103.21.244.0/22"]
     */
    trustedProxies: z.array(trustedProxy, { error: "expected a list of addresses or CIDRs" }).min(1, { error: "expected at least one address" }).optional(),
    /**
     * Caddyfile snippets defined once (`(name) { … }`, before the sites) and imported where
     * needed (`extraConfig: "import security-headers"`).
     * @example snippets: { "security-headers": "header Strict-Transport-Security max-age=31536000" }
     */
    snippets: z
      .record(
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'expected a snippet name like "security-headers"' }),
        z.string({ error: "expected Caddyfile text" }),
        { error: "expected { name: Caddyfile text }" },
      )
      .optional(),
    /**
     * The default logger's level (`services.caddy.logFormat`). Default NixOS's `"ERROR"`.
     * @example logLevel: "INFO"
     */
    logLevel: z.enum(["DEBUG", "INFO", "WARN", "ERROR"], { error: 'expected "DEBUG", "INFO", "WARN" or "ERROR"' }).optional(),
    /**
     * Further global options, appended to `services.caddy.globalConfig`.
     * @example globalConfig: "grace_period 10s"
     */
    globalConfig: z.string({ error: "expected Caddyfile text" }).optional(),
  },
  { error: "expected an object with Caddy options" },
);

/** What `caddy()` accepts. */
export type CaddyOptions = Input<typeof caddySchema>;

const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const headerMap = (directive: string) =>
  z.record(z.string().regex(HEADER, { error: 'expected a header name like "X-Real-IP"' }), z.string({ error: "expected the header's value (empty: removed)" }), {
    error: `expected { header: value } for ${directive}`,
  });

/**
 * A Caddy route's `reverse_proxy` beyond its target (`caddyRoute({ reverseProxy })`,
 * `route({ reverseProxy })`).
 */
export const caddyReverseProxySchema = z.strictObject(
  {
    /**
     * Further upstreams, load-balanced with the target: `host:port` or `http(s)://host:port`.
     * @example upstreams: ["10.0.0.6:8080"]
     */
    upstreams: z
      .array(
        z.string({ error: 'expected an upstream like "10.0.0.6:8080"' }).regex(/^(https?:\/\/)?[A-Za-z0-9.[\]:-]+:\d{1,5}$/, {
          error: 'expected an upstream like "10.0.0.6:8080" or "http://192.168.1.21:8123"',
        }),
      )
      .optional(),
    /**
     * How Caddy picks an upstream (`lb_policy`). Default Caddy's `random`.
     * @example lbPolicy: "first"
     */
    lbPolicy: z
      .enum(["random", "round_robin", "least_conn", "first", "ip_hash", "client_ip_hash", "uri_hash"], {
        error: 'expected "random", "round_robin", "least_conn", "first", "ip_hash", "client_ip_hash" or "uri_hash"',
      })
      .optional(),
    /**
     * Headers set on the proxied request (`header_up`; empty value: removed).
     * @example headerUp: { Host: "{upstream_hostport}" }
     */
    headerUp: headerMap("header_up").optional(),
    /**
     * Headers set on the upstream's response (`header_down`; empty value: removed).
     * @example headerDown: { Server: "" }
     */
    headerDown: headerMap("header_down").optional(),
  },
  { error: "expected { upstreams?, lbPolicy?, headerUp?, headerDown? }" },
);

/** What `reverseProxy` accepts. */
export type CaddyReverseProxyOptions = Input<typeof caddyReverseProxySchema>;
