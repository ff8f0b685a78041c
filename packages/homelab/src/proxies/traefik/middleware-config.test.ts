/**
 * Middlewares as Traefik v3 dynamic configuration. Expected values from Traefik's middleware
 * reference (`headers`, `ipAllowList.sourceRange`, `basicAuth.users`, `rateLimit`, …).
 */
import { n, print } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import type { Middleware } from "../../model/middleware.ts";
import { definedMiddlewares, middlewareConfig, type ForwardAuthEndpoint } from "./middleware-config.ts";

const site = { file: "homelab.config.ts", line: 1, column: 1 };
const endpoint: ForwardAuthEndpoint = (provider) => ({ address: n.str(`http://127.0.0.1:9091/${provider}`), authResponseHeaders: ["Remote-User"] });
const config = (m: Middleware) => middlewareConfig(m, endpoint);

const auth: Middleware = { kind: "forwardAuth", name: "authelia", provider: "authelia", site };
const hsts: Middleware = {
  kind: "headers",
  name: "hsts",
  security: { stsSeconds: 31536000, stsIncludeSubdomains: true, stsPreload: false, contentTypeNosniff: true, frameOptions: "DENY", referrerPolicy: "no-referrer" },
  request: {},
  response: {},
  site,
};

describe("middlewareConfig", () => {
  test("forward auth: the provider's endpoint, forwarded headers trusted, its response headers", () => {
    const c = config(auth) as { forwardAuth: { address: unknown; trustForwardHeader: boolean; authResponseHeaders: string[] } };
    expect(print(c.forwardAuth.address as never).trimEnd()).toBe('"http://127.0.0.1:9091/authelia"');
    expect(c.forwardAuth).toMatchObject({ trustForwardHeader: true, authResponseHeaders: ["Remote-User"] });
  });

  test("security headers: HSTS, nosniff, DENY as frameDeny; another frame option verbatim", () => {
    expect(config(hsts)).toEqual({
      headers: { stsSeconds: 31536000, stsIncludeSubdomains: true, contentTypeNosniff: true, frameDeny: true, referrerPolicy: "no-referrer" },
    });
    const same: Middleware = { ...hsts, security: { stsSeconds: 0, stsIncludeSubdomains: true, stsPreload: true, contentTypeNosniff: false, frameOptions: "SAMEORIGIN" } } as Middleware;
    expect(config(same)).toEqual({ headers: { customFrameOptionsValue: "SAMEORIGIN" } });
  });

  test("CORS and custom request/response headers (an empty value removes the header in Traefik)", () => {
    const m: Middleware = {
      kind: "headers",
      name: "cors",
      cors: { allowOrigins: ["https://app.example.org"], allowMethods: ["GET", "POST"], allowHeaders: ["Authorization"], allowCredentials: true, maxAge: 600 },
      request: { "X-Forwarded-Proto": "https" },
      response: { Server: "" },
      site,
    };
    expect(config(m)).toEqual({
      headers: {
        customRequestHeaders: { "X-Forwarded-Proto": "https" },
        customResponseHeaders: { Server: "" },
        accessControlAllowOriginList: ["https://app.example.org"],
        accessControlAllowMethods: ["GET", "POST"],
        accessControlAllowHeaders: ["Authorization"],
        accessControlAllowCredentials: true,
        accessControlMaxAge: 600,
        addVaryHeader: true,
      },
    });
  });

  test("allow-list, basic auth, rate limit, redirect, strip prefix, chain; named ones are not defined", () => {
    expect(config({ kind: "ipAllowList", name: "lan", sourceRange: ["192.168.0.0/16", "fd00::/8"], site })).toEqual({ ipAllowList: { sourceRange: ["192.168.0.0/16", "fd00::/8"] } });
    expect(config({ kind: "basicAuth", name: "ba", users: [{ user: "alice", hash: "$2y$05$abc" }], site })).toEqual({ basicAuth: { users: ["alice:$2y$05$abc"] } });
    expect(config({ kind: "rateLimit", name: "rl", average: 100, burst: 50, periodSeconds: 1, site })).toEqual({ rateLimit: { average: 100, burst: 50 } });
    expect(config({ kind: "rateLimit", name: "rl", average: 10, burst: 5, periodSeconds: 60, site })).toEqual({ rateLimit: { average: 10, burst: 5, period: "60s" } });
    expect(config({ kind: "redirect", name: "www", regex: "^https://www\\.(.*)", replacement: "https://$1", permanent: true, site })).toEqual({
      redirectRegex: { regex: "^https://www\\.(.*)", replacement: "https://$1", permanent: true },
    });
    expect(config({ kind: "stripPrefix", name: "sp", prefixes: ["/api"], site })).toEqual({ stripPrefix: { prefixes: ["/api"] } });
    const named: Middleware = { kind: "named", name: "crowdsec@file", site };
    expect(config({ kind: "chain", name: "secure", middlewares: [auth, hsts, named], site })).toEqual({ chain: { middlewares: ["authelia", "hsts", "crowdsec@file"] } });
    expect(config(named)).toBeUndefined();
  });
});

describe("definedMiddlewares", () => {
  test("chain members before their chain, each name once, named ones left out", () => {
    const named: Middleware = { kind: "named", name: "compress", site };
    const secure: Middleware = { kind: "chain", name: "secure", middlewares: [auth, hsts], site };
    expect(definedMiddlewares([secure, hsts, named, auth]).map((m) => m.name)).toEqual(["authelia", "hsts", "secure"]);
  });
});
