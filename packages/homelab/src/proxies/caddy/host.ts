/** Caddy's part of `host.nix`: the service, its global options, the snippets, and the sites several containers or the host share. */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Caddy } from "./model.ts";
import { authProvider, type RenderContext } from "../../render/core/context.ts";
import { targetParts } from "../../render/core/targets.ts";
import { sortByName } from "../../util/order.ts";
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

/** The forward-auth snippets (`(authelia) { forward_auth … }`) enabled Caddy routes import, by name. */
function authSnippets(ctx: RenderContext): NixStringPart[][] {
  const names = new Set<string>();
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "caddy") continue;
    for (const m of flatMiddlewares(r.route.middlewares)) if (m.kind === "forwardAuth") names.add(m.provider);
  }
  if (names.size === 0) return [];
  const providers = sortByName([...names].map((name) => authProvider(ctx, name)));
  const body: NixStringPart[][] = [];
  for (const p of providers) {
    const fa = p.forwardAuth;
    if (fa === undefined) continue;
    body.push([`(${p.name}) {`]);
    body.push(["  forward_auth ", ...targetParts(p, fa.port), " {"]);
    body.push([`    uri ${fa.path}`]);
    if (fa.authResponseHeaders.length > 0) body.push([`    copy_headers ${fa.authResponseHeaders.join(" ")}`]);
    body.push(["  }"]);
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
