/**
 * Authelia's access control, derived from the routes so the policy and the routing cannot
 * disagree: a rule per route through the provider (its host name, path and clients, its
 * policy), a `bypass` rule per route of such a host that does not go through it (a public path:
 * webhooks, `/api/public`), ordered most specific first (Authelia applies the first rule that
 * matches).
 */
import type { Located } from "../facts/located.ts";
import type { AutheliaProvider } from "../model/auth.ts";
import { authenticates, flatMiddlewares, type ForwardAuthMiddleware } from "../model/middleware.ts";
import type { PathMatch } from "../model/routing.ts";
import { compareCodeUnits } from "../util/order.ts";
import type { AuthRoute } from "./routes.ts";

/** An Authelia rule's policy. */
export type RulePolicy = "bypass" | "one_factor" | "two_factor";

/** One `access_control.rules` entry, with the route it comes from. */
export interface AccessRule {
  readonly domain: string;
  /** Path regexes (RE2, matched against path and query); absent: every path. */
  readonly resources?: readonly string[];
  /** Client networks; absent: every client. */
  readonly networks?: readonly string[];
  readonly policy: RulePolicy;
  readonly from: Located;
}

const STRENGTH: { readonly [P in RulePolicy]: number } = { bypass: 0, one_factor: 1, two_factor: 2 };

/** A regex special character, escaped for RE2. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * The regex a path matcher stands for in Authelia's `resources`. A prefix is a string prefix,
 * as Traefik's `PathPrefix` and Caddy's `path /api*` match it (`/api` also takes `/apix`);
 * a regex is used as written (both proxies and Authelia use RE2).
 * @example pathRegex({ kind: "prefix", prefix: "/api/public", strip: false }) // "^/api/public"
 */
export function pathRegex(path: PathMatch): string {
  return path.kind === "prefix" ? `^${escapeRegex(path.prefix)}` : path.pattern;
}

/** The forward-auth middlewares of a route that ask `provider`. */
function through(route: AuthRoute, provider: string): ForwardAuthMiddleware[] {
  return flatMiddlewares(route.middlewares).filter((m): m is ForwardAuthMiddleware => m.kind === "forwardAuth" && m.provider === provider);
}

/** The rule a route gives, or undefined when Authelia never sees it and it is not public. */
function ruleOf(provider: AutheliaProvider, route: AuthRoute): AccessRule | undefined {
  const mine = through(route, provider.name);
  let policy: RulePolicy;
  if (mine.length > 0) {
    // Several forward auths to one provider in a chain: the strictest is what it takes.
    policy = mine.map((m) => m.policy ?? provider.defaultPolicy).reduce((a, b) => (STRENGTH[b] > STRENGTH[a] ? b : a));
  } else if (!authenticates(route.middlewares)) {
    policy = "bypass";
  } else {
    return undefined; // another provider or basic auth guards it: none of this instance's business
  }
  return {
    domain: route.host,
    ...(route.pathMatch === undefined ? {} : { resources: [pathRegex(route.pathMatch)] }),
    ...(route.clients.length === 0 ? {} : { networks: [...route.clients].sort(compareCodeUnits) }),
    policy,
    from: route,
  };
}

/** Paths and networks narrow a rule: both first, then a path, then networks, then the host alone. */
function rank(r: AccessRule): number {
  return (r.resources === undefined ? 2 : 0) + (r.networks === undefined ? 1 : 0);
}

/**
 * Most specific first, deterministically: by host name; within one, narrower rules first
 * ({@link rank}), longer paths before shorter (`/api/public` before `/api`), then by text; of
 * two rules with one matcher, the stricter first.
 */
function compareRules(a: AccessRule, b: AccessRule): number {
  const resource = (r: AccessRule) => r.resources?.[0] ?? "";
  const networks = (r: AccessRule) => (r.networks ?? []).join(",");
  return (
    compareCodeUnits(a.domain, b.domain) ||
    rank(a) - rank(b) ||
    resource(b).length - resource(a).length ||
    compareCodeUnits(resource(a), resource(b)) ||
    compareCodeUnits(networks(a), networks(b)) ||
    STRENGTH[b.policy] - STRENGTH[a.policy]
  );
}

/**
 * The matcher of a rule, as a key: two rules with one key, only the first can ever apply.
 * @example ruleKey({ domain: "git.example.org", resources: ["^/api"] }) // '["git.example.org",["^/api"],[]]'
 */
export function ruleKey(r: Pick<AccessRule, "domain" | "resources" | "networks">): string {
  return JSON.stringify([r.domain, r.resources ?? [], r.networks ?? []]);
}

/**
 * The access-control rules of an Authelia provider, from the routes of its host: for every host
 * name with a route through the provider, one rule per route of that host name (the route's
 * policy, or `bypass` for a route that authenticates nowhere), most specific first; one rule per
 * matcher (the stricter wins; two routes with one matcher are the route checks' business).
 * @example accessRules(authelia, authRoutes(lab, host)) // [{ domain: "git.example.org", resources: ["^/api/public"], policy: "bypass" }, …]
 */
export function accessRules(provider: AutheliaProvider, routes: readonly AuthRoute[]): AccessRule[] {
  const guarded = new Set(routes.filter((r) => through(r, provider.name).length > 0).map((r) => r.host));
  const rules = routes
    .filter((r) => guarded.has(r.host))
    .map((r) => ruleOf(provider, r))
    .filter((r): r is AccessRule => r !== undefined)
    .sort(compareRules);
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = ruleKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
