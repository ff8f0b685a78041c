import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Container } from "../../model/index.ts";
import { caddyRoutes, caddySiteConfig } from "../core/caddy.ts";
import { hostNameParts, type RenderContext } from "../core/context.ts";
import type { FileBody } from "../core/module.ts";
import { traefikSection } from "../core/traefik.ts";
import { cfgBinding, mainOptions, whenEnabled } from "./shared.ts";

/**
 * `containers/caddy/routes/<name>.nix`: the container's Caddy sites under
 * `lib.mkIf cfg.enable`, the first at `cfg.domain` proxying to `cfg.port`.
 */
export function caddyRouteBody(ctx: RenderContext, c: Container, namespace: string): FileBody | undefined {
  const routes = caddyRoutes(c);
  if (routes.length === 0) return undefined;
  const main = mainOptions(c);
  const bindings = routes.map((route, i) => {
    const first = i === 0 && main?.domainExpr !== undefined;
    const site: NixExpr = first ? (main.domainExpr as NixExpr) : n.str(hostNameParts(ctx.lab, route.host));
    const portExpr = main !== undefined && route.port === main.port ? main.portExpr : undefined;
    return n.bind(["services", "caddy", "virtualHosts", site, "extraConfig"], caddySiteConfig(c, route, portExpr));
  });
  return wrap(namespace, c, n.attrs(bindings));
}

/**
 * `containers/traefik/routes/<name>.nix`: the container's router, service and middleware in
 * Traefik's `dynamicConfigOptions.http`, under `lib.mkIf cfg.enable`.
 */
export function traefikRouteBody(ctx: RenderContext, c: Container, namespace: string): FileBody | undefined {
  const bindings = traefikSection(ctx, c, {}, mainOptions(c));
  if (bindings.length === 0) return undefined;
  return wrap(namespace, c, n.attrs(bindings));
}

function wrap(namespace: string, c: Container, body: NixExpr): FileBody {
  return {
    body: n.attrs([n.bind("config", whenEnabled(body))]),
    bindings: [cfgBinding(namespace, c)],
  };
}
