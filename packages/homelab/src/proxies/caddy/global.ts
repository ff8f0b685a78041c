/**
 * Caddy's global options as `services.caddy` bindings: the package (with plugins), the ACME CA,
 * the environment file, the default logger's level, and the global block's own lines (DNS
 * challenge, trusted proxies, the user's lines). NixOS writes `email`, `acmeCA` and
 * `logFormat` into the global block itself; the rest goes through `globalConfig`.
 */
import { n, type NixBinding } from "@nixjs/expr-printer";
import type { Caddy, CaddyAcmeDns } from "./model.ts";
import { caddyLines } from "./sites.ts";

/** A Caddy placeholder reading an environment variable at run time. @example envPlaceholder("CF_API_TOKEN") // "{env.CF_API_TOKEN}" */
export function envPlaceholder(name: string): string {
  return `{env.${name}}`;
}

/**
 * `acme_dns <provider> …`: one variable is the provider's argument, fields are its block.
 * @example acmeDnsLines({ provider: "cloudflare", credentials: "CF_API_TOKEN" }) // [["acme_dns cloudflare {env.CF_API_TOKEN}"]]
 */
export function acmeDnsLines(dns: CaddyAcmeDns): string[][] {
  const c = dns.credentials;
  if (c === undefined) return [[`acme_dns ${dns.provider}`]];
  if (typeof c === "string") return [[`acme_dns ${dns.provider} ${envPlaceholder(c)}`]];
  return [[`acme_dns ${dns.provider} {`], ...c.map((f) => [`  ${f.field} ${envPlaceholder(f.env)}`]), ["}"]];
}

/** The user's own lines, without trailing blank lines (Caddyfile text, kept as written). */
export function userLines(text: string | undefined): string[][] {
  if (text === undefined || text.trim() === "") return [];
  return text.replace(/\n+$/, "").split("\n").map((line) => [line]);
}

/**
 * The user's snippets, `(name) {` + the body indented + `}`, sorted by name (for
 * `services.caddy.extraConfig`, which NixOS writes before the sites that import them).
 * @example snippetLines(caddy({ snippets: { gzip: "encode gzip" } })) // [["(gzip) {"], ["  encode gzip"], ["}"]]
 */
export function snippetLines(caddy: Caddy): string[][] {
  return (caddy.snippets ?? []).flatMap((s) => [[`(${s.name}) {`], ...userLines(s.text).map(([l]) => [l === "" ? "" : `  ${l!}`]), ["}"]]);
}

/** The lines nixjs adds to the global options block, in a fixed order; empty when none. */
function globalLines(caddy: Caddy, derived: readonly string[][]): string[][] {
  const lines: string[][] = [...derived];
  if (caddy.acmeDns !== undefined) lines.push(...acmeDnsLines(caddy.acmeDns));
  if (caddy.trustedProxies !== undefined) {
    lines.push(["servers {"], [`  trusted_proxies static ${caddy.trustedProxies.join(" ")}`], ["}"]);
  }
  lines.push(...userLines(caddy.globalConfig));
  return lines;
}

/**
 * `services.caddy.package`, `acmeCA`, `environmentFile`, `logFormat` and `globalConfig`, each
 * only when set (so a plain `caddy({})` renders as before). `derived`: global lines the routes
 * need (the rate limiter's `order`), first.
 * @example caddyGlobalBindings(caddy({ acmeCA: "staging" })) // [acmeCA = "https://acme-staging-v02…"]
 */
export function caddyGlobalBindings(caddy: Caddy, derived: readonly string[][] = []): { readonly package: NixBinding[]; readonly rest: NixBinding[] } {
  const plugins = caddy.withPlugins;
  const pkg =
    plugins === undefined
      ? []
      : [
          n.bind(
            "package",
            n.call(
              "pkgs.caddy.withPlugins",
              n.attrs([n.bind("plugins", n.list(plugins.plugins.map((p) => n.str(p)))), ...(plugins.hash === undefined ? [] : [n.bind("hash", plugins.hash)])]),
            ),
          ),
        ];
  const lines = globalLines(caddy, derived);
  const rest = [
    ...(caddy.acmeCA === undefined ? [] : [n.bind("acmeCA", caddy.acmeCA)]),
    ...(caddy.environmentFile === undefined ? [] : [n.bind("environmentFile", caddy.environmentFile.path)]),
    ...(caddy.logLevel === undefined ? [] : [n.bind("logFormat", n.indented(caddyLines([`level ${caddy.logLevel}`])))]),
    ...(lines.length === 0 ? [] : [n.bind("globalConfig", n.indented(caddyLines(...lines)))]),
  ];
  return { package: pkg, rest };
}
