/**
 * The routing model rendered for Traefik: every route feature (matchers, priorities, targets,
 * middlewares shared once, per-route TLS) in `routes.fixture.ts`, as text (a golden reviewed by
 * eye) and evaluated by the real `nix-instantiate` in the stand-in NixOS (TOML-typed dynamic
 * configuration). Expected values are written from Traefik's v3 routing and middleware reference.
 * The fixture passes validation (several routes on one host name differ by path, client or
 * priority, which the rule-aware duplicate-route check accepts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validate } from "../../validate/index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubEval } from "../../../test-support/render/stub.ts";
import { LAN, routesLab } from "./routes.fixture.ts";

const golden = readFileSync(new URL("./routes.golden.txt", import.meta.url), "utf8");

/** What every router of the fixture must be (the container mode's and the service mode's alike). */
const routers = {
  // The container's own routes, beside it: suffixed names, several on one host name.
  authelia: { rule: "Host(`auth.example.org`)", service: "authelia", entryPoints: ["websecure"], tls: { certResolver: "letsencrypt" } },
  "app-app": { rule: "Host(`app.example.org`)", service: "app-8080", entryPoints: ["websecure"], middlewares: ["secure", "api-limit"], tls: { certResolver: "letsencrypt" } },
  "app-app-2": {
    rule: `Host(\`app.example.org\`) && (ClientIP(\`${LAN}\`) || ClientIP(\`fd00::/8\`))`,
    service: "app-8080",
    entryPoints: ["websecure"],
    priority: 20,
    tls: { certResolver: "letsencrypt" },
  },
  "app-app-3": { rule: "Host(`app.example.org`) && PathPrefix(`/api/public`)", service: "app-8080", entryPoints: ["websecure"], priority: 30, middlewares: ["cors"], tls: { certResolver: "letsencrypt" } },
  "app-app-4": { rule: "Host(`app.example.org`) && PathPrefix(`/metrics`)", service: "app-8081", entryPoints: ["websecure"], middlewares: ["lan-only", "app-app-4-strip"], tls: { certResolver: "letsencrypt" } },
  "app-app-5": {
    rule: "Host(`app.example.org`) && PathRegexp(`^/v[0-9]+/hooks`)",
    service: "app-8081",
    entryPoints: ["websecure"],
    priority: 40,
    tls: { certResolver: "wildcard", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" },
  },
  wiki: { rule: "Host(`wiki.example.org`)", service: "wiki", entryPoints: ["websecure"], middlewares: ["secure"], tls: { certResolver: "letsencrypt" } },
  // The host's routes, in host.nix.
  "hass-example-org": { rule: "Host(`hass.example.org`)", service: "hass-example-org", entryPoints: ["websecure"], middlewares: ["family"], tls: { certResolver: "letsencrypt" } },
  "printer-example-org": { rule: "Host(`printer.example.org`)", service: "printer-example-org", entryPoints: ["websecure"], middlewares: ["lan-only"], tls: { certResolver: "letsencrypt" } },
  "nas-example-org": { rule: "Host(`nas.example.org`)", service: "nas-example-org", entryPoints: ["websecure"], middlewares: ["authelia"], tls: { certResolver: "letsencrypt" } },
  "traefik-example-org": { rule: "Host(`traefik.example.org`)", service: "api@internal", entryPoints: ["websecure"], middlewares: ["authelia"], tls: { certResolver: "letsencrypt" } },
  "www-example-org": { rule: "Host(`www.example.org`)", service: "noop@internal", entryPoints: ["websecure"], middlewares: ["www-example-org-redirect"], tls: { certResolver: "letsencrypt" } },
  "old-example-org": { rule: "Host(`old.example.org`)", service: "old-example-org", entryPoints: ["websecure"], middlewares: ["old-to-new", "legacy"], tls: { certResolver: "letsencrypt" } },
};

const middlewares = {
  authelia: { forwardAuth: { address: "ADDRESS", trustForwardHeader: true, authResponseHeaders: ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"] } },
  secure: { chain: { middlewares: ["authelia", "security"] } },
  security: { headers: { stsSeconds: 31536000, stsIncludeSubdomains: true, contentTypeNosniff: true, customFrameOptionsValue: "SAMEORIGIN" } },
  "api-limit": { rateLimit: { average: 100, burst: 50, period: "60s" } },
  cors: { headers: { customRequestHeaders: { "X-Forwarded-Proto": "https" }, accessControlAllowOriginList: ["https://app.example.org"], accessControlAllowMethods: ["GET"], addVaryHeader: true } },
  "lan-only": { ipAllowList: { sourceRange: [LAN, "fd00::/8"] } },
  family: { basicAuth: { users: ["alice:$2y$05$abcdefghijklmnopqrstuu5Ck0Ov6Oq1nJ0p4A0wP6uQ7pM8vO1Tq"] } },
  "old-to-new": { redirectRegex: { regex: "^https://old\\.(.*)", replacement: "https://new.$1" } },
  legacy: { stripPrefix: { prefixes: ["/legacy"] } },
  "app-app-4-strip": { stripPrefix: { prefixes: ["/metrics"] } },
  "www-example-org-redirect": { redirectRegex: { regex: "^https?://[^/]+/?(.*)$", replacement: "https://example.org/$1", permanent: true } },
};

/** The services by name: `http://<address>:<port>`, with container addresses matched loosely. */
const services = {
  authelia: /^http:\/\/192\.168\.100\.\d+:9091$/,
  "app-8080": /^http:\/\/192\.168\.100\.\d+:8080$/,
  "app-8081": /^http:\/\/192\.168\.100\.\d+:8081$/,
  wiki: /^http:\/\/192\.168\.100\.\d+:3000$/,
  "hass-example-org": /^http:\/\/127\.0\.0\.1:8123$/,
  "printer-example-org": /^http:\/\/127\.0\.0\.1:631$/,
  "nas-example-org": /^https:\/\/192\.168\.1\.20:5001$/,
  "old-example-org": /^http:\/\/192\.168\.1\.30$/,
};

const flatten = `http: http // { services = builtins.mapAttrs (_: s: map (x: x.url) s.loadBalancer.servers) http.services; }`;

function expectDynamic(http: { routers: unknown; middlewares: Record<string, unknown>; services: Record<string, string[]> }): void {
  expect(http.routers).toEqual(routers);
  const auth = http.middlewares["authelia"] as { forwardAuth: { address: string } };
  expect(auth.forwardAuth.address).toMatch(/^http:\/\/192\.168\.100\.\d+:9091\/api\/authz\/forward-auth$/);
  expect({ ...http.middlewares, authelia: { forwardAuth: { ...auth.forwardAuth, address: "ADDRESS" } } }).toEqual(middlewares);
  expect(Object.keys(http.services).sort()).toEqual(Object.keys(services).sort());
  for (const [name, url] of Object.entries(services)) expect(http.services[name], name).toEqual([expect.stringMatching(url)]);
}

describe("Traefik routes, every feature: Traefik in its container", () => {
  const lab = routesLab("container");
  let texts = new Map<string, string>();
  let dir = "";
  suiteTree(lab, (t, d) => ((texts = t), (dir = d)));

  it("is valid: no errors, no warnings but the stand-in's missing hardware module", () => {
    expect(validate(lab).map((d) => d.code)).toEqual(["deploy-no-hardware"]);
  });

  it("host.nix: the shared middlewares once, the host's routes (golden, reviewed by eye)", () => {
    const host = texts.get("host.nix")!;
    expect(host.slice(host.indexOf("  # Traefik: the middlewares"))).toBe(golden);
    // Defined once for the host: no container file defines a shared one again.
    for (const [path, text] of texts) if (path !== "host.nix") expect(text, path).not.toMatch(/\b(secure|security|lan-only|cors) = \{/);
  });

  it("evaluates to the dynamic configuration Traefik's reference asks for", () => {
    const v = stubEval(dir, { http: `let ${flatten}; in f config.containers.traefik.config.services.traefik.dynamicConfigOptions.http`.replace("http: http //", "f = http: http //") });
    expectDynamic(v.http as never);
  });
});

describe("Traefik routes, every feature: Traefik as a host service", () => {
  const lab = routesLab("service");
  let dir = "";
  suiteTree(lab, (_, d) => (dir = d));

  it("evaluates to the same dynamic configuration", () => {
    const v = stubEval(dir, { http: `let f = ${flatten}; in f config.services.traefik.dynamicConfigOptions.http` });
    expectDynamic(v.http as never);
  });
});
