/**
 * Middlewares as values: defined once (a name and what it does), shared by many routes,
 * rendered by each proxy its own way (Traefik `http.middlewares.<name>`, Caddy snippets and
 * directives). A route counts as authenticated when any middleware in its chain authenticates.
 */
import type { SourceSite } from "./site.ts";

/** Basic-auth credentials: a user and a bcrypt hash (`caddy hash-password`, `htpasswd -B`). */
export interface BasicAuthUser {
  readonly user: string;
  readonly hash: string;
}

/** Security response headers (Traefik `headers` options, Caddy `header` directives). */
export interface SecurityHeaders {
  /** `Strict-Transport-Security` max-age in seconds (0: not sent). */
  readonly stsSeconds: number;
  readonly stsIncludeSubdomains: boolean;
  readonly stsPreload: boolean;
  /** `X-Content-Type-Options: nosniff`. */
  readonly contentTypeNosniff: boolean;
  /** `X-Frame-Options` (`"DENY"`, `"SAMEORIGIN"`). */
  readonly frameOptions?: string;
  /** `Referrer-Policy`. */
  readonly referrerPolicy?: string;
  /** `Content-Security-Policy`. */
  readonly contentSecurityPolicy?: string;
}

/** CORS response headers. */
export interface Cors {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly allowCredentials: boolean;
  /** `Access-Control-Max-Age` in seconds. */
  readonly maxAge?: number;
}

interface MiddlewareBase {
  /** Its name: Traefik's `http.middlewares.<name>`, Caddy's snippet `(<name>)`. */
  readonly name: string;
  readonly site: SourceSite;
}

/** Forward authentication through an auth provider (Authelia, Authentik), by its name. */
export interface ForwardAuthMiddleware extends MiddlewareBase {
  readonly kind: "forwardAuth";
  /** The auth provider's name (`authelia()`'s, or a container with `forwardAuth`). */
  readonly provider: string;
  /** Authelia policy for the routes using it; the provider's default when absent. */
  readonly policy?: "one_factor" | "two_factor";
}

/** Several middlewares as one, applied in order (Traefik `chain`, Caddy: in sequence). */
export interface ChainMiddleware extends MiddlewareBase {
  readonly kind: "chain";
  readonly middlewares: readonly Middleware[];
}

export interface HeadersMiddleware extends MiddlewareBase {
  readonly kind: "headers";
  readonly security?: SecurityHeaders;
  readonly cors?: Cors;
  /** Request headers set before proxying (empty value: removed). */
  readonly request: { readonly [name: string]: string };
  /** Response headers set before answering (empty value: removed). */
  readonly response: { readonly [name: string]: string };
}

/** Only these client addresses (Traefik `ipAllowList`, Caddy `remote_ip` + 403). */
export interface IpAllowListMiddleware extends MiddlewareBase {
  readonly kind: "ipAllowList";
  readonly sourceRange: readonly string[];
}

export interface BasicAuthMiddleware extends MiddlewareBase {
  readonly kind: "basicAuth";
  readonly users: readonly BasicAuthUser[];
}

/** Requests per client: `average` per `period` with bursts of `burst`. */
export interface RateLimitMiddleware extends MiddlewareBase {
  readonly kind: "rateLimit";
  readonly average: number;
  readonly burst: number;
  /** Seconds. */
  readonly periodSeconds: number;
}

/** Redirect matching URLs (Traefik `redirectRegex`, Caddy `redir`). */
export interface RedirectMiddleware extends MiddlewareBase {
  readonly kind: "redirect";
  readonly regex: string;
  readonly replacement: string;
  readonly permanent: boolean;
}

/** Remove path prefixes before proxying (Traefik `stripPrefix`, Caddy `uri strip_prefix`). */
export interface StripPrefixMiddleware extends MiddlewareBase {
  readonly kind: "stripPrefix";
  readonly prefixes: readonly string[];
}

/**
 * A middleware defined outside nixjs, by its full name (`crowdsec@file`, `compress`): Traefik
 * only, and never counted as authenticating. `traefikRoute({ middlewares: ["x"] })` makes these.
 */
export interface NamedMiddleware extends MiddlewareBase {
  readonly kind: "named";
}

export type Middleware =
  | ForwardAuthMiddleware
  | ChainMiddleware
  | HeadersMiddleware
  | IpAllowListMiddleware
  | BasicAuthMiddleware
  | RateLimitMiddleware
  | RedirectMiddleware
  | StripPrefixMiddleware
  | NamedMiddleware;

/**
 * Every middleware a chain applies, flattened in order (a chain's own members, recursively).
 * @example flatMiddlewares([chain("secure", [authelia, headers])]) // [authelia, headers]
 */
export function flatMiddlewares(list: readonly Middleware[]): Middleware[] {
  return list.flatMap((m) => (m.kind === "chain" ? flatMiddlewares(m.middlewares) : [m]));
}

/**
 * True when a middleware makes clients authenticate (forward auth or basic auth), directly or
 * through a chain; an IP allow-list restricts but does not authenticate.
 * @example authenticates([chain("secure", [forwardAuth("authelia")])]) // true
 */
export function authenticates(list: readonly Middleware[]): boolean {
  return flatMiddlewares(list).some((m) => m.kind === "forwardAuth" || m.kind === "basicAuth");
}
