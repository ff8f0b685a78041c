import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Middleware } from "../../model/middleware.ts";
import type { PathMatch, Route } from "../../model/routing.ts";
import { siteBody, type SiteRoute } from "./site-body.ts";

const site = { file: "homelab.config.ts", line: 1, column: 1 };
const HASH = "$2y$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvGaaa";

/** A route of `app.example.org` (hand-built: the model is the renderer's contract). */
function route(o: { path?: PathMatch; clients?: string[]; priority?: number; middlewares?: Middleware[]; internal?: boolean; extraConfig?: string } = {}): Route {
  return {
    kind: "route",
    match: { host: { kind: "subdomain", name: "app" }, ...(o.path === undefined ? {} : { path: o.path }), clients: o.clients ?? [] },
    target: { kind: "attached", port: 8080 },
    middlewares: o.middlewares ?? [],
    ...(o.priority === undefined ? {} : { priority: o.priority }),
    tls: { domains: [], internal: o.internal ?? false },
    public: true,
    ...(o.extraConfig === undefined ? {} : { extraConfig: o.extraConfig }),
    site,
  };
}

const to = (upstream: string) => [[`reverse_proxy ${upstream}`]];
const text = (routes: SiteRoute[], clientMatcher: "remote_ip" | "client_ip" = "remote_ip") =>
  siteBody(routes, { clientMatcher })
    .map((l) => l.join(""))
    .join("\n");
const prefix = (p: string, strip = false): PathMatch => ({ kind: "prefix", prefix: p, strip });

const authelia: Middleware = { kind: "forwardAuth", name: "authelia", provider: "authelia", site };
const admins: Middleware = { kind: "basicAuth", name: "admins", users: [{ user: "alice", hash: HASH }], site };
const lanOnly: Middleware = { kind: "ipAllowList", name: "lan-only", sourceRange: ["192.168.0.0/16", "10.0.0.0/8"], site };

describe("a Caddy site's body", () => {
  it("one route without path or clients stays flat, as nixjs always wrote it (auth after basic auth, Caddy's order)", () => {
    expect(text([{ route: route({ middlewares: [authelia, admins], extraConfig: "encode zstd gzip\n" }), target: to("127.0.0.1:8080") }])).toBe(
      ["basicauth {", `  alice ${HASH}`, "}", "import authelia", "reverse_proxy 127.0.0.1:8080", "encode zstd gzip"].join("\n"),
    );
  });

  it("several routes: regex, prefixes longest first, LAN-only before public at one path, the catch-all last", () => {
    const routes: SiteRoute[] = [
      { route: route({ middlewares: [authelia] }), target: to("127.0.0.1:8080") },
      { route: route({ path: prefix("/api") }), target: to("127.0.0.1:8081") },
      { route: route({ path: prefix("/api/public/", true) }), target: to("127.0.0.1:8082") },
      { route: route({ path: prefix("/api"), clients: ["192.168.0.0/16"] }), target: to("127.0.0.1:8083") },
      { route: route({ path: { kind: "regex", pattern: "^/hooks/[a-z]+$" } }), target: to("127.0.0.1:8084") },
      { route: route({ clients: ["192.168.0.0/16", "fd00::/8"] }), target: to("127.0.0.1:8085") },
    ];
    expect(text(routes)).toBe(
      [
        "@regex path_regexp ^/hooks/[a-z]+$",
        "handle @regex {",
        "  reverse_proxy 127.0.0.1:8084",
        "}",
        "handle_path /api/public/* {",
        "  reverse_proxy 127.0.0.1:8082",
        "}",
        "@api_lan {",
        "  path /api*",
        "  remote_ip 192.168.0.0/16",
        "}",
        "handle @api_lan {",
        "  reverse_proxy 127.0.0.1:8083",
        "}",
        "handle /api* {",
        "  reverse_proxy 127.0.0.1:8081",
        "}",
        "@lan remote_ip 192.168.0.0/16 fd00::/8",
        "handle @lan {",
        "  reverse_proxy 127.0.0.1:8085",
        "}",
        "handle {",
        "  import authelia",
        "  reverse_proxy 127.0.0.1:8080",
        "}",
      ].join("\n"),
    );
  });

  it("at one path, higher priority first; a LAN route stripping its prefix strips inside; no catch-all: 404; tls internal", () => {
    const routes: SiteRoute[] = [
      { route: route({ path: prefix("/a"), priority: 1, internal: true }), target: to("127.0.0.1:1") },
      { route: route({ path: prefix("/b", true), clients: ["10.0.0.0/8"], middlewares: [lanOnly] }), target: to("127.0.0.1:2") },
      { route: route({ path: prefix("/a"), priority: 5, clients: ["10.0.0.0/8"] }), target: to("127.0.0.1:3") },
    ];
    expect(text(routes, "client_ip")).toBe(
      [
        "tls internal",
        "@a_lan {",
        "  path /a*",
        "  client_ip 10.0.0.0/8",
        "}",
        "handle @a_lan {",
        "  reverse_proxy 127.0.0.1:3",
        "}",
        "@b_lan {",
        "  path /b*",
        "  client_ip 10.0.0.0/8",
        "}",
        "handle @b_lan {",
        "  uri strip_prefix /b",
        "  @b_lan_lan_only_denied not client_ip 192.168.0.0/16 10.0.0.0/8",
        "  respond @b_lan_lan_only_denied 403",
        "  reverse_proxy 127.0.0.1:2",
        "}",
        "handle /a* {",
        "  reverse_proxy 127.0.0.1:1",
        "}",
        "handle {",
        "  respond 404",
        "}",
      ].join("\n"),
    );
  });
});

/**
 * Caddy's own ordering of a site's `handle` blocks (httpcaddyfile `sortRoutes`: a stable sort
 * whose comparator compares single-path lengths, longest first, `/x` before `/x*`, and otherwise
 * puts a block with a matcher before one without), run as Go's `sort.SliceStable` runs it on a
 * short slice (insertion sort). Written from Caddy's source, not from nixjs's code.
 */
function caddySorted(blocks: readonly { readonly paths: readonly string[]; readonly matched: boolean }[]): number[] {
  const less = (i: { paths: readonly string[]; matched: boolean }, j: { paths: readonly string[]; matched: boolean }): boolean => {
    const il = i.paths.length === 1 ? i.paths[0]!.length : 0;
    const jl = j.paths.length === 1 ? j.paths[0]!.length : 0;
    if (il > 0 && jl > 0) {
      if (i.paths[0]!.replace(/\*$/, "") === j.paths[0]!.replace(/\*$/, "")) return il < jl;
      return il > jl;
    }
    return i.matched && !j.matched;
  };
  const order = blocks.map((b, index) => ({ ...b, index }));
  for (let k = 1; k < order.length; k++) for (let j = k; j > 0 && less(order[j]!, order[j - 1]!); j--) [order[j - 1], order[j]] = [order[j]!, order[j - 1]!];
  return order.map((b) => b.index);
}

/** The `handle` blocks of a rendered body: their paths (in the matcher set) and whether they match anything. */
function handles(body: string): { paths: string[]; matched: boolean }[] {
  const named = new Map<string, string[]>();
  for (const m of body.matchAll(/^@(\S+) \{\n((?:  .*\n)*)\}$/gm)) named.set(m[1]!, [...m[2]!.matchAll(/^ {2}path (\S+)$/gm)].map((p) => p[1]!));
  for (const m of body.matchAll(/^@(\S+) (?!\{)(\S+) ?(.*)$/gm)) named.set(m[1]!, m[2] === "path" ? [m[3]!] : []);
  return [...body.matchAll(/^handle(?:_path)? (\S+) \{$|^handle \{$/gm)].map((m) => {
    const token = m[1];
    if (token === undefined) return { paths: [], matched: false };
    return { paths: token.startsWith("@") ? (named.get(token.slice(1)) ?? []) : [token], matched: true };
  });
}

describe("what Caddy does with the order nixjs writes", () => {
  const path = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom("/a", "/api", "/api/v1", "/b/", "/").map((p) => prefix(p)),
    fc.constant<PathMatch>({ kind: "regex", pattern: "^/x$" }),
  );
  const aRoute = fc.record({ path, lan: fc.boolean(), priority: fc.integer({ min: 0, max: 3 }) });

  it("the stand-in sort reorders what Caddy reorders (the oracle itself)", () => {
    expect(caddySorted([{ paths: [], matched: false }, { paths: ["/api*"], matched: true }])).toEqual([1, 0]);
    expect(caddySorted([{ paths: ["/a*"], matched: true }, { paths: ["/api*"], matched: true }])).toEqual([1, 0]);
    expect(caddySorted([{ paths: ["/api*"], matched: true }, { paths: ["/api"], matched: true }])).toEqual([1, 0]);
    // A block without a single path compares equal to one with a path: stable.
    expect(caddySorted([{ paths: [], matched: true }, { paths: ["/api*"], matched: true }])).toEqual([0, 1]);
    expect(handles("@x {\n  path /a*\n  remote_ip 1.2.3.4\n}\nhandle @x {\n}\nhandle {\n}")).toEqual([
      { paths: ["/a*"], matched: true },
      { paths: [], matched: false },
    ]);
  });

  it("its sort leaves nixjs's order as it is, so the first block that matches is the one nixjs meant", () => {
    fc.assert(
      fc.property(fc.uniqueArray(aRoute, { minLength: 1, maxLength: 12, selector: (r) => `${JSON.stringify(r.path)} ${r.lan}` }), (specs) => {
        const routes = specs.map((s, i) => ({
          route: route({ ...(s.path === undefined ? {} : { path: s.path }), clients: s.lan ? ["10.0.0.0/8"] : [], priority: s.priority }),
          target: to(`127.0.0.1:${i + 1}`),
        }));
        const blocks = handles(text(routes));
        expect(caddySorted(blocks)).toEqual(blocks.map((_, i) => i));
      }),
    );
  });
});
