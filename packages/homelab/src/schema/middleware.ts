/** The input schemas of the middleware builders (`forwardAuth()`, `chain()`, `headers()`, …). */
import type { Middleware } from "../model/middleware.ts";
import { isMiddleware } from "../model/brand.ts";
import { bool, bcryptHash, clientRange, containerName, re2, urlPath } from "./primitives.ts";
import { z, type Input } from "./zod.ts";

const msg = (message: string) => ({ error: message });

/** A value made by a middleware builder. */
export const middlewareRef = z.custom<Middleware>(isMiddleware, msg("expected a middleware made by forwardAuth(), chain(), headers(), ipAllowList(), basicAuth(), rateLimit(), redirectRegex() or stripPrefix()"));

/** Options of `forwardAuth(name, {...})`. */
export const forwardAuthSchema = z.strictObject(
  {
    /**
     * The auth provider's name (an `authelia()`/`authentik()` provider, or a container with
     * `forwardAuth`). Default: the middleware's name.
     * @example provider: "authelia"
     */
    provider: containerName.optional(),
    /**
     * Authelia policy of the routes using it; the provider's default otherwise.
     * @example policy: "two_factor"
     */
    policy: z.enum(["one_factor", "two_factor"], msg('expected "one_factor" or "two_factor"')).optional(),
  },
  msg("expected { provider?, policy? }"),
);
export type ForwardAuthOptions = Input<typeof forwardAuthSchema>;

/** Members of `chain(name, [...])`: middlewares, at least one. */
export const chainSchema = z
  .array(middlewareRef, msg("expected a list of middlewares like [authelia, secureHeaders]"))
  .min(1, msg("expected at least one middleware: an empty chain does nothing"));

const headerMap = z.record(
  z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, msg('expected a header name like "X-Robots-Tag"')),
  z.string(msg("expected a header value (empty: remove the header)")),
  msg('expected { "Header-Name": "value" }'),
);

const securityShape = {
  /** `Strict-Transport-Security` max-age in seconds. Default 31536000 (a year); 0: not sent. @example stsSeconds: 63072000 */
  stsSeconds: z.int(msg("expected seconds, 0 or more")).min(0, msg("expected seconds, 0 or more")).optional(),
  /** `includeSubDomains` in HSTS. Default true. @example stsIncludeSubdomains: false */
  stsIncludeSubdomains: bool("stsIncludeSubdomains").optional(),
  /** `preload` in HSTS. Default false. @example stsPreload: true */
  stsPreload: bool("stsPreload").optional(),
  /** `X-Content-Type-Options: nosniff`. Default true. @example contentTypeNosniff: false */
  contentTypeNosniff: bool("contentTypeNosniff").optional(),
  /** `X-Frame-Options`. Default `"SAMEORIGIN"`. @example frameOptions: "DENY" */
  frameOptions: z.enum(["DENY", "SAMEORIGIN"], msg('expected "DENY" or "SAMEORIGIN"')).optional(),
  /** `Referrer-Policy`. @example referrerPolicy: "strict-origin-when-cross-origin" */
  referrerPolicy: z.string(msg("expected a Referrer-Policy value")).min(1).optional(),
  /** `Content-Security-Policy`. @example contentSecurityPolicy: "default-src 'self'" */
  contentSecurityPolicy: z.string(msg("expected a Content-Security-Policy value")).min(1).optional(),
};

/** Options of `headers(name, {...})`. */
export const headersSchema = z.strictObject(
  {
    /**
     * Security response headers: `true` for the usual set (HSTS a year with subdomains,
     * nosniff, `SAMEORIGIN`), or the fields to change.
     * @example security: true
     * @example security: { stsSeconds: 63072000, stsPreload: true, frameOptions: "DENY" }
     */
    security: z.union([z.literal(true), z.strictObject(securityShape, msg("expected true or { stsSeconds, frameOptions, … }"))], msg("expected true or { stsSeconds, frameOptions, … }")).optional(),
    /**
     * CORS response headers.
     * @example cors: { allowOrigins: ["https://app.example.org"], allowMethods: ["GET", "POST"] }
     */
    cors: z
      .strictObject(
        {
          /** @example allowOrigins: ["https://app.example.org"] */
          allowOrigins: z.array(z.string(msg('expected an origin like "https://app.example.org" or "*"')).regex(/^(\*|https?:\/\/[^\s/]+)$/, msg('expected an origin like "https://app.example.org" or "*"'))).min(1, msg("expected at least one origin")),
          /** Default GET, POST, OPTIONS. @example allowMethods: ["GET", "PUT"] */
          allowMethods: z.array(z.string().regex(/^[A-Z]+$/, msg('expected an HTTP method like "GET"'))).optional(),
          /** @example allowHeaders: ["Authorization", "Content-Type"] */
          allowHeaders: z.array(z.string().regex(/^[A-Za-z0-9-]+$/, msg('expected a header name like "Content-Type"'))).optional(),
          /** Default false. @example allowCredentials: true */
          allowCredentials: bool("allowCredentials").optional(),
          /** `Access-Control-Max-Age` in seconds. @example maxAge: 600 */
          maxAge: z.int(msg("expected seconds, 0 or more")).min(0, msg("expected seconds, 0 or more")).optional(),
        },
        msg("expected { allowOrigins, allowMethods?, allowHeaders?, allowCredentials?, maxAge? }"),
      )
      .optional(),
    /**
     * Request headers set before proxying (empty value: removed).
     * @example request: { "X-Forwarded-Proto": "https" }
     */
    request: headerMap.optional(),
    /**
     * Response headers set before answering (empty value: removed).
     * @example response: { "X-Robots-Tag": "noindex" }
     */
    response: headerMap.optional(),
  },
  msg("expected { security?, cors?, request?, response? }"),
);
export type HeadersOptions = Input<typeof headersSchema>;

/** The ranges of `ipAllowList(name, [...])`, at least one. */
export const ipAllowListSchema = z
  .array(clientRange, msg('expected a list of addresses or networks like ["192.168.0.0/16"]'))
  .min(1, msg("expected at least one address or network: an empty allow-list refuses everyone"));

/** The users of `basicAuth(name, {...})`, at least one. */
export const basicAuthSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_.@-]+$/, msg('expected a user name like "alice"')), bcryptHash, msg("expected { user: bcryptHash }"))
  .refine((r) => Object.keys(r).length > 0, msg("expected at least one user"));

const PERIOD = /^([1-9]\d*)(s|m|h)$/;
const UNIT: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/** `period` of a rate limit as seconds. @example periodSeconds("1m") // 60 */
export function periodSeconds(period: number | string | undefined): number {
  if (period === undefined) return 1;
  if (typeof period === "number") return period;
  const m = PERIOD.exec(period)!;
  return Number(m[1]) * UNIT[m[2]!]!;
}

/** Options of `rateLimit(name, {...})`. */
export const rateLimitSchema = z.strictObject(
  {
    /** Requests per `period` on average. @example average: 100 */
    average: z.int(msg("expected a number of requests, 1 or more")).min(1, msg("expected a number of requests, 1 or more")),
    /** Requests allowed at once above the average. @example burst: 50 */
    burst: z.int(msg("expected a number of requests, 1 or more")).min(1, msg("expected a number of requests, 1 or more")),
    /** Seconds, or `"30s"`/`"1m"`/`"1h"`. Default 1 second. @example period: "1m" */
    period: z
      .union([z.int().min(1), z.string().regex(PERIOD)], msg('expected seconds (1 or more) or a duration like "1m"'))
      .optional(),
  },
  msg("expected { average, burst, period? }"),
);
export type RateLimitOptions = Input<typeof rateLimitSchema>;

/** Options of `redirectRegex(name, {...})`. */
export const redirectRegexSchema = z.strictObject(
  {
    /** Matched against the whole URL (RE2). @example regex: "^https://www\\.(.*)" */
    regex: re2,
    /** The target; `${1}` for groups. @example replacement: "https://${1}" */
    replacement: z.string(msg('expected a replacement URL like "https://${1}"')).min(1, msg('expected a replacement URL like "https://${1}"')),
    /** 301/308 instead of 302/307. Default false. @example permanent: true */
    permanent: bool("permanent").optional(),
  },
  msg("expected { regex, replacement, permanent? }"),
);
export type RedirectRegexOptions = Input<typeof redirectRegexSchema>;

/** The prefixes of `stripPrefix(name, [...])`, at least one. */
export const stripPrefixSchema = z
  .array(urlPath, msg('expected a list of path prefixes like ["/api"]'))
  .min(1, msg("expected at least one prefix"));
