/** Caddy's part of `host.nix`: the service, its global options, the snippets, and the sites several containers or the host share. */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Caddy } from "./model.ts";
import { forwardAuthEndpoint } from "../../auth/endpoints.ts";
import type { RenderContext } from "../../render/core/context.ts";
import { compareCodeUnits } from "../../util/order.ts";
import type { HostSection } from "../provider.ts";
import { caddyGlobalBindings, snippetLines } from "./global.ts";
import { usesRateLimit } from "./directives.ts";
import { caddyLines, hostSiteBindings } from "./sites.ts";

/**
 * The snippets for `services.caddy.extraConfig`, which the NixOS module writes before the
 * virtual hosts (a snippet must be defined before it is imported): forward auth, then the
 * user's own. `auth`: whether there are forward-auth snippets (the section's comment says so).
 */
function caddySnippets(ctx: RenderContext, caddy: Caddy): { readonly expr: NixExpr; readonly auth: boolean } | undefined {
  const auth = authSnippets(ctx);
  const own = snippetLines(caddy);
  if (auth.length === 0 && own.length === 0) return undefined;
  return { expr: n.indented(caddyLines(...auth, ...own)), auth: auth.length > 0 };
}

/**
 * The forward-auth snippets (`(authelia) { forward_auth … }`) enabled Caddy routes import, by
 * name, each asking the endpoint every proxy shares (`auth/endpoints.ts`). Authentik's also
 * sends its outpost prefix (the login callback lands on the application's host name) to the
 * outpost, inside `route` so that it runs before `forward_auth` (Caddy's directive order would
 * put `reverse_proxy` after it) and before the site's own `reverse_proxy` (`route` sorts first).
 */
function authSnippets(ctx: RenderContext): NixStringPart[][] {
  const names = new Set<string>();
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "caddy") continue;
    for (const m of flatMiddlewares(r.route.middlewares)) if (m.kind === "forwardAuth") names.add(m.provider);
  }
  const body: NixStringPart[][] = [];
  for (const name of [...names].sort(compareCodeUnits)) {
    const e = forwardAuthEndpoint(ctx.host, name, "caddy");
    if (e === undefined) throw new Error(`render: no forward-auth provider named ${name}`);
    const pad = e.outpostPrefix === undefined ? "" : "  ";
    body.push([`(${name}) {`]);
    if (e.outpostPrefix !== undefined) {
      body.push(["  route {"]);
      body.push([`    reverse_proxy ${e.outpostPrefix}* `, ...e.authority]);
    }
    body.push([`${pad}  forward_auth `, ...e.authority, " {"]);
    body.push([`${pad}    uri ${e.path}`]);
    if (e.authResponseHeaders.length > 0) body.push([`${pad}    copy_headers ${e.authResponseHeaders.join(" ")}`]);
    body.push([`${pad}  }`]);
    if (e.outpostPrefix !== undefined) body.push(["  }"]);
    body.push(["}"]);
  }
  return body;
}

/**
 * `services.caddy`: enabled, the package with its plugins, the ACME e-mail and the global
 * options (`global.ts`), the ports when they are not 80 and 443 (the same
 * ports its listeners declare, so the firewall and the port check agree), the snippets.
 */
export function caddyHostSection(ctx: RenderContext, caddy: Caddy): HostSection {
  const snippets = caddySnippets(ctx, caddy);
  // caddy-ratelimit's directive has no place in Caddy's default order: give it one.
  const limits = ctx.facts.routes.some((r) => r.proxy === "caddy" && usesRateLimit(r.route.middlewares));
  const global = caddyGlobalBindings(caddy, limits ? [["order rate_limit before basic_auth"]] : []);
  const sites = hostSiteBindings(ctx, caddy);
  const bindings = [
    n.bind("enable", true),
    ...global.package,
    ...(caddy.email === undefined ? [] : [n.bind("email", caddy.email)]),
    ...global.rest,
    ...(caddy.httpPort === undefined ? [] : [n.bind("httpPort", caddy.httpPort)]),
    ...(caddy.httpsPort === undefined ? [] : [n.bind("httpsPort", caddy.httpsPort)]),
    ...(snippets === undefined ? [] : [n.bind("extraConfig", snippets.expr)]),
    ...sites,
  ];
  const where =
    sites.length === 0
      ? "Caddy; each site is in the file of the container it proxies to"
      : "Caddy; each site is in the file of the container it proxies to, shared sites here";
  const comment = snippets === undefined ? where : [`${where}.`, snippets.auth ? "Sites with forward auth import these snippets." : "Sites import these snippets."];
  return { comment, bindings: [n.bind("services.caddy", n.attrs(bindings))] };
}
