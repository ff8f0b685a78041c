/** Caddy sites: one virtual host per route, its body Caddyfile text. */
import { n, type NixBinding, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { Container } from "../../model/containers.ts";
import type { CaddyRoute } from "./model.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { targetParts } from "../../render/core/targets.ts";
import type { MainOptions } from "../provider.ts";

export function caddyRoutes(c: Container): CaddyRoute[] {
  return c.routes.filter((r): r is CaddyRoute => r.kind === "caddyRoute");
}

/** Caddyfile lines as one string, each line ended by a newline. */
export function caddyLines(...items: readonly (readonly NixStringPart[])[]): NixStringPart[] {
  return items.flatMap((parts) => [...parts, "\n"]);
}

/**
 * The site body of a Caddy route, as Caddyfile text: `tls <email>`, `basicauth { user hash }`
 * (the spelling every Caddy 2 accepts; `basic_auth` fails before 2.8), `import <auth>` (the
 * forward-auth snippet in `host.nix`), `reverse_proxy <target>`, then the user's directives.
 * Nix-escaping is the printer's job: bcrypt `$2y$…` and Caddy's `{$VAR}` stay literal.
 */
function caddySiteConfig(c: Container, route: CaddyRoute, portExpr?: NixExpr): NixExpr {
  const body: NixStringPart[][] = [];
  if (route.tlsEmail !== undefined) body.push([`tls ${route.tlsEmail}`]);
  if (route.basicAuth.length > 0) {
    body.push(["basicauth {"]);
    for (const u of route.basicAuth) body.push([`  ${u.user} ${u.hash}`]);
    body.push(["}"]);
  }
  if (route.auth !== undefined) body.push([`import ${route.auth}`]);
  body.push(["reverse_proxy ", ...targetParts(c, route.port, portExpr)]);
  if (route.extraConfig !== undefined && route.extraConfig.trim() !== "") {
    for (const line of route.extraConfig.replace(/\n+$/, "").split("\n")) body.push([line]);
  }
  return n.indented(caddyLines(...body));
}

/**
 * One virtual host per Caddy route of `c`. In the modules layout (`main`) the first site is
 * named `cfg.domain` and the main port is `cfg.port`.
 */
export function caddySiteBindings(ctx: RenderContext, c: Container, main?: MainOptions): NixBinding[] {
  return caddyRoutes(c).map((route, i) => {
    const site: NixExpr = i === 0 && main?.domainExpr !== undefined ? main.domainExpr : n.str(hostNameParts(ctx.lab, route.host));
    const portExpr = main !== undefined && route.port === main.port ? main.portExpr : undefined;
    return n.bind(["services", "caddy", "virtualHosts", site, "extraConfig"], caddySiteConfig(c, route, portExpr));
  });
}
