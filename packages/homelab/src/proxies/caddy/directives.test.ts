import { describe, expect, it } from "vitest";
import type { Middleware } from "../../model/middleware.ts";
import { middlewareLines, usesRateLimit } from "./directives.ts";

const site = { file: "homelab.config.ts", line: 1, column: 1 };
const text = (chain: Middleware[], scope = "", clientMatcher: "remote_ip" | "client_ip" = "remote_ip") =>
  middlewareLines(chain, scope, { clientMatcher })
    .map((l) => l.join(""))
    .join("\n");

describe("middlewares as Caddy directives (expected text written by hand from Caddy's docs)", () => {
  it("security headers", () => {
    const m: Middleware = {
      kind: "headers",
      name: "secure",
      security: { stsSeconds: 31536000, stsIncludeSubdomains: true, stsPreload: false, contentTypeNosniff: true, frameOptions: "SAMEORIGIN", referrerPolicy: "no-referrer", contentSecurityPolicy: "default-src 'self'" },
      request: { "X-Forwarded-Proto": "https", "X-Powered-By": "" },
      response: { Server: "" },
      site,
    };
    expect(text([m])).toBe(
      [
        "header {",
        '  Strict-Transport-Security "max-age=31536000; includeSubDomains"',
        "  X-Content-Type-Options nosniff",
        "  X-Frame-Options SAMEORIGIN",
        "  Referrer-Policy no-referrer",
        `  Content-Security-Policy "default-src 'self'"`,
        "}",
        "request_header X-Forwarded-Proto https",
        "request_header -X-Powered-By",
        "header -Server",
      ].join("\n"),
    );
  });

  it("CORS: listed origins echoed back to a matching Origin; `*` to everyone", () => {
    const cors = (allowOrigins: string[]): Middleware => ({
      kind: "headers",
      name: "cors",
      cors: { allowOrigins, allowMethods: ["GET", "POST"], allowHeaders: [], allowCredentials: true, maxAge: 600 },
      request: {},
      response: {},
      site,
    });
    expect(text([cors(["https://a.example.org", "https://b.example.org"])], "api")).toBe(
      [
        "@api_cors_origin header Origin https://a.example.org https://b.example.org",
        "header @api_cors_origin {",
        "  Access-Control-Allow-Origin {http.request.header.Origin}",
        "  Vary Origin",
        '  Access-Control-Allow-Methods "GET, POST"',
        "  Access-Control-Allow-Credentials true",
        "  Access-Control-Max-Age 600",
        "}",
      ].join("\n"),
    );
    expect(text([cors(["*"])])).toBe(
      ["header {", "  Access-Control-Allow-Origin *", '  Access-Control-Allow-Methods "GET, POST"', "  Access-Control-Allow-Credentials true", "  Access-Control-Max-Age 600", "}"].join("\n"),
    );
  });

  it("an IP allow-list: the others get 403 (client_ip when Caddy trusts proxies)", () => {
    const m: Middleware = { kind: "ipAllowList", name: "lan", sourceRange: ["192.168.1.0/24"], site };
    expect(text([m])).toBe(["@lan_denied not remote_ip 192.168.1.0/24", "respond @lan_denied 403"].join("\n"));
    expect(text([m], "admin", "client_ip")).toBe(["@admin_lan_denied not client_ip 192.168.1.0/24", "respond @admin_lan_denied 403"].join("\n"));
  });

  it("a rate limit (caddy-ratelimit), a redirect over the whole URL with its captures, prefixes stripped, a chain in order", () => {
    const limit: Middleware = { kind: "rateLimit", name: "slow", average: 100, burst: 50, periodSeconds: 60, site };
    const www: Middleware = { kind: "redirect", name: "www", regex: "^https://www\\.(.+)", replacement: "https://${1}", permanent: true, site };
    const strip: Middleware = { kind: "stripPrefix", name: "strip", prefixes: ["/api", "/v1"], site };
    expect(text([{ kind: "chain", name: "edge", middlewares: [limit, www, strip], site }])).toBe(
      [
        "rate_limit {",
        "  zone edge_slow {",
        "    key {remote_host}",
        "    events 100",
        "    window 60s",
        "  }",
        "}",
        "vars edge_www_url {http.request.scheme}://{http.request.host}{http.request.uri}",
        "@edge_www vars_regexp edge_www_url ^https://www\\.(.+)",
        "redir @edge_www https://{re.edge_www.1} permanent",
        "uri strip_prefix /api",
        "uri strip_prefix /v1",
      ].join("\n"),
    );
    expect(usesRateLimit([{ kind: "chain", name: "edge", middlewares: [limit], site }])).toBe(true);
    expect(usesRateLimit([strip])).toBe(false);
  });

  it("a named (Traefik) middleware writes nothing: caddy-unsupported reports it", () => {
    expect(text([{ kind: "named", name: "crowdsec@file", site }])).toBe("");
  });
});
