/**
 * The routing model, proxy-independent: a route is matchers + a target + a middleware chain +
 * TLS. Each proxy renders it its own way (Traefik's file provider or labels, Caddy's sites), so a
 * new proxy is a new renderer over these types, never edits to them.
 */
import type { CaddyReverseProxy } from "../proxies/caddy/model.ts";
import type { Middleware } from "./middleware.ts";
import type { ProxyKind } from "./proxies.ts";
import type { SourceSite } from "./site.ts";

/** The host name a route answers to: a subdomain of the homelab's domain, or a full name. */
export type RouteHost =
  | { readonly kind: "subdomain"; readonly name: string }
  | { readonly kind: "fqdn"; readonly name: string };

/**
 * The path part of a route's matcher. `prefix` is Traefik's `PathPrefix` and Caddy's
 * `handle`/`handle_path` (with `strip`, the prefix is removed before the request reaches the
 * target: Traefik's `stripPrefix` middleware, Caddy's `handle_path`); `regex` is Traefik's
 * `PathRegexp` and Caddy's `path_regexp` matcher (RE2 syntax in both).
 */
export type PathMatch =
  | { readonly kind: "prefix"; readonly prefix: string; readonly strip: boolean }
  | { readonly kind: "regex"; readonly pattern: string };

/** What requests a route takes: a host name, optionally a path and the clients' addresses. */
export interface RouteMatch {
  readonly host: RouteHost;
  readonly path?: PathMatch;
  /**
   * Client addresses (CIDRs or single IPv4/IPv6 addresses) the route is limited to: a LAN-only
   * router beside the public one. Traefik's `ClientIP`, Caddy's `remote_ip`. Empty: any client.
   */
  readonly clients: readonly string[];
  /**
   * The port the proxy listens on for this route's host name: Caddy's `host:port` site
   * address (a LAN-only admin UI on `https://app.home.arpa:8443`). Absent: the proxy's HTTPS
   * port.
   */
  readonly sitePort?: number;
}

/**
 * Where a route sends requests.
 * - `attached`: the container the route is given to (`container({ route })`), at `port`;
 * - `container`: a nixjs container by name (an nspawn service port, a Podman published port);
 * - `service`: a host `service()` by name, at one of its `ports`;
 * - `hostPort`: a port on the host itself (something nixjs does not manage), at `address`
 *   (default `127.0.0.1`);
 * - `url`: another machine or a LAN device, `http://192.168.1.20:8123` (`https://` too);
 * - `podman`: a Podman container by name over a Podman network, unpublished: reachable only
 *   by a proxy on that network (Traefik in Podman);
 * - `traefikApi`: Traefik's own API and dashboard (`api@internal`);
 * - `redirect`: no backend; answers with a redirect to `to` (`www.` → apex);
 * - `remote`: a container or service on another host of the fleet, at its published `port`:
 *   the proxy reaches it at that host's LAN address, and that host's firewall opens the port
 *   to the proxy host's address only.
 */
export type RouteTarget =
  | { readonly kind: "attached"; readonly port: number }
  | { readonly kind: "container"; readonly container: string; readonly port: number }
  | { readonly kind: "service"; readonly service: string; readonly port: number }
  | { readonly kind: "hostPort"; readonly port: number; readonly address: string }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "podman"; readonly container: string; readonly port: number; readonly network: string }
  | { readonly kind: "traefikApi" }
  | { readonly kind: "redirect"; readonly to: string; readonly permanent: boolean }
  | { readonly kind: "remote"; readonly host: string; readonly target: RemoteTarget; readonly port: number };

/** What a `remote` route reaches on the other host: a container or a host service, by name. */
export interface RemoteTarget {
  readonly kind: "container" | "service";
  readonly name: string;
}

/** A certificate's names: Traefik's `tls.domains` entry (`main` may be a wildcard). */
export interface CertDomain {
  readonly main: string;
  readonly sans: readonly string[];
}

/**
 * A route's TLS. Absent fields take the proxy's defaults; a proxy rejects (with a check) the
 * fields it cannot render.
 */
export interface RouteTls {
  /** Traefik certificate resolver (`"letsencrypt"`, `"letsencrypt-staging"`). */
  readonly certResolver?: string;
  /** Traefik `tls.domains`: a wildcard certificate shared by many routes. */
  readonly domains: readonly CertDomain[];
  /** Traefik TLS options by name (`tls.options`, e.g. `"modern"`). */
  readonly options?: string;
  /** Caddy per-site ACME e-mail (`tls <email>`). */
  readonly email?: string;
  /** Caddy's own CA (`tls internal`), for LAN-only names no public CA can validate. */
  readonly internal: boolean;
}

/**
 * A route: matchers + target + middleware chain + TLS, served by one reverse proxy. Built by
 * `route()` and by its short forms `traefikRoute()`/`caddyRoute()`.
 */
export interface Route {
  readonly kind: "route";
  /** The proxy that serves it; absent: the host's only proxy (an error when it has two). */
  readonly proxy?: ProxyKind;
  readonly match: RouteMatch;
  readonly target: RouteTarget;
  /** Applied in order; `auth: "authelia"` is a forward-auth middleware at the front. */
  readonly middlewares: readonly Middleware[];
  /** Router priority (Traefik `priority`; Caddy orders its handlers by it). Higher wins. */
  readonly priority?: number;
  readonly tls: RouteTls;
  /** Traefik entry point; the proxy's default TLS entry point when absent. */
  readonly entryPoint?: string;
  /** Reachable without authentication on purpose (silences `route-no-auth`). */
  readonly public: boolean;
  /** Caddy: further Caddyfile directives for the route's handler. */
  readonly extraConfig?: string;
  /** Caddy: further upstreams and `header_up`/`header_down` of its `reverse_proxy`. */
  readonly reverseProxy?: CaddyReverseProxy;
  readonly site: SourceSite;
}
