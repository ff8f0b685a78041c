/** Caddy's part of `host.nix`: the service, its ports, and the forward-auth snippets. */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Caddy } from "./model.ts";
import { authProvider, type RenderContext } from "../../render/core/context.ts";
import { targetParts } from "../../render/core/targets.ts";
import { sortByName } from "../../util/order.ts";
import type { HostSection } from "../provider.ts";
import { caddyHostRoutes, caddyHostSiteBindings } from "./host-sites.ts";
import { caddyLines, caddyRoutes } from "./sites.ts";

/**
 * The forward-auth snippets (`(authelia) { forward_auth … }`) that enabled Caddy routes
 * import, for `services.caddy.extraConfig`, which the NixOS module writes before the virtual
 * hosts (a snippet must be defined before it is imported).
 */
function caddySnippets(ctx: RenderContext): NixExpr | undefined {
  const names = new Set<string>();
  const routes = [...ctx.containers.filter((c) => c.enable).flatMap((c) => caddyRoutes(ctx.host, c)), ...caddyHostRoutes(ctx).map((r) => r.route)];
  for (const r of routes) for (const m of flatMiddlewares(r.middlewares)) if (m.kind === "forwardAuth") names.add(m.provider);
  if (names.size === 0) return undefined;
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
  return n.indented(caddyLines(...body));
}

/**
 * `services.caddy`: enabled, the ACME e-mail, the ports when they are not 80 and 443 (the same
 * ports its listeners declare, so the firewall and the port check agree), the snippets.
 */
export function caddyHostSections(ctx: RenderContext, caddy: Caddy): HostSection[] {
  const sites = caddyHostSiteBindings(ctx);
  const section = caddyHostSection(ctx, caddy);
  return sites.length === 0 ? [section] : [section, { comment: "Caddy sites of the host (not to the container they are given to)", bindings: sites }];
}

function caddyHostSection(ctx: RenderContext, caddy: Caddy): HostSection {
  const snippets = caddySnippets(ctx);
  const bindings = [
    n.bind("enable", true),
    ...(caddy.email === undefined ? [] : [n.bind("email", caddy.email)]),
    ...(caddy.httpPort === undefined ? [] : [n.bind("httpPort", caddy.httpPort)]),
    ...(caddy.httpsPort === undefined ? [] : [n.bind("httpsPort", caddy.httpsPort)]),
    ...(snippets === undefined ? [] : [n.bind("extraConfig", snippets)]),
  ];
  const comment =
    snippets === undefined
      ? "Caddy; each site is in the file of the container it proxies to"
      : ["Caddy; each site is in the file of the container it proxies to.", "Sites with forward auth import these snippets."];
  return { comment, bindings: [n.bind("services.caddy", n.attrs(bindings))] };
}
