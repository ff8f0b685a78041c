/**
 * The order of a Caddy site's routes and the matcher each `handle` block uses.
 *
 * Caddy's `handle` (and `handle_path`, which Caddy files under the same name) blocks of one site
 * are mutually exclusive: the first that matches runs. The Caddyfile adapter sorts them before
 * that (httpcaddyfile's `sortRoutes`, a stable sort): a block whose one matcher set has a single
 * `path` sorts by that path's length, longest first; blocks without a single path (a
 * `path_regexp`, a `remote_ip` alone) compare equal to every block with a matcher, so they
 * keep their place; blocks without any matcher go last. nixjs writes the routes in its own
 * order (regex first, then prefixes longest first, then client-only, then the catch-all; at
 * one path, client-restricted before open, then higher `priority`, then declaration order),
 * which that sort leaves as it is — so what the file says is what Caddy does.
 */
import type { PathMatch, Route } from "../../model/routing.ts";

/** How specific a route's path is: a regex, a prefix of some length, or no path. */
function pathClass(path: PathMatch | undefined): { readonly rank: number; readonly length: number } {
  if (path === undefined) return { rank: 0, length: 0 };
  return path.kind === "regex" ? { rank: 2, length: 0 } : { rank: 1, length: path.prefix.length };
}

/**
 * Compares two routes of one site: negative when `a` must be tried first.
 * @example [catchAll, api].sort(compareRoutes) // [api, catchAll]
 */
export function compareRoutes(a: { readonly route: Route; readonly index: number }, b: { readonly route: Route; readonly index: number }): number {
  const pa = pathClass(a.route.match.path);
  const pb = pathClass(b.route.match.path);
  if (pa.rank !== pb.rank) return pb.rank - pa.rank;
  if (pa.length !== pb.length) return pb.length - pa.length;
  const ca = a.route.match.clients.length > 0 ? 1 : 0;
  const cb = b.route.match.clients.length > 0 ? 1 : 0;
  if (ca !== cb) return cb - ca;
  const priority = (b.route.priority ?? 0) - (a.route.priority ?? 0);
  return priority !== 0 ? priority : a.index - b.index;
}

/** Caddy's path pattern for a prefix: `/api` → `/api*` (Traefik's `PathPrefix`: `/api`, `/api/x`, `/apix`). */
export function prefixPattern(prefix: string): string {
  return `${prefix}*`;
}

/**
 * A route's matcher in its site: none (the catch-all), a path (`handle /api*`), or a named
 * matcher defined just before its `handle` (`@lan remote_ip …`, `@regex path_regexp …`).
 */
export type SiteMatcher = (
  | { readonly kind: "all" }
  | { readonly kind: "path"; readonly pattern: string }
  | { readonly kind: "named"; readonly name: string; readonly conditions: readonly string[] }
) & {
  /**
   * Unique in the site, for the names of the matchers its middlewares define (Caddy refuses a
   * matcher defined twice in one site): the named matcher's name, the path's, `""` for the
   * catch-all.
   */
  readonly scope: string;
};

/** A Caddyfile token, quoted (with backticks, which escape nothing) when it has spaces or quotes. */
export function caddyToken(text: string): string {
  return /[\s"'`]/.test(text) && !text.includes("`") ? `\`${text}\`` : text;
}

/** A matcher name from a path: `/api/public` → `api_public`; `""` for none. */
function slug(path: PathMatch | undefined): string {
  if (path === undefined) return "";
  if (path.kind === "regex") return "regex";
  return path.prefix.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "root";
}

/**
 * The matchers of a site's routes (already in order): names unique within the site, `_2`, `_3`
 * … after repeats. `clientMatcher` is `remote_ip`, or `client_ip` when Caddy trusts proxies
 * (then the address it checks is the client's, from `X-Forwarded-For`, not the proxy's).
 * @example siteMatchers([lanOnly], "remote_ip") // [{ kind: "named", name: "lan", conditions: ["remote_ip 192.168.0.0/16"] }]
 */
export function siteMatchers(routes: readonly Route[], clientMatcher: "remote_ip" | "client_ip"): SiteMatcher[] {
  const used = new Map<string, number>();
  const unique = (base: string): string => {
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    return seen === 1 ? base : `${base}_${seen}`;
  };
  return routes.map((route): SiteMatcher => {
    const { path, clients } = route.match;
    if (clients.length === 0 && path === undefined) return { kind: "all", scope: "" };
    if (clients.length === 0 && path?.kind === "prefix") return { kind: "path", pattern: prefixPattern(path.prefix), scope: unique(slug(path)) };
    const conditions = [
      ...(path === undefined ? [] : [path.kind === "prefix" ? `path ${prefixPattern(path.prefix)}` : `path_regexp ${caddyToken(path.pattern)}`]),
      ...(clients.length === 0 ? [] : [`${clientMatcher} ${clients.join(" ")}`]),
    ];
    const name = unique([slug(path), clients.length > 0 ? "lan" : ""].filter((s) => s !== "").join("_"));
    return { kind: "named", name, conditions, scope: name };
  });
}

/**
 * A site's routes in the order Caddy must try them (see the module's comment).
 * @example orderedRoutes([catchAll, api]) // [api, catchAll]
 */
export function orderedRoutes<R extends { readonly route: Route }>(routes: readonly R[]): R[] {
  return routes
    .map((r, index) => ({ r, index, route: r.route }))
    .sort(compareRoutes)
    .map((x) => x.r);
}
