/**
 * Middlewares as Traefik's dynamic configuration, `http.middlewares.<name>.<kind>`: Traefik v3
 * names (`ipAllowList`, not v2's `ipWhiteList`), camelCase keys (the file provider is
 * case-sensitive), nothing at Traefik's default. `named` middlewares are defined elsewhere and
 * only referred to.
 */
import type { NixExpr } from "@nixjs/expr-printer";
import type { Cors, HeadersMiddleware, Middleware, SecurityHeaders } from "../../model/middleware.ts";

type Data = Record<string, unknown>;

/** The forward-auth endpoint of an auth provider (by name), as a Nix string expression. */
export type ForwardAuthEndpoint = (provider: string) => { readonly address: NixExpr; readonly authResponseHeaders: readonly string[] };

function security(s: SecurityHeaders): Data {
  return {
    ...(s.stsSeconds > 0
      ? { stsSeconds: s.stsSeconds, ...(s.stsIncludeSubdomains ? { stsIncludeSubdomains: true } : {}), ...(s.stsPreload ? { stsPreload: true } : {}) }
      : {}),
    ...(s.contentTypeNosniff ? { contentTypeNosniff: true } : {}),
    // `frameDeny` is Traefik's switch for DENY; any other value goes verbatim.
    ...(s.frameOptions === undefined ? {} : s.frameOptions === "DENY" ? { frameDeny: true } : { customFrameOptionsValue: s.frameOptions }),
    ...(s.referrerPolicy === undefined ? {} : { referrerPolicy: s.referrerPolicy }),
    ...(s.contentSecurityPolicy === undefined ? {} : { contentSecurityPolicy: s.contentSecurityPolicy }),
  };
}

function cors(c: Cors): Data {
  const list = (key: string, values: readonly string[]): Data => (values.length === 0 ? {} : { [key]: [...values] });
  const specific = c.allowOrigins.length > 0 && !c.allowOrigins.includes("*");
  return {
    ...list("accessControlAllowOriginList", c.allowOrigins),
    ...list("accessControlAllowMethods", c.allowMethods),
    ...list("accessControlAllowHeaders", c.allowHeaders),
    ...(c.allowCredentials ? { accessControlAllowCredentials: true } : {}),
    ...(c.maxAge === undefined ? {} : { accessControlMaxAge: c.maxAge }),
    // With a list of origins the answer depends on the request's Origin: caches must know.
    ...(specific ? { addVaryHeader: true } : {}),
  };
}

function headers(m: HeadersMiddleware): Data {
  return {
    ...(Object.keys(m.request).length > 0 ? { customRequestHeaders: { ...m.request } } : {}),
    ...(Object.keys(m.response).length > 0 ? { customResponseHeaders: { ...m.response } } : {}),
    ...(m.security === undefined ? {} : security(m.security)),
    ...(m.cors === undefined ? {} : cors(m.cors)),
  };
}

/**
 * The definition of one middleware (`{ basicAuth = { users = [ … ]; }; }`), or `undefined` for
 * a `named` one (a reference to a middleware defined outside nixjs).
 * @example middlewareConfig(ipAllowList("lan", ["192.168.0.0/16"]), endpoint) // { ipAllowList: { sourceRange: ["192.168.0.0/16"] } }
 */
export function middlewareConfig(m: Middleware, endpoint: ForwardAuthEndpoint): Data | undefined {
  switch (m.kind) {
    case "forwardAuth": {
      const e = endpoint(m.provider);
      return { forwardAuth: { address: e.address, trustForwardHeader: true, authResponseHeaders: [...e.authResponseHeaders] } };
    }
    case "chain":
      return { chain: { middlewares: m.middlewares.map((x) => x.name) } };
    case "headers":
      return { headers: headers(m) };
    case "ipAllowList":
      return { ipAllowList: { sourceRange: [...m.sourceRange] } };
    case "basicAuth":
      return { basicAuth: { users: m.users.map((u) => `${u.user}:${u.hash}`) } };
    case "rateLimit":
      return { rateLimit: { average: m.average, burst: m.burst, ...(m.periodSeconds === 1 ? {} : { period: `${m.periodSeconds}s` }) } };
    case "redirect":
      return { redirectRegex: { regex: m.regex, replacement: m.replacement, ...(m.permanent ? { permanent: true } : {}) } };
    case "stripPrefix":
      return { stripPrefix: { prefixes: [...m.prefixes] } };
    case "named":
      return undefined;
  }
}

/**
 * Every middleware a list defines, members of chains included (before their chain), each
 * name once, in first-use order.
 * @example definedMiddlewares([chain("secure", [auth, hsts]), hsts]).map((m) => m.name) // ["authelia", "hsts", "secure"]
 */
export function definedMiddlewares(list: readonly Middleware[]): Middleware[] {
  const out = new Map<string, Middleware>();
  const visit = (m: Middleware): void => {
    if (m.kind === "chain") m.middlewares.forEach(visit);
    if (m.kind !== "named" && !out.has(m.name)) out.set(m.name, m);
  };
  list.forEach(visit);
  return [...out.values()];
}
