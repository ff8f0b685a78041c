import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { authenticates, flatMiddlewares } from "../model/middleware.ts";
import { basicAuth, chain, formatPath, forwardAuth, headers, ipAllowList, isMiddleware, rateLimit, redirectRegex, stripPrefix } from "../index.ts";

function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => (d.path.length === 0 ? d.message : `${formatPath(d.path)}: ${d.message}`));
  }
  throw new Error("expected a HomelabInputError");
}

const HASH = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";

describe("middleware builders", () => {
  test("each makes a branded, frozen middleware with its defaults", () => {
    const fa = forwardAuth("authelia");
    expect(fa).toEqual({ kind: "forwardAuth", name: "authelia", provider: "authelia", site: fa.site });
    expect(forwardAuth("admins", { provider: "authelia", policy: "two_factor" })).toMatchObject({ provider: "authelia", policy: "two_factor" });
    const h = headers("security", { security: true, response: { "X-Robots-Tag": "noindex", "A-First": "" } });
    expect(h.security).toEqual({ stsSeconds: 31536000, stsIncludeSubdomains: true, stsPreload: false, contentTypeNosniff: true, frameOptions: "SAMEORIGIN" });
    expect(Object.keys(h.response)).toEqual(["A-First", "X-Robots-Tag"]);
    expect(headers("cors", { cors: { allowOrigins: ["https://app.example.org"] } }).cors).toEqual({
      allowOrigins: ["https://app.example.org"], allowMethods: ["GET", "POST", "OPTIONS"], allowHeaders: [], allowCredentials: false,
    });
    expect(ipAllowList("lan", ["192.168.0.0/16"]).sourceRange).toEqual(["192.168.0.0/16"]);
    expect(basicAuth("family", { zed: HASH, alice: HASH }).users.map((u) => u.user)).toEqual(["alice", "zed"]);
    expect(rateLimit("api", { average: 100, burst: 50 })).toMatchObject({ average: 100, burst: 50, periodSeconds: 1 });
    expect(rateLimit("login", { average: 10, burst: 5, period: "1m" }).periodSeconds).toBe(60);
    expect(redirectRegex("no-www", { regex: "^https://www\\.(.*)", replacement: "https://${1}" })).toMatchObject({ kind: "redirect", permanent: false });
    expect(stripPrefix("api", ["/api"]).prefixes).toEqual(["/api"]);
    for (const m of [fa, h]) {
      expect(isMiddleware(m)).toBe(true);
      expect(Object.isFrozen(m)).toBe(true);
    }
  });

  test("a chain authenticates when a member does, however deep", () => {
    const sec = headers("security", { security: true });
    const inner = chain("inner", [ipAllowList("lan", ["10.0.0.0/8"]), basicAuth("b", { alice: HASH })]);
    expect(authenticates([chain("outer", [sec, inner])])).toBe(true);
    expect(authenticates([chain("open", [sec, ipAllowList("lan", ["10.0.0.0/8"])])])).toBe(false);
    expect(flatMiddlewares([chain("outer", [sec, inner])]).map((m) => m.name)).toEqual(["security", "lan", "b"]);
  });

  test("errors name the builder, its name and the field", () => {
    expect(problems(() => chain("secure", []))).toEqual(["middlewares: expected at least one middleware: an empty chain does nothing, got a list"]);
    expect(problems(() => chain("secure", ["authelia" as never]))).toEqual([
      'middlewares[0]: expected a middleware made by forwardAuth(), chain(), headers(), ipAllowList(), basicAuth(), rateLimit(), redirectRegex() or stripPrefix(), got "authelia"',
    ]);
    expect(problems(() => ipAllowList("lan", ["10.0.0.0/40"]))).toEqual(['sourceRange[0]: expected a prefix length 0–32 after "/", got "10.0.0.0/40"']);
    expect(problems(() => basicAuth("b", { alice: "hunter2" }))).toEqual(['users.alice: expected a bcrypt hash from "caddy hash-password" (plain passwords are not accepted), got "hunter2"']);
    expect(problems(() => stripPrefix("api", ["api"]))[0]).toMatch(/^prefixes\[0\]: expected a path starting with "\/"/);
    expect(problems(() => redirectRegex("r", { regex: "(?!www)", replacement: "x" }))).toEqual(['regex: expected RE2 syntax (Traefik\'s and Caddy\'s regex engine), which has no lookahead, got "(?!www)"']);
    expect(problems(() => forwardAuth("bad name"))).toEqual(['name: expected a middleware name: letters, digits, "-" and "_", got "bad name"']);
    try {
      rateLimit("api", { average: 0, burst: 1 }); // line 60, column 7
      expect.unreachable();
    } catch (e) {
      expect((e as HomelabInputError).message).toBe('packages/homelab/src/builders/middleware.test.ts:60:7 rateLimit("api").average: expected a number of requests, 1 or more, got 0');
    }
  });
});
