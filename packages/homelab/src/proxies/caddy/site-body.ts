/**
 * One Caddy site's body, as Caddyfile lines: the site's `tls`, then its routes. A site of one
 * route without a path or client restriction is written flat (its directives, then the
 * target), as nixjs always has; otherwise each route is a `handle` block (`handle_path` when it
 * strips its prefix), with a named matcher before it when it needs one, in the order of
 * `order.ts`, and a `respond 404` for requests no route takes (Caddy would answer an empty 200).
 */
import type { NixStringPart } from "@nixjs/expr-printer";
import type { Middleware } from "../../model/middleware.ts";
import { flatMiddlewares } from "../../model/middleware.ts";
import type { Route, RouteTls } from "../../model/routing.ts";
import { middlewareLines, type DirectiveOptions } from "./directives.ts";
import { orderedRoutes, siteMatchers, type SiteMatcher } from "./order.ts";

/** Caddyfile lines whose parts may be Nix expressions (a container's address). */
export type PartLines = NixStringPart[][];

/** A route of a site, with its target already written (`reverse_proxy …`, `redir …`). */
export interface SiteRoute {
  readonly route: Route;
  readonly target: PartLines;
}

/**
 * Where each middleware's directive runs in Caddy's fixed order (lower first), so the text
 * reads in the order Caddy executes it: `header`, `vars`/`redir`, `uri`, `rate_limit` (ordered
 * before `basic_auth` by nixjs), `basic_auth`, `forward_auth` (the imported snippet), `respond`.
 */
const CADDY_ORDER: { readonly [K in Middleware["kind"]]: number } = {
  headers: 1,
  redirect: 2,
  stripPrefix: 3,
  rateLimit: 4,
  basicAuth: 5,
  forwardAuth: 6,
  ipAllowList: 7,
  chain: 8,
  named: 8,
};

/** A route's middlewares, flattened, in Caddy's execution order (stable within one kind). */
function executionOrder(chain: readonly Middleware[]): Middleware[] {
  return flatMiddlewares(chain)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => CADDY_ORDER[a.m.kind] - CADDY_ORDER[b.m.kind] || a.i - b.i)
    .map((x) => x.m);
}

/** The user's Caddyfile lines, as given, without trailing blank lines. */
function extraLines(text: string | undefined): PartLines {
  if (text === undefined || text.trim() === "") return [];
  return text.replace(/\n+$/, "").split("\n").map((l) => [l]);
}

/** A route's own directives: middlewares, the target, the user's lines. `scope` names its matchers. */
function routeLines(r: SiteRoute, scope: string, o: DirectiveOptions): PartLines {
  return [...middlewareLines(executionOrder(r.route.middlewares), scope, o), ...r.target, ...extraLines(r.route.extraConfig)];
}

function indent(lines: PartLines): PartLines {
  return lines.map((parts) => (parts.length === 0 || (parts.length === 1 && parts[0] === "") ? parts : ["  ", ...parts]));
}

/** `tls internal` or `tls <email>`, from the first route that sets either. */
function tlsLine(tls: readonly RouteTls[]): PartLines {
  if (tls.some((t) => t.internal)) return [["tls internal"]];
  const email = tls.find((t) => t.email !== undefined)?.email;
  return email === undefined ? [] : [[`tls ${email}`]];
}

/** A `handle` block (with its named matcher's definition before it). */
function handleBlock(r: SiteRoute, m: SiteMatcher, o: DirectiveOptions): PartLines {
  const path = r.route.match.path;
  const strip = path?.kind === "prefix" && path.strip ? path.prefix : undefined;
  if (m.kind === "all") return [["handle {"], ...indent(routeLines(r, m.scope, o)), ["}"]];
  if (m.kind === "path") {
    const head = strip === undefined ? `handle ${m.pattern} {` : `handle_path ${m.pattern} {`;
    return [[head], ...indent(routeLines(r, m.scope, o)), ["}"]];
  }
  const def: PartLines = m.conditions.length === 1 ? [[`@${m.name} ${m.conditions[0]!}`]] : [[`@${m.name} {`], ...m.conditions.map((c) => [`  ${c}`]), ["}"]];
  // handle_path takes only a path: with clients, the prefix is stripped inside.
  const body = [...(strip === undefined ? [] : [[`uri strip_prefix ${strip}`]]), ...routeLines(r, m.scope, o)];
  return [...def, [`handle @${m.name} {`], ...indent(body), ["}"]];
}

/**
 * The body of one site.
 * @example siteBody([{ route, target: [["reverse_proxy 127.0.0.1:8080"]] }], { clientMatcher: "remote_ip" })
 */
export function siteBody(routes: readonly SiteRoute[], o: DirectiveOptions): PartLines {
  const tls = tlsLine(routes.map((r) => r.route.tls));
  const only = routes.length === 1 ? routes[0]! : undefined;
  if (only !== undefined && only.route.match.path === undefined && only.route.match.clients.length === 0) {
    return [...tls, ...routeLines(only, "", o)];
  }
  const ordered = orderedRoutes(routes);
  const matchers = siteMatchers(
    ordered.map((r) => r.route),
    o.clientMatcher,
  );
  const blocks = ordered.flatMap((r, i) => handleBlock(r, matchers[i]!, o));
  const fallback: PartLines = matchers.some((m) => m.kind === "all") ? [] : [["handle {"], ["  respond 404"], ["}"]];
  return [...tls, ...blocks, ...fallback];
}
