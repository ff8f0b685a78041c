/** The builders of auth providers (`authelia()`, `authentik()`) and OIDC clients (`oidcClient()`). */
import { guarded } from "../builders/collect.ts";
import { branded, optional } from "../builders/freeze.ts";
import { callLabel } from "../builders/label.ts";
import { parseInput } from "../builders/parse.ts";
import { brandOf } from "../model/brand.ts";
import type { AuthentikProvider, AutheliaProvider, AuthLocation, AuthProvider, OidcClient } from "../model/index.ts";
import { captureSite } from "../site/capture.ts";
import {
  authentikSchema,
  autheliaSchema,
  locationProblems,
  oidcClientSchema,
  type AuthentikOptions,
  type AutheliaOptions,
  type OidcClientOptions,
} from "./schema.ts";

/** Headers Authelia returns to the proxy (Traefik `authResponseHeaders`, Caddy `copy_headers`). */
export const AUTHELIA_HEADERS: readonly string[] = Object.freeze(["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"]);

/** Headers Authentik's outpost returns (its Traefik guide's list). */
export const AUTHENTIK_HEADERS: readonly string[] = Object.freeze([
  "X-authentik-username",
  "X-authentik-groups",
  "X-authentik-entitlements",
  "X-authentik-email",
  "X-authentik-name",
  "X-authentik-uid",
  "X-authentik-jwt",
  "X-authentik-meta-jwks",
  "X-authentik-meta-outpost",
  "X-authentik-meta-provider",
  "X-authentik-meta-app",
  "X-authentik-meta-version",
]);

/** Default OIDC scopes (Authelia's own default for a client). */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze(["openid", "profile", "email", "groups"]);

function locationOf(o: { container?: string | undefined; host?: true | undefined }): AuthLocation {
  return o.container !== undefined ? { kind: "container", container: o.container } : { kind: "host" };
}

/**
 * Authelia as a forward-auth provider, in a nixjs container (NixOS container or Podman) or on
 * the host. Routes name it (`auth: "authelia"`, `forwardAuth("authelia")`); nixjs derives the
 * instance's `access_control.rules` from them (one rule per host name and path, `bypass` for
 * the public paths of protected hosts, `default_policy: deny`), and renders the OIDC clients
 * the apps declare.
 *
 * @example authelia({ container: "authelia" })
 * @example authelia({ host: true, port: 9091, instance: "main", defaultPolicy: "two_factor" })
 */
export function authelia(options: AutheliaOptions): AutheliaProvider {
  const site = captureSite(authelia);
  const standIn = () => ({ name: "authelia", runsIn: { kind: "host" }, port: 9091, instance: "main", defaultPolicy: "one_factor", authResponseHeaders: [], site });
  return guarded("authelia", standIn, () => {
    const o = parseInput(autheliaSchema, options, { label: callLabel("authelia"), site }, locationProblems);
    return branded("authelia", {
      kind: "authelia",
      name: o.name ?? o.container ?? "authelia",
      runsIn: locationOf(o),
      port: o.port ?? 9091,
      instance: o.instance ?? "main",
      defaultPolicy: o.defaultPolicy ?? "one_factor",
      authResponseHeaders: AUTHELIA_HEADERS,
      site,
    } satisfies AutheliaProvider);
  });
}

/**
 * Authentik as a forward-auth provider through its embedded outpost (commonly a Podman
 * container): routes naming it go through `/outpost.goauthentik.io/auth/traefik` (Traefik) or
 * `/outpost.goauthentik.io/auth/caddy` (Caddy). Its policies live in Authentik itself.
 *
 * @example authentik({ container: "authentik", port: 9000 })
 */
export function authentik(options: AuthentikOptions): AuthentikProvider {
  const site = captureSite(authentik);
  const standIn = () => ({ name: "authentik", runsIn: { kind: "host" }, port: 9000, authResponseHeaders: [], site });
  return guarded("authentik", standIn, () => {
    const o = parseInput(authentikSchema, options, { label: callLabel("authentik"), site });
    return branded("authentik", {
      kind: "authentik",
      name: o.name ?? o.container,
      runsIn: { kind: "container", container: o.container },
      port: o.port ?? 9000,
      authResponseHeaders: AUTHENTIK_HEADERS,
      site,
    } satisfies AuthentikProvider);
  });
}

/**
 * An OpenID Connect client of an auth provider, declared beside the app that uses it
 * (`container("grafana", { oidc: [oidcClient({...})] })`) and rendered into the provider's
 * `identity_providers.oidc.clients`. Its secret is a `secret()` (never a literal), decrypted
 * where the provider runs and referenced by path (`{{ secret "/run/agenix/…" }}`); without one
 * it is a public client.
 *
 * @example oidcClient({ id: "grafana", provider: "authelia", secret: secret("grafana-oidc-digest", { owner: "authelia-main" }),
 *   redirectUris: ["https://grafana.example.org/login/generic_oauth"] })
 */
export function oidcClient(options: OidcClientOptions): OidcClient {
  const site = captureSite(oidcClient);
  const standIn = () => ({ id: "invalid", description: "invalid", provider: "invalid", redirectUris: [], scopes: [], policy: "two_factor", site });
  return guarded("oidcClient", standIn, () => {
    const o = parseInput(oidcClientSchema, options, { label: callLabel("oidcClient"), site });
    return branded("oidcClient", {
      kind: "oidcClient",
      id: o.id,
      description: o.description ?? o.id,
      provider: o.provider,
      ...optional("secret", o.secret),
      redirectUris: [...o.redirectUris],
      scopes: [...(o.scopes ?? DEFAULT_SCOPES)],
      policy: o.policy ?? "two_factor",
      site,
    } satisfies OidcClient);
  });
}

/** True for a value made by `authelia()` or `authentik()`. @example isAuthProvider(authelia({ host: true })) // true */
export function isAuthProvider(value: unknown): value is AuthProvider {
  const brand = brandOf(value);
  return brand === "authelia" || brand === "authentik";
}

/**
 * The OIDC clients of a container's app, tagged with the container (`app`), for `Host.oidcClients`.
 * @example clientsOf(grafana) // [{ id: "grafana", app: "grafana", … }]
 */
export function clientsOf(c: { readonly name: string; readonly oidc?: readonly OidcClient[] }): OidcClient[] {
  return (c.oidc ?? []).map((client) => branded("oidcClient", { ...client, app: c.name }));
}
