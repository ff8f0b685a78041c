/**
 * Forward-auth endpoints: for a provider's name, where a proxy on the host reaches it, the path
 * of its forward-auth endpoint for that proxy, and the headers it answers with. One function
 * for every proxy renderer (Traefik's `forwardAuth` middleware, Caddy's `forward_auth`), for
 * both kinds of provider: `authelia()`/`authentik()` in `homelab({ auth })`, and the short form,
 * a NixOS container with `forwardAuth: { port }`.
 */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { AuthProvider, Container, Host, ProxyKind } from "../model/index.ts";
import { targetHost } from "../render/core/targets.ts";

/** Authelia ≥ 4.38's endpoint, for Traefik and Caddy alike. */
export const AUTHELIA_FORWARD_AUTH_PATH = "/api/authz/forward-auth";

/** The path prefix Authentik's outpost answers on every protected host (sign-in callbacks). */
export const AUTHENTIK_OUTPOST_PREFIX = "/outpost.goauthentik.io/";

/** Authentik's embedded outpost: one endpoint per proxy (their response handling differs). */
const AUTHENTIK_PATHS: { readonly [K in ProxyKind]: string } = {
  traefik: "/outpost.goauthentik.io/auth/traefik",
  caddy: "/outpost.goauthentik.io/auth/caddy",
};

/** Where and how a proxy on the host asks a provider. */
export interface ForwardAuthEndpoint {
  /** The provider's name (the middleware's name). */
  readonly provider: string;
  /** `container`: the short form, a NixOS container's `forwardAuth` option. */
  readonly kind: AuthProvider["kind"] | "container";
  /**
   * `host:port` as Nix string parts: `${config.containers.authelia.localAddress}:9091` for a
   * private-network NixOS container (a reference, never a copied literal), the published
   * address and port of a Podman container (`127.0.0.1` when published on every address), the
   * listener's address for a host-network container, `127.0.0.1:<port>` on the host.
   */
  readonly authority: readonly NixStringPart[];
  /** The endpoint's path for this proxy (`/api/authz/forward-auth`). */
  readonly path: string;
  /** `http://<authority><path>`, the middleware's `address` / `forward_auth`'s upstream and `uri`. */
  readonly address: NixExpr;
  /** Headers copied from the auth answer (Traefik `authResponseHeaders`, Caddy `copy_headers`). */
  readonly authResponseHeaders: readonly string[];
  /**
   * Authentik: the prefix (`/outpost.goauthentik.io/`) its outpost must answer on every host it
   * protects, at `http://<authority>` (a router/handler per protected host, before the app).
   */
  readonly outpostPrefix?: string;
  /**
   * A provider in a Podman container: its name and container port, for a proxy that reaches it
   * over a shared Podman network (`http://<container>:<port>`) instead of the host.
   */
  readonly podman?: { readonly container: string; readonly port: number; readonly networks: readonly string[] };
}

/** The enabled container named `name`. */
function enabledContainer(host: Host, name: string): Container | undefined {
  return host.containers.find((c) => c.enable && c.name === name);
}

function endpoint(
  provider: string,
  kind: ForwardAuthEndpoint["kind"],
  authority: NixStringPart[],
  path: string,
  headers: readonly string[],
  extra: Pick<ForwardAuthEndpoint, "outpostPrefix" | "podman">,
): ForwardAuthEndpoint {
  return {
    provider,
    kind,
    authority,
    path,
    address: n.str(["http://", ...authority, path]),
    authResponseHeaders: headers,
    ...(extra.outpostPrefix === undefined ? {} : { outpostPrefix: extra.outpostPrefix }),
    ...(extra.podman === undefined ? {} : { podman: extra.podman }),
  };
}

/** A Podman container's name, container port and networks, for a proxy on a Podman network. */
function podmanPeer(c: Container, port: number): ForwardAuthEndpoint["podman"] {
  if (c.backend !== "podman" || c.network === "host") return undefined;
  const published = c.ports.find((p) => p.hostPort === port && p.protocol === "tcp");
  return { container: c.name, port: published?.containerPort ?? port, networks: [...c.networks] };
}

/**
 * The forward-auth endpoint of the provider `name` for a proxy of kind `proxy` on the host, or
 * `undefined` when no enabled provider has that name (`validate` reports it: see
 * {@link authProviderNames}). A provider of `homelab({ auth })` wins over a container's
 * `forwardAuth` of the same name.
 * @example forwardAuthEndpoint(host, "authelia", "traefik")?.address
 * // "http://${config.containers.authelia.localAddress}:9091/api/authz/forward-auth"
 */
export function forwardAuthEndpoint(host: Host, name: string, proxy: ProxyKind): ForwardAuthEndpoint | undefined {
  const provider = host.auth.find((p) => p.name === name);
  if (provider !== undefined) {
    const path = provider.kind === "authelia" ? AUTHELIA_FORWARD_AUTH_PATH : AUTHENTIK_PATHS[proxy];
    const outpost = provider.kind === "authentik" ? { outpostPrefix: AUTHENTIK_OUTPOST_PREFIX } : {};
    if (provider.runsIn.kind === "host") {
      return endpoint(name, provider.kind, [`127.0.0.1:${provider.port}`], path, provider.authResponseHeaders, outpost);
    }
    const c = enabledContainer(host, provider.runsIn.container);
    if (c === undefined) return undefined;
    const podman = podmanPeer(c, provider.port);
    return endpoint(name, provider.kind, [...targetHost(c, provider.port), `:${provider.port}`], path, provider.authResponseHeaders, {
      ...outpost,
      ...(podman === undefined ? {} : { podman }),
    });
  }
  const c = enabledContainer(host, name);
  if (c === undefined || c.backend !== "nspawn" || c.forwardAuth === undefined) return undefined;
  const fa = c.forwardAuth;
  return endpoint(name, "container", [...targetHost(c, fa.port), `:${fa.port}`], fa.path, fa.authResponseHeaders, {});
}

/**
 * The names routes may use as forward-auth providers: the providers of `homelab({ auth })`
 * whose container is enabled (or that run on the host), and the enabled NixOS containers with
 * `forwardAuth`. The route checks treat every other name as unknown.
 * @example authProviderNames(host) // Set { "authelia", "authentik" }
 */
export function authProviderNames(host: Host): ReadonlySet<string> {
  const names = new Set<string>();
  for (const p of host.auth) {
    if (p.runsIn.kind === "host" || enabledContainer(host, p.runsIn.container) !== undefined) names.add(p.name);
  }
  for (const c of host.containers) if (c.enable && c.backend === "nspawn" && c.forwardAuth !== undefined) names.add(c.name);
  return names;
}
