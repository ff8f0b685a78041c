/**
 * Authentication providers (forward auth for routes) and what is derived from the routes for
 * them: Authelia's access-control rules, OIDC clients. Local DNS records derived from routes.
 */
import type { Secret } from "./secret.ts";
import type { SourceSite } from "./site.ts";

/** Where a provider runs: in a nixjs container (nspawn or Podman) or as a host service. */
export type AuthLocation =
  | { readonly kind: "container"; readonly container: string }
  | { readonly kind: "host" };

/** An Authelia policy level. */
export type AuthPolicy = "one_factor" | "two_factor";

/**
 * Authelia as a forward-auth provider. nixjs derives `access_control.rules` of the instance
 * from the routes that use it (one rule per host name and path, bypass for public paths of
 * authenticated hosts), so the routing and the policy cannot disagree.
 */
export interface AutheliaProvider {
  readonly kind: "authelia";
  /** Its name, which routes' `auth` and `forwardAuth()` refer to. */
  readonly name: string;
  readonly runsIn: AuthLocation;
  /** The port Authelia listens on (9091). */
  readonly port: number;
  /** `services.authelia.instances.<instance>` that gets the derived rules (nspawn/host). */
  readonly instance: string;
  /** The policy of routes that do not name one. */
  readonly defaultPolicy: AuthPolicy;
  readonly authResponseHeaders: readonly string[];
  readonly site: SourceSite;
}

/** Authentik (commonly Podman) as a forward-auth provider, through its embedded outpost. */
export interface AuthentikProvider {
  readonly kind: "authentik";
  readonly name: string;
  readonly runsIn: AuthLocation;
  /** The port of the embedded outpost (9000). */
  readonly port: number;
  readonly authResponseHeaders: readonly string[];
  readonly site: SourceSite;
}

export type AuthProvider = AutheliaProvider | AuthentikProvider;

/**
 * An OpenID Connect client of an auth provider, declared beside the app that uses it; its
 * secret is a `secret()`, never a literal.
 */
export interface OidcClient {
  readonly kind: "oidcClient";
  readonly id: string;
  /** Shown on the consent page. */
  readonly description: string;
  /** The provider's name. */
  readonly provider: string;
  /** The client secret (absent: a public client, PKCE only). */
  readonly secret?: Secret;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
  readonly policy: AuthPolicy;
  /** The container that declares it (`container(app, { oidc: [...] })`), set by `homelab()`. */
  readonly app?: string;
  readonly site: SourceSite;
}

/**
 * Local DNS records derived from the routes: every routed host name answers `answer` (the
 * proxy's LAN address), so a new route never needs a second edit.
 * - `adguard`: AdGuard Home's rewrites (`services.adguardhome.settings.filtering.rewrites`),
 *   in the AdGuard Home that runs `in` (a container of the homelab, or the host).
 */
export interface DnsRewrites {
  readonly kind: "adguard";
  readonly answer: string;
  readonly runsIn: AuthLocation;
  /** Host names left out (served by public DNS only). */
  readonly exclude: readonly string[];
  readonly site: SourceSite;
}

/** The brands of this file's model objects (see `ModelKind`). */
export type AuthModelKind = AuthProvider["kind"] | OidcClient["kind"] | DnsRewrites["kind"];
