/**
 * Middlewares as Caddy directives, in the chain's order. Caddy then runs a block's directives in
 * its own fixed order (`header`, `redir`, `uri`, `basic_auth`, `forward_auth`, `request_header`,
 * …, `respond`, `reverse_proxy`), whatever the text's order: an IP allow-list's `respond 403`
 * runs after authentication, so a client outside the list is still refused, after logging in.
 * Named (Traefik-only) middlewares have no Caddy form: `caddy-unsupported` reports them.
 */
import type { Cors, Middleware, SecurityHeaders } from "../../model/middleware.ts";
import { caddyToken } from "./order.ts";

/** Caddyfile lines, without the trailing newline. */
export type Lines = string[][];

/** What a block's directives need from around them. */
export interface DirectiveOptions {
  /** `remote_ip`, or `client_ip` when Caddy trusts proxies (`trustedProxies`). */
  readonly clientMatcher: "remote_ip" | "client_ip";
}

/** A header value as one Caddyfile token (quoted when it has spaces). */
function value(text: string): string {
  return /[\s"]/.test(text) ? `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : text;
}

function securityHeaders(s: SecurityHeaders): Lines {
  const lines: Lines = [];
  if (s.stsSeconds > 0) {
    const sts = [`max-age=${s.stsSeconds}`, ...(s.stsIncludeSubdomains ? ["includeSubDomains"] : []), ...(s.stsPreload ? ["preload"] : [])];
    lines.push([`  Strict-Transport-Security ${value(sts.join("; "))}`]);
  }
  if (s.contentTypeNosniff) lines.push(["  X-Content-Type-Options nosniff"]);
  if (s.frameOptions !== undefined) lines.push([`  X-Frame-Options ${value(s.frameOptions)}`]);
  if (s.referrerPolicy !== undefined) lines.push([`  Referrer-Policy ${value(s.referrerPolicy)}`]);
  if (s.contentSecurityPolicy !== undefined) lines.push([`  Content-Security-Policy ${value(s.contentSecurityPolicy)}`]);
  return lines;
}

/**
 * CORS: one origin `*` is sent to everyone; listed origins are echoed back to a request whose
 * `Origin` is one of them (a `header` matcher ORs its values), with `Vary: Origin`.
 */
function cors(name: string, c: Cors): Lines {
  const fields: Lines = [
    ...(c.allowMethods.length > 0 ? [[`  Access-Control-Allow-Methods ${value(c.allowMethods.join(", "))}`]] : []),
    ...(c.allowHeaders.length > 0 ? [[`  Access-Control-Allow-Headers ${value(c.allowHeaders.join(", "))}`]] : []),
    ...(c.allowCredentials ? [["  Access-Control-Allow-Credentials true"]] : []),
    ...(c.maxAge === undefined ? [] : [[`  Access-Control-Max-Age ${c.maxAge}`]]),
  ];
  if (c.allowOrigins.length === 1 && c.allowOrigins[0] === "*") return [["header {"], ["  Access-Control-Allow-Origin *"], ...fields, ["}"]];
  const matcher = `@${name}_origin`;
  return [
    [`${matcher} header Origin ${c.allowOrigins.map(caddyToken).join(" ")}`],
    [`header ${matcher} {`],
    ["  Access-Control-Allow-Origin {http.request.header.Origin}"],
    ["  Vary Origin"],
    ...fields,
    ["}"],
  ];
}

/** Set (or with an empty value, remove) headers: `header` for the response, `request_header` for the request. */
function setHeaders(directive: "header" | "request_header", headers: { readonly [name: string]: string }): Lines {
  return Object.keys(headers)
    .sort()
    .map((h) => (headers[h] === "" ? [`${directive} -${h}`] : [`${directive} ${h} ${value(headers[h]!)}`]));
}

/** Traefik's `$1`/`${1}` in a replacement → Caddy's `{re.<name>.1}` of the matcher's captures. */
function replacement(name: string, text: string): string {
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string | undefined, b: string | undefined) => `{re.${name}.${a ?? b}}`);
}

/** One middleware's directives; `name` is unique in the site (matcher names derive from it). */
function directives(m: Middleware, name: string, o: DirectiveOptions): Lines {
  switch (m.kind) {
    case "forwardAuth":
      // The provider's snippet (`(authelia) { forward_auth … }`) is in host.nix.
      return [[`import ${m.provider}`]];
    case "basicAuth":
      // `basicauth`: the spelling every Caddy 2 accepts (`basic_auth` fails before 2.8).
      return [["basicauth {"], ...m.users.map((u) => [`  ${u.user} ${u.hash}`]), ["}"]];
    case "headers": {
      const security = m.security === undefined ? [] : securityHeaders(m.security);
      return [
        ...(security.length > 0 ? [["header {"], ...security, ["}"]] : []),
        ...(m.cors === undefined ? [] : cors(name, m.cors)),
        ...setHeaders("request_header", m.request),
        ...setHeaders("header", m.response),
      ];
    }
    case "ipAllowList":
      return [[`@${name}_denied not ${o.clientMatcher} ${m.sourceRange.join(" ")}`], [`respond @${name}_denied 403`]];
    case "rateLimit":
      // github.com/mholt/caddy-ratelimit: `average` events per `period`, per client address.
      return [
        ["rate_limit {"],
        [`  zone ${name} {`],
        ["    key {remote_host}"],
        [`    events ${m.average}`],
        [`    window ${m.periodSeconds}s`],
        ["  }"],
        ["}"],
      ];
    case "redirect": {
      // Traefik matches the whole URL: kept in a variable (`vars_regexp` expands a variable's
      // placeholders, not several in its key), the captures are `{re.<matcher>.N}`.
      return [
        [`vars ${name}_url {http.request.scheme}://{http.request.host}{http.request.uri}`],
        [`@${name} vars_regexp ${name}_url ${caddyToken(m.regex)}`],
        [`redir @${name} ${caddyToken(replacement(name, m.replacement))}${m.permanent ? " permanent" : ""}`],
      ];
    }
    case "stripPrefix":
      return m.prefixes.map((p) => [`uri strip_prefix ${p}`]);
    case "chain":
      return m.middlewares.flatMap((inner) => directives(inner, `${name}_${inner.name.replace(/[^A-Za-z0-9_]/g, "_")}`, o));
    case "named":
      return [];
  }
}

/**
 * The directives of a route's middleware chain, in order.
 * @example middlewareLines([basicAuth("admins", { alice: HASH })], "api", opts) // basicauth { alice … }
 */
export function middlewareLines(chain: readonly Middleware[], site: string, o: DirectiveOptions): Lines {
  return chain.flatMap((m) => directives(m, `${site}${site === "" ? "" : "_"}${m.name.replace(/[^A-Za-z0-9_]/g, "_")}`, o));
}

/** Whether a chain limits requests (it then needs the caddy-ratelimit plugin and its `order`). */
export function usesRateLimit(chain: readonly Middleware[]): boolean {
  return chain.some((m) => m.kind === "rateLimit" || (m.kind === "chain" && usesRateLimit(m.middlewares)));
}
