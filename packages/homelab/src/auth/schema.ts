/**
 * The options of `authelia()`, `authentik()` and `oidcClient()`, and the `oidc` option of a
 * container. Checked once, at the call; what needs the whole lab (a provider that exists, a
 * routed redirect URI) is `validate`'s.
 */
import { z, type Input } from "../schema/zod.ts";
import { isSecret, type OidcClient, type Secret } from "../model/index.ts";
import { brandOf } from "../model/brand.ts";
import { containerName, port } from "../schema/primitives.ts";
import { asRecord, type InputProblem } from "../schema/problems.ts";

const msg = (message: string) => ({ error: message });

/** A provider's name, as routes' `auth` and `forwardAuth()` name it (a Traefik middleware name too). */
export const providerName = z
  .string(msg('expected a provider name like "authelia"'))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, msg('expected a provider name: letters, digits, "-" and "_", like "authelia"'));

/** An Authelia policy level a route or client asks for. */
export const policy = z.enum(["one_factor", "two_factor"], msg('expected "one_factor" or "two_factor"'));

/** Where a provider runs: one of `container` and `host: true` (checked by {@link locationProblems}). */
const location = {
  /**
   * The nixjs container it runs in (NixOS container or Podman).
   * @example container: "authelia"
   */
  container: containerName.optional(),
  /**
   * It runs on the host itself (`services.authelia.instances.<instance>` in `host.nix`'s system).
   * @example host: true
   */
  host: z.literal(true, msg("expected true (host: true), or leave it out and name a container")).optional(),
};

/** Options of `authelia({...})`. */
export const autheliaSchema = z.strictObject(
  {
    /** The name routes use (`auth: "authelia"`). Default: the container's name, else `"authelia"`. @example name: "sso" */
    name: providerName.optional(),
    ...location,
    /** The port Authelia listens on. Default 9091. @example port: 9091 */
    port: port.optional(),
    /**
     * `services.authelia.instances.<instance>` that gets the derived rules and clients (NixOS
     * container or host). Default `"main"`.
     * @example instance: "main"
     */
    instance: z
      .string(msg('expected an instance name like "main"'))
      .regex(/^[A-Za-z0-9_-]{1,32}$/, msg('expected an instance name like "main": letters, digits, "-", "_"'))
      .optional(),
    /**
     * The policy of routes whose forward auth names none. Default `"one_factor"`.
     * @example defaultPolicy: "two_factor"
     */
    defaultPolicy: policy.optional(),
  },
  msg("expected { name, container | host, port, instance, defaultPolicy }"),
);

/** What `authelia()` accepts. */
export type AutheliaOptions = Input<typeof autheliaSchema>;

/** Options of `authentik({...})`. */
export const authentikSchema = z.strictObject(
  {
    /** The name routes use. Default: the container's name. @example name: "authentik" */
    name: providerName.optional(),
    /** The container running Authentik's server (its embedded outpost). @example container: "authentik" */
    container: containerName,
    /**
     * The port the proxy reaches the outpost on (a Podman container's published host port).
     * Default 9000.
     * @example port: 9000
     */
    port: port.optional(),
  },
  msg("expected { name, container, port }"),
);

/** What `authentik()` accepts. */
export type AuthentikOptions = Input<typeof authentikSchema>;

/** Exactly one of `container` and `host`. @example locationProblems({}) // [{ path: ["container"], … }] */
export function locationProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  if (r["container"] !== undefined && r["host"] !== undefined) {
    return [{ path: ["host"], message: "it runs in a container or on the host, not both: drop host or container" }];
  }
  if (r["container"] === undefined && r["host"] === undefined) {
    return [{ path: ["container"], code: "missing-option", message: 'say where it runs: container: "<name>" or host: true' }];
  }
  return [];
}

const LITERAL_SECRET =
  'a client secret is never a literal (it would land in the world-readable Nix store): use secret("<name>"), whose file holds the secret (Authelia: its digest, from `authelia crypto hash generate pbkdf2`)';

/** A client secret: a `secret()`, never a string. */
const clientSecret = z.custom<Secret>(isSecret, {
  error: (issue) => (typeof issue.input === "string" ? LITERAL_SECRET : 'expected a secret made by secret("name")'),
});

/** A redirect URI: an absolute URL (`https://…`, or an app's own scheme). */
const redirectUri = z
  .string(msg('expected a redirect URI like "https://grafana.example.org/login/generic_oauth"'))
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/, msg('expected an absolute redirect URI like "https://grafana.example.org/login/generic_oauth"'));

/** Options of `oidcClient({...})`. */
export const oidcClientSchema = z.strictObject(
  {
    /** `client_id`. @example id: "grafana" */
    id: z
      .string(msg('expected a client id like "grafana"'))
      .regex(/^[A-Za-z0-9._~-]{1,100}$/, msg('expected a client id: letters, digits, ".", "_", "~", "-" (at most 100)')),
    /** The auth provider's name (an `authelia()`). @example provider: "authelia" */
    provider: providerName,
    /**
     * The client secret as a `secret()`, decrypted where the provider runs. Absent: a public
     * client (PKCE, no secret). A literal string is refused.
     * @example secret: secret("grafana-oidc-digest", { owner: "authelia-main" })
     */
    secret: clientSecret.optional(),
    /** Where the provider may send the user back. @example redirectUris: ["https://grafana.example.org/login/generic_oauth"] */
    redirectUris: z.array(redirectUri).min(1, msg("a client needs at least one redirect URI")),
    /** Default `["openid", "profile", "email", "groups"]`. @example scopes: ["openid", "email"] */
    scopes: z
      .array(z.string().regex(/^[A-Za-z0-9_.:-]+$/, msg('expected a scope like "openid"')))
      .min(1, msg('a client needs at least one scope ("openid")'))
      .optional(),
    /** `authorization_policy`. Default `"two_factor"` (Authelia's). @example policy: "one_factor" */
    policy: policy.optional(),
    /** `client_name`, shown on the consent page. Default: the id. @example description: "Grafana" */
    description: z.string(msg("expected a description")).regex(/^[^\n\0]+$/, msg("expected one line of text")).optional(),
  },
  msg("expected { id, provider, secret, redirectUris, scopes, policy, description }"),
);

/** What `oidcClient()` accepts. */
export type OidcClientOptions = Input<typeof oidcClientSchema>;

/** True for a value made by `oidcClient()`. @example isOidcClient(oidcClient({...})) // true */
export function isOidcClient(value: unknown): value is OidcClient {
  return brandOf(value) === "oidcClient";
}

/** A container's `oidc` option (spread into both backends' schemas). */
export const oidcShape = {
  /**
   * OIDC clients this container's app uses, declared beside it; rendered into the provider's
   * `identity_providers.oidc.clients`.
   * @example oidc: [oidcClient({ id: "grafana", provider: "authelia", secret: digest, redirectUris: ["https://grafana.example.org/login/generic_oauth"] })]
   */
  oidc: z.array(z.custom<OidcClient>(isOidcClient, msg("expected a value made by oidcClient({...})"))).optional(),
};
