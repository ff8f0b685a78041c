/** The builder of Caddy (`caddy()`) and its brand predicate (`caddyRoute()` is in route.ts). */
import { guarded } from "../../builders/collect.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { brandOf } from "../../model/brand.ts";
import { captureSite } from "../../site/capture.ts";
import type { Zod } from "../../schema/zod.ts";
import { LETSENCRYPT_STAGING } from "../acme.ts";
import type { Caddy, CaddyAcmeDns, CaddyReverseProxy } from "./model.ts";
import { caddyReverseProxySchema, caddySchema, type CaddyOptions } from "./schema.ts";

/** `acmeCA`'s directory URL; `"production"` is Caddy's default issuers, so nothing is written. */
function acmeDirectory(ca: string | undefined): string | undefined {
  if (ca === "staging") return LETSENCRYPT_STAGING;
  return ca === "production" ? undefined : ca;
}

/** A record's entries sorted by key (order carries no meaning; output must not depend on it). */
function byKey<T>(record: { readonly [key: string]: T }): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function dnsCredentials(c: string | { readonly [field: string]: string } | undefined): CaddyAcmeDns["credentials"] {
  if (c === undefined || typeof c === "string") return c;
  return byKey(c).map(([field, env]) => ({ field, env }));
}

/**
 * Caddy as a host service on :80 and :443 (TCP, and UDP for HTTP/3); routes (`caddyRoute`)
 * become its virtual hosts. Beside Traefik, move it to other ports (`httpPort`, `httpsPort`).
 * @example caddy({ email: "admin@example.org" })
 * @example caddy({ httpPort: 8081, httpsPort: 8443 })
 * @example
 * caddy({
 *   email: "admin@example.org",
 *   acmeDns: { provider: "cloudflare", credentials: "CF_API_TOKEN" },
 *   environmentFile: secret("caddy-env"),
 *   withPlugins: { plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"], hash: "sha256-…" },
 *   trustedProxies: ["private_ranges"],
 * })
 */
export function caddy(options: CaddyOptions = {}): Caddy {
  const site = captureSite(caddy);
  return guarded("caddy", () => ({ site }), () => {
    const o = parseInput(caddySchema, options, { label: callLabel("caddy"), site });
    return branded("caddy", {
      kind: "caddy",
      ...optional("email", o.email),
      // Defaults are left out, so the renderer only writes ports that differ from NixOS's.
      ...optional("httpPort", o.httpPort === 80 ? undefined : o.httpPort),
      ...optional("httpsPort", o.httpsPort === 443 ? undefined : o.httpsPort),
      ...optional("acmeCA", acmeDirectory(o.acmeCA)),
      ...optional("acmeDns", o.acmeDns && { provider: o.acmeDns.provider, ...optional("credentials", dnsCredentials(o.acmeDns.credentials)) }),
      ...optional("environmentFile", o.environmentFile),
      ...optional("withPlugins", o.withPlugins && { plugins: [...o.withPlugins.plugins], ...optional("hash", o.withPlugins.hash) }),
      ...optional("trustedProxies", o.trustedProxies && [...o.trustedProxies]),
      ...optional("snippets", o.snippets && byKey(o.snippets).map(([name, text]) => ({ name, text }))),
      ...optional("logLevel", o.logLevel),
      ...optional("globalConfig", o.globalConfig),
      site,
    } satisfies Caddy);
  });
}

/** True for a value made by `caddy()`. @example isCaddy(caddy({})) */
export function isCaddy(value: unknown): value is Caddy {
  return brandOf(value) === "caddy";
}

/**
 * A route's `reverseProxy` option as the model keeps it (headers as given, the renderer sorts).
 * @example caddyReverseProxy({ upstreams: ["10.0.0.6:8080"] }) // { upstreams: [...], headerUp: {}, headerDown: {} }
 */
export function caddyReverseProxy(o: Zod.output<typeof caddyReverseProxySchema>): CaddyReverseProxy {
  return {
    upstreams: [...(o.upstreams ?? [])],
    ...optional("lbPolicy", o.lbPolicy),
    headerUp: { ...(o.headerUp ?? {}) },
    headerDown: { ...(o.headerDown ?? {}) },
  };
}
