/**
 * The middleware builders: middlewares as values, each `(name, options)`, defined once and
 * shared by many routes. Each proxy renders them its own way (Traefik `http.middlewares`,
 * Caddy directives). A route whose chain holds `forwardAuth()` or `basicAuth()` counts as
 * authenticated.
 */
import type {
  BasicAuthMiddleware,
  ChainMiddleware,
  ForwardAuthMiddleware,
  HeadersMiddleware,
  IpAllowListMiddleware,
  Middleware,
  RateLimitMiddleware,
  RedirectMiddleware,
  SecurityHeaders,
  StripPrefixMiddleware,
} from "../model/middleware.ts";
import type { SourceSite } from "../model/site.ts";
import {
  basicAuthSchema,
  chainSchema,
  forwardAuthSchema,
  headersSchema,
  ipAllowListSchema,
  periodSeconds,
  rateLimitSchema,
  redirectRegexSchema,
  stripPrefixSchema,
  type ForwardAuthOptions,
  type HeadersOptions,
  type RateLimitOptions,
  type RedirectRegexOptions,
} from "../schema/middleware.ts";
import { middlewareName } from "../schema/primitives.ts";
import { z, type Zod } from "../schema/zod.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Parses `(name, options)` of a middleware builder; `field` names a positional list in
 * messages (`chain("secure")`: `middlewares[1]: …`).
 */
function parseMiddleware<S extends Zod.ZodType>(builder: string, name: unknown, schema: S, options: unknown, site: SourceSite, field?: string): Zod.output<S> {
  const call = { label: callLabel(builder, name), site };
  const leading = argumentProblems(middlewareName, name, "name");
  if (field === undefined) return parseInput(schema, options, call, undefined, leading);
  return (parseInput(z.object({ [field]: schema }), { [field]: options }, call, undefined, leading) as Record<string, unknown>)[field] as Zod.output<S>;
}

/** Builds a middleware: brands it, or stands in for a rejected call while a config loads. */
function make<M extends Middleware>(kind: M["kind"], name: unknown, site: SourceSite, build: () => M): M {
  return guarded("middleware", () => ({ kind, name: String(name), site }), () => branded("middleware", build()));
}

/**
 * Forward authentication through an auth provider (Authelia, Authentik, or a container with
 * `forwardAuth`), by the provider's name; provider-independent, so routes say `forwardAuth`
 * and the provider decides how. Counts as authentication.
 * @example forwardAuth("authelia")
 * @example forwardAuth("admins", { provider: "authelia", policy: "two_factor" })
 */
export function forwardAuth(name: string, options: ForwardAuthOptions = {}): ForwardAuthMiddleware {
  const site = captureSite(forwardAuth);
  return make("forwardAuth", name, site, () => {
    const o = parseMiddleware("forwardAuth", name, forwardAuthSchema, options, site);
    return { kind: "forwardAuth", name, provider: o.provider ?? name, ...optional("policy", o.policy), site };
  });
}

/**
 * Several middlewares as one, applied in order (Traefik `chain`; Caddy applies each). Not
 * empty; a chain counts as authentication when one of its members does.
 * @example chain("secure", [forwardAuth("authelia"), headers("security", { security: true })])
 */
export function chain(name: string, middlewares: readonly Middleware[]): ChainMiddleware {
  const site = captureSite(chain);
  return make("chain", name, site, () => {
    const list = parseMiddleware("chain", name, chainSchema, middlewares, site, "middlewares");
    return { kind: "chain", name, middlewares: [...list], site };
  });
}

function security(input: HeadersOptions["security"]): SecurityHeaders | undefined {
  if (input === undefined) return undefined;
  const o = input === true ? {} : input;
  return {
    stsSeconds: o.stsSeconds ?? 31536000,
    stsIncludeSubdomains: o.stsIncludeSubdomains ?? true,
    stsPreload: o.stsPreload ?? false,
    contentTypeNosniff: o.contentTypeNosniff ?? true,
    frameOptions: o.frameOptions ?? "SAMEORIGIN",
    ...optional("referrerPolicy", o.referrerPolicy),
    ...optional("contentSecurityPolicy", o.contentSecurityPolicy),
  };
}

/**
 * Response and request headers: security headers (HSTS, nosniff, frame options, CSP), CORS,
 * and headers to set or remove (empty value).
 * @example headers("security", { security: true })
 * @example headers("cors", { cors: { allowOrigins: ["https://app.example.org"] } })
 */
export function headers(name: string, options: HeadersOptions): HeadersMiddleware {
  const site = captureSite(headers);
  return make("headers", name, site, () => {
    const o = parseMiddleware("headers", name, headersSchema, options, site);
    const sorted = (r: Readonly<Record<string, string>> | undefined) =>
      Object.fromEntries(Object.keys(r ?? {}).sort(byCodeUnit).map((k) => [k, r![k]!]));
    return {
      kind: "headers",
      name,
      ...optional("security", security(o.security)),
      ...optional(
        "cors",
        o.cors && {
          allowOrigins: o.cors.allowOrigins,
          allowMethods: o.cors.allowMethods ?? ["GET", "POST", "OPTIONS"],
          allowHeaders: o.cors.allowHeaders ?? [],
          allowCredentials: o.cors.allowCredentials ?? false,
          ...optional("maxAge", o.cors.maxAge),
        },
      ),
      request: sorted(o.request),
      response: sorted(o.response),
      site,
    };
  });
}

/**
 * Only these client addresses (IPv4/IPv6 addresses or CIDRs); others get 403. Restricts but
 * does not authenticate.
 * @example ipAllowList("lan", ["192.168.0.0/16", "10.0.0.0/8"])
 */
export function ipAllowList(name: string, sourceRange: readonly string[]): IpAllowListMiddleware {
  const site = captureSite(ipAllowList);
  return make("ipAllowList", name, site, () => {
    const list = parseMiddleware("ipAllowList", name, ipAllowListSchema, sourceRange, site, "sourceRange");
    return { kind: "ipAllowList", name, sourceRange: [...list], site };
  });
}

/**
 * HTTP basic authentication: users and their bcrypt hashes (`caddy hash-password`,
 * `htpasswd -nB`), never plain passwords. Counts as authentication.
 * @example basicAuth("family", { alice: "$2y$05$…" })
 */
export function basicAuth(name: string, users: Readonly<Record<string, string>>): BasicAuthMiddleware {
  const site = captureSite(basicAuth);
  return make("basicAuth", name, site, () => {
    const o = parseMiddleware("basicAuth", name, basicAuthSchema, users, site, "users");
    return { kind: "basicAuth", name, users: Object.keys(o).sort(byCodeUnit).map((user) => ({ user, hash: o[user]! })), site };
  });
}

/**
 * Requests per client: `average` per `period` (seconds or `"1m"`; default a second), with
 * bursts of `burst`.
 * @example rateLimit("api", { average: 100, burst: 50 })
 * @example rateLimit("login", { average: 10, burst: 5, period: "1m" })
 */
export function rateLimit(name: string, options: RateLimitOptions): RateLimitMiddleware {
  const site = captureSite(rateLimit);
  return make("rateLimit", name, site, () => {
    const o = parseMiddleware("rateLimit", name, rateLimitSchema, options, site);
    return { kind: "rateLimit", name, average: o.average, burst: o.burst, periodSeconds: periodSeconds(o.period), site };
  });
}

/**
 * Redirects URLs matching `regex` (RE2) to `replacement` (`${1}` for groups): `www.` to the
 * apex, old paths to new ones. Temporary unless `permanent`.
 * @example redirectRegex("no-www", { regex: "^https://www\\.(.*)", replacement: "https://${1}", permanent: true })
 */
export function redirectRegex(name: string, options: RedirectRegexOptions): RedirectMiddleware {
  const site = captureSite(redirectRegex);
  return make("redirect", name, site, () => {
    const o = parseMiddleware("redirectRegex", name, redirectRegexSchema, options, site);
    return { kind: "redirect", name, regex: o.regex, replacement: o.replacement, permanent: o.permanent ?? false, site };
  });
}

/**
 * Removes path prefixes before proxying (an app served under `/api` that expects `/`).
 * @example stripPrefix("api", ["/api"])
 */
export function stripPrefix(name: string, prefixes: readonly string[]): StripPrefixMiddleware {
  const site = captureSite(stripPrefix);
  return make("stripPrefix", name, site, () => {
    const list = parseMiddleware("stripPrefix", name, stripPrefixSchema, prefixes, site, "prefixes");
    return { kind: "stripPrefix", name, prefixes: [...list], site };
  });
}
