/** Caddy sites: one virtual host per route, its body Caddyfile text. */
import { n, type NixBinding, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Container } from "../../model/containers.ts";
import { attachedRoutes } from "../../facts/routes.ts";
import type { Host } from "../../model/homelab.ts";
import type { Route } from "../../model/routing.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { targetParts } from "../../render/core/targets.ts";
import type { MainOptions } from "../provider.ts";

/** A route to the container it is given to, with its port. */
export type ToContainer = Route & { readonly target: { readonly kind: "attached"; readonly port: number } };

/** The routes Caddy serves that target `c` itself (routes with `to` render with the host's). */
export function caddyRoutes(host: Pick<Host, "proxies">, c: Container): ToContainer[] {
  return attachedRoutes(host, c, "caddy").filter((r): r is ToContainer => r.target.kind === "attached");
}

/** Caddyfile lines as one string, each line ended by a newline. */
export function caddyLines(...items: readonly (readonly NixStringPart[])[]): NixStringPart[] {
  return items.flatMap((parts) => [...parts, "\n"]);
}

/**
 * The site body of a Caddy route, as Caddyfile text: `tls <email>`, `basicauth { user hash }`
 * (the spelling every Caddy 2 accepts; `basic_auth` fails before 2.8), `import <provider>`
 * (the forward-auth snippet in `host.nix`), `reverse_proxy <target>`, then the user's
 * directives. Basic auth is written before forward auth whatever the chain's order: Caddy
 * orders these directives itself (`basic_auth` before `forward_auth`), so the text follows
 * what Caddy does. Nix-escaping is the printer's job: bcrypt `$2y$…` and Caddy's `{$VAR}`
 * stay literal.
 */
function caddySiteConfig(c: Container, route: ToContainer, portExpr?: NixExpr): NixExpr {
  const body: NixStringPart[][] = [];
  const chain = flatMiddlewares(route.middlewares);
  if (route.tls.email !== undefined) body.push([`tls ${route.tls.email}`]);
  for (const m of chain) {
    if (m.kind !== "basicAuth") continue;
    body.push(["basicauth {"]);
    for (const u of m.users) body.push([`  ${u.user} ${u.hash}`]);
    body.push(["}"]);
  }
  for (const m of chain) if (m.kind === "forwardAuth") body.push([`import ${m.provider}`]);
  body.push(["reverse_proxy ", ...targetParts(c, route.target.port, portExpr)]);
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
  return caddyRoutes(ctx.host, c).map((route, i) => {
    const site: NixExpr = i === 0 && main?.domainExpr !== undefined ? main.domainExpr : n.str(hostNameParts(ctx.lab, route.match.host));
    const portExpr = main !== undefined && route.target.port === main.port ? main.portExpr : undefined;
    return n.bind(["services", "caddy", "virtualHosts", site, "extraConfig"], caddySiteConfig(c, route, portExpr));
  });
}
