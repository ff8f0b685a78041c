/** What every route builder shares (each proxy's route builder is in its folder, `proxies/<kind>/`). */
import type { RouteHost, SourceSite } from "../model/index.ts";

/**
 * The host a route answers to, from its `subdomain` or `host` option (the schema made sure
 * there is exactly one).
 * @example routeHost({ subdomain: "photos" }) // { kind: "subdomain", name: "photos" }
 */
export function routeHost(o: { subdomain?: string | undefined; host?: string | undefined }): RouteHost {
  return o.host !== undefined ? { kind: "fqdn", name: o.host } : { kind: "subdomain", name: o.subdomain! };
}

/**
 * What a rejected route call stands for while the rest of the config loads (the fields of
 * every kind of route, so each proxy's code can read its own).
 * @example guarded("caddyRoute", () => routeStandIn(site), build)
 */
export function routeStandIn(site: SourceSite): object {
  return { host: { kind: "subdomain", name: "invalid" }, port: 1, middlewares: [], basicAuth: [], public: true, site };
}
