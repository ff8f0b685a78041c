/** A route's router: TLS by entry point, priority, the generated strip and redirect middlewares. */
import { print } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { route } from "../../builders/route.ts";
import { traefik } from "./builders.ts";
import { traefikRouter } from "./router.ts";

const text = (r: ReturnType<typeof traefikRouter>): string => print(r.router.toAttrs()).trimEnd();
const input = { name: "app", host: ["app.example.org"], service: "app" };

describe("traefikRouter", () => {
  test("the instance's resolver; none on web; tls = { } without any resolver", () => {
    expect(text(traefikRouter(traefik({ certResolver: "le" }), route({ subdomain: "app", port: 80 }), input))).toContain('tls.certResolver = "le";');
    expect(text(traefikRouter(traefik({ certResolver: "le" }), route({ subdomain: "app", port: 80, entryPoint: "web" }), input))).not.toContain("tls");
    expect(text(traefikRouter(traefik(), route({ subdomain: "app", port: 80 }), input))).toContain("tls = { };");
  });

  test("an entry point with TLS defaults (a wildcard) gives its routers no tls of their own, unless the route has some", () => {
    const wildcard = traefik({ certResolver: "le", entryPoints: { websecure: { http: { tls: { certResolver: "le", domains: [{ main: "example.org", sans: ["*.example.org"] }] } } } } });
    expect(text(traefikRouter(wildcard, route({ subdomain: "app", port: 80 }), input))).not.toContain("tls");
    expect(text(traefikRouter(wildcard, route({ subdomain: "app", port: 80, tls: { options: "modern" } }), input))).toContain('tls = {\n    certResolver = "le";\n    options = "modern";\n  };');
  });

  test("priority, strip-prefix after the route's middlewares, a redirect target's middleware", () => {
    const strip = traefikRouter(traefik(), route({ subdomain: "app", path: "/api", stripPrefix: true, priority: 5, port: 80 }), input);
    expect(text(strip)).toContain("priority = 5;");
    expect(text(strip)).toContain('middlewares = [ "app-strip" ];');
    expect(strip.middlewares.map(([n, v]) => [n, print(v).trimEnd()])).toEqual([["app-strip", "{ stripPrefix.prefixes = [ \"/api\" ]; }"]]);
    const redirect = traefikRouter(traefik(), route({ host: "www.example.org", to: { redirect: "https://example.org/", permanent: false } }), { ...input, service: "noop@internal" });
    expect(redirect.middlewares.map(([n, v]) => [n, print(v).trimEnd()])).toEqual([
      ["app-redirect", '{\n  redirectRegex = {\n    regex = "^https?://[^/]+/?(.*)$";\n    replacement = "https://example.org/$1";\n  };\n}'],
    ]);
  });
});
