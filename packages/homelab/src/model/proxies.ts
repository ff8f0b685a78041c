/**
 * The reverse proxies nixjs knows, as types. Each proxy is a folder `proxies/<kind>/` (its
 * model, schema, builders and provider); this map is where its types join the core's unions,
 * and `proxies/index.ts` is where its provider joins the registry. Everything else (the
 * `homelab()` options, the brand kinds, the `<kind>-missing` codes) is derived from the two.
 */
import type { Caddy, CaddyCode } from "../proxies/caddy/model.ts";
import type { Traefik, TraefikCode } from "../proxies/traefik/model.ts";

export type { Caddy, Traefik };

/**
 * Per kind of proxy: its model object (`proxy`) and the diagnostic codes of its own checks (`codes`, `never` for none). The members' documentation is that of the
 * `homelab()` option of the same name (the options are a mapped type over this interface).
 */
export interface ProxyTypes {
  /** Traefik, from `traefik({...})`. @example traefik: traefik({ certResolver: "cloudflare" }) */
  readonly traefik: { readonly proxy: Traefik; readonly codes: TraefikCode };
  /** Caddy, from `caddy({...})`. @example caddy: caddy({ email: "admin@example.org" }) */
  readonly caddy: { readonly proxy: Caddy; readonly codes: CaddyCode };
}

/** The kinds of reverse proxy. */
export type ProxyKind = keyof ProxyTypes;

/** A reverse proxy of a host: one provider module per kind renders and checks it. */
export type Proxy = ProxyTypes[ProxyKind]["proxy"];

/** The proxy of a kind. @example ProxyOf<"caddy"> // Caddy */
export type ProxyOf<K extends ProxyKind> = ProxyTypes[K]["proxy"];

/** The diagnostic codes of a proxy's own checks. @example ProxyOwnCode<"traefik"> // "unknown-entry-point" */
export type ProxyOwnCode<K extends ProxyKind> = ProxyTypes[K]["codes"];

/** The codes the proxies add to the registry: `<kind>-missing` and their own checks' codes. */
export type ProxyCode = `${ProxyKind}-missing` | ProxyOwnCode<ProxyKind>;
