import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authelia } from "./builders.ts";
import { accessRules, pathRegex, type AccessRule } from "./access-control.ts";
import type { AuthRoute } from "./routes.ts";
import type { Middleware } from "../model/middleware.ts";
import type { SourceSite } from "../model/site.ts";

const site = { stack: "" } as unknown as SourceSite;
const provider = authelia({ container: "authelia" });

function fa(policy?: "one_factor" | "two_factor", name = "authelia"): Middleware {
  return { kind: "forwardAuth", name, provider: name, ...(policy === undefined ? {} : { policy }), site };
}

function route(host: string, options: { prefix?: string; regex?: string; clients?: string[]; middlewares?: Middleware[] } = {}): AuthRoute {
  return {
    subject: { kind: "homelab" },
    path: ["routes", host],
    site,
    host,
    ...(options.prefix !== undefined ? { pathMatch: { kind: "prefix", prefix: options.prefix, strip: false } } : {}),
    ...(options.regex !== undefined ? { pathMatch: { kind: "regex", pattern: options.regex } } : {}),
    clients: options.clients ?? [],
    middlewares: options.middlewares ?? [],
  };
}

const plain = (rules: readonly AccessRule[]) => rules.map(({ from: _from, ...r }) => r);

describe("accessRules", () => {
  it("a rule per protected host, the route's policy or the provider's default", () => {
    const rules = accessRules(provider, [
      route("photos.example.org", { middlewares: [fa()] }),
      route("vault.example.org", { middlewares: [fa("two_factor")] }),
      route("public.example.org"),
    ]);
    expect(plain(rules)).toEqual([
      { domain: "photos.example.org", policy: "one_factor" },
      { domain: "vault.example.org", policy: "two_factor" },
    ]);
  });

  it("a public path of a protected host: a bypass rule before the host's rule, longest path first", () => {
    const rules = accessRules(provider, [
      route("git.example.org", { middlewares: [fa()] }),
      route("git.example.org", { prefix: "/api" , middlewares: [fa("two_factor")] }),
      route("git.example.org", { prefix: "/api/public" }),
      route("git.example.org", { regex: "^/hooks/[a-z]+$" }),
    ]);
    expect(plain(rules)).toEqual([
      { domain: "git.example.org", policy: "bypass", resources: ["^/hooks/[a-z]+$"] },
      { domain: "git.example.org", policy: "bypass", resources: ["^/api/public"] },
      { domain: "git.example.org", policy: "two_factor", resources: ["^/api"] },
      { domain: "git.example.org", policy: "one_factor" },
    ]);
  });

  it("a LAN-only router without auth beside the public one: bypass for those networks first", () => {
    const rules = accessRules(provider, [
      route("hass.example.org", { middlewares: [fa()] }),
      route("hass.example.org", { clients: ["192.168.0.0/16", "10.0.0.0/8"] }),
    ]);
    expect(plain(rules)).toEqual([
      { domain: "hass.example.org", networks: ["10.0.0.0/8", "192.168.0.0/16"], policy: "bypass" },
      { domain: "hass.example.org", policy: "one_factor" },
    ]);
  });

  it("counts forward auth inside a chain, takes the strictest of several, leaves other providers' routes alone", () => {
    const chain: Middleware = { kind: "chain", name: "secure", middlewares: [fa("one_factor"), { kind: "ipAllowList", name: "lan", sourceRange: ["10.0.0.0/8"], site }, fa("two_factor")], site };
    const rules = accessRules(provider, [
      route("a.example.org", { middlewares: [chain] }),
      route("a.example.org", { prefix: "/other", middlewares: [fa(undefined, "authentik")] }),
      route("a.example.org", { prefix: "/basic", middlewares: [{ kind: "basicAuth", name: "b", users: [], site }] }),
      route("b.example.org", { middlewares: [fa(undefined, "authentik")] }),
    ]);
    expect(plain(rules)).toEqual([{ domain: "a.example.org", policy: "two_factor" }]);
  });

  it("one rule per matcher, the stricter; the same for any order of the routes", () => {
    const routes = [
      route("x.example.org", { middlewares: [fa("one_factor")] }),
      route("x.example.org", { middlewares: [fa("two_factor")] }),
      route("x.example.org", { prefix: "/b", middlewares: [fa()] }),
      route("w.example.org", { prefix: "/a" , middlewares: [fa()] }),
    ];
    const expected = [
      { domain: "w.example.org", policy: "one_factor", resources: ["^/a"] },
      { domain: "x.example.org", policy: "one_factor", resources: ["^/b"] },
      { domain: "x.example.org", policy: "two_factor" },
    ];
    expect(plain(accessRules(provider, routes))).toEqual(expected);
    expect(plain(accessRules(provider, [...routes].reverse()))).toEqual(expected);
  });

  it("prefixes are string prefixes, escaped for RE2", () => {
    expect(pathRegex({ kind: "prefix", prefix: "/a.b+(c)", strip: true })).toBe("^/a\\.b\\+\\(c\\)");
    expect(new RegExp(pathRegex({ kind: "prefix", prefix: "/api", strip: false })).test("/apix")).toBe(true);
    expect(pathRegex({ kind: "regex", pattern: "^/x/[0-9]+" })).toBe("^/x/[0-9]+");
  });
});

/**
 * Against an oracle of how the proxies route (the route with the longest matching path prefix
 * wins; the route without a path takes the rest): for any routes of one host and any request
 * path, the first rule Authelia applies has the policy of the route the request takes.
 */
describe("accessRules: Authelia's first match agrees with the proxy's routing", () => {
  const segment = fc.constantFrom("api", "public", "hooks", "admin", "a", "ab");
  const prefix = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join("/")}`);
  const kind = fc.constantFrom<"public" | "one_factor" | "two_factor" | "default">("public", "one_factor", "two_factor", "default");
  const mw = (k: "public" | "one_factor" | "two_factor" | "default"): Middleware[] => (k === "public" ? [] : [fa(k === "default" ? undefined : k)]);

  it("holds for 300 random hosts", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(prefix, kind), { minLength: 0, maxLength: 5, selector: ([p]) => p }),
        kind,
        fc.array(fc.tuple(prefix, fc.constantFrom("", "/x", "x", "?q=1")), { minLength: 1, maxLength: 6 }),
        (paths, catchAll, requests) => {
          const routes = [route("h.example.org", { middlewares: mw(catchAll) }), ...paths.map(([p, k]) => route("h.example.org", { prefix: p, middlewares: mw(k) }))];
          const rules = accessRules(provider, routes);
          if (!routes.some((r) => r.middlewares.length > 0)) return rules.length === 0;
          for (const [p, tail] of requests) {
            const request = `${p}${tail}`;
            const matching = paths.filter(([q]) => request.startsWith(q)).sort((a, b) => b[0].length - a[0].length);
            const taken = matching[0]?.[1] ?? catchAll;
            const expected = taken === "public" ? "bypass" : taken === "default" ? provider.defaultPolicy : taken;
            const first = rules.find((r) => r.resources === undefined || r.resources.some((re) => new RegExp(re).test(request)));
            if (first?.policy !== expected) return false;
          }
          return true;
        },
      ),
      { numRuns: 300, seed: 10 },
    );
  });
});
