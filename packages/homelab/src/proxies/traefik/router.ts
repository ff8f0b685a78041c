/**
 * One route as a Traefik router (`http.routers.<name>`): its rule (host, path, clients), entry
 * point, priority, middleware chain, TLS, and the middlewares generated for it alone (the
 * strip-prefix of `path.strip`, the redirect of a `redirect` target), named after the router.
 */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { Route } from "../../model/routing.ts";
import { AttrTree } from "../../render/core/tree.ts";
import type { Traefik } from "./model.ts";
import { entryPointsOf, WEB } from "./effective.ts";
import { routeRule } from "./rule.ts";
import { domainsData } from "./static-config.ts";
import { dataToNix } from "../../render/core/data.ts";

/** Plain data (no secrets, no host references) as a Nix expression. */
const dataValue = (value: unknown): NixExpr => dataToNix(value, { hostConfig: "config", path: "traefik" });

/** A router and the middlewares defined for it alone. */
export interface RenderedRouter {
  readonly router: AttrTree;
  /** `[name, { stripPrefix = …; }]`: defined beside the router. */
  readonly middlewares: readonly (readonly [string, NixExpr])[];
}

/** Where the router sends requests: a service by name (`api@internal`, `noop@internal` too). */
export interface RouterInput {
  readonly name: string;
  /** The host name as Nix string parts (`["photos.", domain]`). */
  readonly host: readonly NixStringPart[];
  readonly service: string;
}

/**
 * The router's `tls`: the route's own resolver, domains and options, the instance's default
 * resolver otherwise. None on the plain-HTTP entry point (a TLS router never matches there),
 * and none on an entry point with TLS defaults of its own unless the route has its own (a
 * router's `tls` replaces the entry point's, wildcard domains included).
 */
function routerTls(traefik: Traefik, route: Route, entryPoint: string): NixExpr | AttrTree | undefined {
  if (entryPoint === WEB) return undefined;
  const own = route.tls;
  const hasOwn = own.certResolver !== undefined || own.domains.length > 0 || own.options !== undefined;
  const pointTls = entryPointsOf(traefik).find((e) => e.name === entryPoint)?.tls;
  if (!hasOwn && pointTls !== undefined) return undefined;
  const resolver = own.certResolver ?? traefik.certResolver;
  const tls = new AttrTree();
  if (resolver !== undefined) tls.set(["certResolver"], n.str(resolver));
  if (own.domains.length > 0) tls.set(["domains"], dataValue(domainsData(own.domains)));
  if (own.options !== undefined) tls.set(["options"], n.str(own.options));
  // `tls = { }`: TLS with the default certificate (seed 000's pattern without a resolver).
  return tls.size === 0 ? n.attrs({}) : tls;
}

/** A `redirect` target's middleware: every path of the host to the same path under `to`. */
function redirectMiddleware(to: string, permanent: boolean): NixExpr {
  const base = to.replace(/\/+$/, "");
  return dataValue({ redirectRegex: { regex: "^https?://[^/]+/?(.*)$", replacement: `${base}/$1`, ...(permanent ? { permanent: true } : {}) } });
}

/**
 * The router of `route`, in the order seed 000 writes them: rule, service, entry points,
 * priority, middlewares, TLS.
 * @example traefikRouter(traefik, route, { name: "photos", host: ["photos.", domain], service: "photos" })
 */
export function traefikRouter(traefik: Traefik, route: Route, input: RouterInput): RenderedRouter {
  const router = new AttrTree();
  const own: (readonly [string, NixExpr])[] = [];
  router.set(["rule"], n.str(routeRule(input.host, route.match)));
  router.set(["service"], n.str(input.service));
  const entryPoint = route.entryPoint ?? traefik.entryPoint;
  router.set(["entryPoints"], n.list([n.str(entryPoint)]));
  if (route.priority !== undefined) router.set(["priority"], n.int(route.priority));
  // By name: shared middlewares are defined once for the host (a forward-auth provider's in
  // its container's file); the route's own after them, the strip last, next to the backend.
  const names = route.middlewares.map((m) => m.name);
  const path = route.match.path;
  if (path?.kind === "prefix" && path.strip) {
    own.push([`${input.name}-strip`, dataValue({ stripPrefix: { prefixes: [path.prefix] } })]);
  }
  if (route.target.kind === "redirect") own.push([`${input.name}-redirect`, redirectMiddleware(route.target.to, route.target.permanent)]);
  names.push(...own.map(([name]) => name));
  if (names.length > 0) router.set(["middlewares"], n.list(names.map((m) => n.str(m))));
  const tls = routerTls(traefik, route, entryPoint);
  if (tls !== undefined) router.set(["tls"], tls);
  return { router, middlewares: own };
}
