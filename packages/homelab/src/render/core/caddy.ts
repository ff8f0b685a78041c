import { n, type NixBinding, type NixExpr, type NixStringPart, type NixTrivia } from "@nixjs/expr-printer";
import type { CaddyRoute, Container } from "../../model/index.ts";
import { authProvider, hostNameParts, sortByName, type RenderContext } from "./context.ts";
import { targetParts } from "./targets.ts";

export function caddyRoutes(c: Container): CaddyRoute[] {
  return c.routes.filter((r): r is CaddyRoute => r.kind === "caddyRoute");
}

/** Caddyfile lines as one string, each line ended by a newline. */
function lines(...items: readonly (readonly NixStringPart[])[]): NixStringPart[] {
  return items.flatMap((parts) => [...parts, "\n"]);
}

/**
 * The site body of a Caddy route, as Caddyfile text: `tls <email>`, `basicauth { user hash }`
 * (the spelling every Caddy 2 accepts; `basic_auth` fails before 2.8), `import <auth>` (the
 * forward-auth snippet in `host.nix`), `reverse_proxy <target>`, then the user's directives.
 * Nix-escaping is the printer's job: bcrypt `$2y$…` and Caddy's `{$VAR}` stay literal.
 */
export function caddySiteConfig(c: Container, route: CaddyRoute, portExpr?: NixExpr): NixExpr {
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
  return n.indented(lines(...body));
}

/** The "Caddy routing" section of a container file: one virtual host per route. */
export function caddySection(ctx: RenderContext, c: Container, trivia: NixTrivia): NixBinding[] {
  const routes = caddyRoutes(c);
  if (routes.length > 0 && ctx.lab.caddy === undefined) {
    throw new Error(`render: container ${c.name} has a caddyRoute but the homelab has no caddy()`);
  }
  return routes.map((route, i) =>
    n.bind(
      ["services", "caddy", "virtualHosts", n.str(hostNameParts(ctx.lab, route.host)), "extraConfig"],
      caddySiteConfig(c, route),
      i === 0 ? trivia : undefined,
    ),
  );
}

/**
 * The forward-auth snippets (`(authelia) { forward_auth … }`) that enabled Caddy routes
 * import, for `services.caddy.extraConfig`, which the NixOS module writes before the virtual
 * hosts (a snippet must be defined before it is imported).
 */
export function caddySnippets(ctx: RenderContext): NixExpr | undefined {
  const names = new Set<string>();
  for (const c of ctx.containers) {
    if (!c.enable) continue;
    for (const r of caddyRoutes(c)) if (r.auth !== undefined) names.add(r.auth);
  }
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
  return n.indented(lines(...body));
}
