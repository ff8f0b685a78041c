import type { SourceSite } from "./site.ts";

/** The host name a route answers to: a subdomain of the homelab's domain, or a full name. */
export type RouteHost =
  | { readonly kind: "subdomain"; readonly name: string }
  | { readonly kind: "fqdn"; readonly name: string };

/**
 * A Traefik route to its container: a router, a service and (optionally) middlewares in the
 * Traefik instance's `dynamicConfigOptions.http`, written beside the container.
 */
export interface TraefikRoute {
  readonly kind: "traefikRoute";
  readonly host: RouteHost;
  /** The container port the route targets. */
  readonly port: number;
  /** Name of the container offering forward auth (its `forwardAuth`), e.g. `"authelia"`. */
  readonly auth?: string;
  /** Further middleware names, applied after `auth`. */
  readonly middlewares: readonly string[];
  /** Entry point; the `traefik()` default when absent. */
  readonly entryPoint?: string;
  /** TLS certificate resolver; the `traefik()` default when absent. */
  readonly certResolver?: string;
  /** Reachable without authentication on purpose (silences the no-auth warning). */
  readonly public: boolean;
  readonly site: SourceSite;
}

/** Basic-auth credentials for a Caddy site: a user and a bcrypt hash (`caddy hash-password`). */
export interface BasicAuthUser {
  readonly user: string;
  readonly hash: string;
}

/** A Caddy virtual host, emitted as `services.caddy.virtualHosts.<site>.extraConfig`. */
export interface CaddyRoute {
  readonly kind: "caddyRoute";
  readonly host: RouteHost;
  /** The port the route targets (a published host port for Podman, a service port for nspawn). */
  readonly port: number;
  /** Per-site ACME e-mail (`tls <email>`). */
  readonly tlsEmail?: string;
  readonly basicAuth: readonly BasicAuthUser[];
  /** Name of the container offering forward auth, e.g. `"authelia"`. */
  readonly auth?: string;
  readonly public: boolean;
  /** Further Caddyfile directives for the site body. */
  readonly extraConfig?: string;
  readonly site: SourceSite;
}

export type Route = TraefikRoute | CaddyRoute;
