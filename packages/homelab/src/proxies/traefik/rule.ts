/**
 * A route's matcher as a Traefik v3 router rule (nixpkgs 25.11 and 26.05 ship Traefik 3):
 * ``Host(`photos.example.org`) && PathPrefix(`/api`) && (ClientIP(`10.0.0.0/8`) || ClientIP(`fd00::/8`))``.
 * The host name stays string parts, so `${domain}` is a reference, not a copied literal.
 */
import type { NixStringPart } from "@nixjs/expr-printer";
import type { PathMatch, RouteMatch } from "../../model/routing.ts";

/**
 * A value in a rule: backquoted (Traefik's raw string, no escapes), or, when it holds a
 * backquote itself, a Go double-quoted string with `\` and `"` escaped.
 * @example quoted("/api") // "`/api`"
 */
export function quoted(value: string): string {
  return value.includes("`") ? `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `\`${value}\``;
}

/** The path matcher: `PathPrefix` or `PathRegexp`. */
function pathRule(path: PathMatch): string {
  switch (path.kind) {
    case "prefix":
      return `PathPrefix(${quoted(path.prefix)})`;
    case "regex":
      return `PathRegexp(${quoted(path.pattern)})`;
  }
}

/** `ClientIP(…)`, several joined with `||` in parentheses (`&&` binds tighter than `||`). */
function clientsRule(clients: readonly string[]): string {
  const each = clients.map((c) => `ClientIP(${quoted(c)})`);
  return each.length === 1 ? each[0]! : `(${each.join(" || ")})`;
}

/**
 * The rule of a route as Nix string parts, the host name given as parts (`["photos.", domain]`).
 * @example routeRule(["app.", domain], { host, path: { kind: "prefix", prefix: "/api", strip: false }, clients: [] })
 *   // ["Host(`", "app.", domain, "`) && PathPrefix(`/api`)"]
 */
export function routeRule(host: readonly NixStringPart[], match: Pick<RouteMatch, "path" | "clients">): NixStringPart[] {
  const rest = [
    ...(match.path === undefined ? [] : [pathRule(match.path)]),
    ...(match.clients.length === 0 ? [] : [clientsRule(match.clients)]),
  ];
  return ["Host(`", ...host, `\`)${rest.map((r) => ` && ${r}`).join("")}`];
}
