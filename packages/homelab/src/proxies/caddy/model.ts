/** Caddy's model objects, as `caddy()` and `caddyRoute()` make them. */
import type { RouteHost } from "../../model/routes.ts";
import type { SourceSite } from "../../model/site.ts";

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
