import { n, print, type NixExpr } from "@nixjs/expr-printer";
import { describe, expect, it } from "vitest";
import type { Middleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { containerLabels, LABEL_NAME, middlewareRef, routeLabels } from "./labels.ts";

const site = { file: "homelab.config.ts", line: 1, column: 1 };
const lab = { domain: "example.org" };

/** A route as the builders make it: model values, so these tests need no builder. */
function route(over: Partial<Route> = {}): Route {
  return {
    kind: "route",
    match: { host: { kind: "subdomain", name: "app" }, clients: [] },
    target: { kind: "attached", port: 80 },
    middlewares: [],
    tls: { domains: [], internal: false },
    public: false,
    site,
    ...over,
  };
}

const authelia: Middleware = { kind: "forwardAuth", name: "authelia", provider: "authelia", site };
const secure: Middleware = { kind: "chain", name: "secure", middlewares: [authelia], site };
const crowdsec: Middleware = { kind: "named", name: "crowdsec@file", site };
const compress: Middleware = { kind: "named", name: "compress", site };

/** The labels printed as the attribute set they land in, to read them as a maintainer would. */
function printed(labels: readonly (readonly [string, NixExpr])[]): string {
  return print(n.attrs(labels.map(([k, v]) => n.bind([k], v)))).trimEnd();
}

describe("Traefik labels", () => {
  it("a protected route with a path, two client ranges, a chain and a wildcard certificate (golden, written by hand)", () => {
    const r = route({
      match: { host: { kind: "subdomain", name: "photos" }, path: { kind: "prefix", prefix: "/api", strip: true }, clients: ["192.168.0.0/16", "10.0.0.0/8"] },
      middlewares: [secure, crowdsec, compress],
      priority: 20,
      tls: { certResolver: "le-staging", domains: [{ main: "*.example.org", sans: ["example.org"] }], options: "modern", internal: false },
    });
    const labels = containerLabels(lab, { entryPoint: "websecure", certResolver: "le" }, "web", [{ route: r, router: "photos-api", service: "photos", port: 2283 }]);
    expect(printed(labels)).toBe(`{
  "traefik.docker.network" = "web";
  "traefik.enable" = "true";
  "traefik.http.middlewares.photos-api-strip.stripprefix.prefixes" = "/api";
  "traefik.http.routers.photos-api.entrypoints" = "websecure";
  "traefik.http.routers.photos-api.middlewares" =
    "secure@file,crowdsec@file,compress@file,photos-api-strip@docker";
  "traefik.http.routers.photos-api.priority" = "20";
  "traefik.http.routers.photos-api.rule" =
    "Host(\`photos.\${domain}\`) && PathPrefix(\`/api\`) && (ClientIP(\`192.168.0.0/16\`) || ClientIP(\`10.0.0.0/8\`))";
  "traefik.http.routers.photos-api.service" = "photos";
  "traefik.http.routers.photos-api.tls.certresolver" = "le-staging";
  "traefik.http.routers.photos-api.tls.domains[0].main" = "*.example.org";
  "traefik.http.routers.photos-api.tls.domains[0].sans" = "example.org";
  "traefik.http.routers.photos-api.tls.options" = "modern@file";
  "traefik.http.services.photos.loadbalancer.server.port" = "2283";
}`);
  });

  it("two routes, one service: a public router and a LAN-only one on plain HTTP without TLS", () => {
    const pub = route({ public: true });
    const lan = route({ match: { host: { kind: "fqdn", name: "app.lan" }, clients: ["192.168.1.0/24"] }, entryPoint: "web" });
    const labels = containerLabels(lab, { entryPoint: "websecure" }, "media", [
      { route: pub, router: "app", service: "app", port: 8080 },
      { route: lan, router: "app-lan", service: "app", port: 8080 },
    ]);
    expect(printed(labels)).toBe(`{
  "traefik.docker.network" = "media";
  "traefik.enable" = "true";
  "traefik.http.routers.app-lan.entrypoints" = "web";
  "traefik.http.routers.app-lan.rule" = "Host(\`app.lan\`) && ClientIP(\`192.168.1.0/24\`)";
  "traefik.http.routers.app-lan.service" = "app";
  "traefik.http.routers.app.entrypoints" = "websecure";
  "traefik.http.routers.app.rule" = "Host(\`app.\${domain}\`)";
  "traefik.http.routers.app.service" = "app";
  "traefik.http.routers.app.tls" = "true";
  "traefik.http.services.app.loadbalancer.server.port" = "8080";
}`);
  });

  it("a regex path and a full name under the domain", () => {
    const r = route({ match: { host: { kind: "fqdn", name: "git.example.org" }, path: { kind: "regex", pattern: "^/v[0-9]+/" }, clients: [] } });
    const [rule] = routeLabels(lab, { entryPoint: "websecure" }, { route: r, router: "git", service: "git", port: 3000 });
    expect(print(rule![1]).trimEnd()).toBe('"Host(`git.${domain}`) && PathRegexp(`^/v[0-9]+/`)"');
  });

  it("names middlewares across providers: nixjs's live in the file provider", () => {
    expect([authelia, secure, crowdsec, compress].map(middlewareRef)).toEqual(["authelia@file", "secure@file", "crowdsec@file", "compress@file"]);
  });

  it("a host name replaced by an expression (cfg.domain in the modules layout)", () => {
    const [rule] = routeLabels(lab, { entryPoint: "websecure" }, { route: route(), router: "app", service: "app", port: 80 }, [n.select("cfg.domain")]);
    expect(print(rule![1]).trimEnd()).toBe('"Host(`${cfg.domain}`)"');
  });

  it("no TLS labels on an entry point with TLS defaults of its own, unless the route has its own (as router.ts)", () => {
    const defaults = { entryPoint: "websecure", certResolver: "le", tlsEntryPoints: ["websecure"] };
    const keys = (r: Route): string[] => routeLabels(lab, defaults, { route: r, router: "app", service: "app", port: 80 }).map(([k]) => k);
    expect(keys(route()).filter((k) => k.includes(".tls"))).toEqual([]);
    expect(keys(route({ tls: { certResolver: "other", domains: [], internal: false } })).filter((k) => k.includes(".tls"))).toEqual(["traefik.http.routers.app.tls.certresolver"]);
    expect(keys(route({ entryPoint: "lan" })).filter((k) => k.includes(".tls"))).toEqual(["traefik.http.routers.app.tls.certresolver"]);
  });

  it("label names: letters, digits, - and _ only", () => {
    expect(["app", "my_app-2"].every((s) => LABEL_NAME.test(s))).toBe(true);
    expect(["my.app", "a@b", "a b", ""].some((s) => LABEL_NAME.test(s))).toBe(false);
  });
});
