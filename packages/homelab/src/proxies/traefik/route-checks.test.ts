import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { caddy } from "../caddy/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";

describe("traefik-unsupported: Caddy-only options on a route Traefik serves", () => {
  test("tls.internal, tls.email, extraConfig and reverseProxy are each an error naming the field", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } }),
      containers: [
        container("app", {
          ports: [8080],
          route: route({
            subdomain: "app",
            port: 8080,
            public: true,
            tls: { internal: true, email: "ops@example.org" },
            extraConfig: "encode zstd gzip",
            reverseProxy: { headerUp: { "X-Real-IP": "{remote_host}" } },
          }),
        }),
      ],
    });
    // Diagnostics come sorted by path.
    expect(summary(lab, "traefik-unsupported")).toEqual([
      "containers.app.routes[0].extraConfig",
      "containers.app.routes[0].reverseProxy",
      "containers.app.routes[0].tls.email",
      "containers.app.routes[0].tls.internal",
    ]);
    const internal = findings(lab, "traefik-unsupported").find((d) => d.path === "containers.app.routes[0].tls.internal");
    expect(internal).toMatchObject({ severity: "error" });
    expect(internal!.message).toBe(
      'app.example.org: tls.internal is Caddy\'s own CA; Traefik has none: drop it and use a certificate resolver (tls.certResolver), or serve the route with Caddy (proxy: "caddy")',
    );
  });

  test("the same options on a route Caddy serves, beside Traefik, are fine; a plain Traefik route too", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } }),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      containers: [
        container("app", {
          ports: [8080],
          routes: [
            route({ host: "app.home.arpa", port: 8080, public: true, proxy: "caddy", tls: { internal: true }, extraConfig: "encode zstd gzip" }),
            route({ subdomain: "app", port: 8080, public: true, proxy: "traefik", tls: { certResolver: "le" } }),
          ],
        }),
      ],
    });
    expect(summary(lab, "traefik-unsupported")).toEqual([]);
  });

  test("sitePort (Caddy's host:port site) is an error naming the field and the entry point to declare instead", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } }),
      containers: [container("app", { ports: [8080], route: route({ subdomain: "app", port: 8080, sitePort: 8443, public: true }) })],
    });
    expect(summary(lab, "traefik-unsupported")).toEqual(["containers.app.routes[0].sitePort"]);
    expect(findings(lab, "traefik-unsupported")[0]!.message).toBe(
      "app.example.org: sitePort is Caddy's host:port site address; with Traefik declare an entry point on that port (traefik({ entryPoints: { admin: { address: ':8443' } } })) and set entryPoint",
    );
  });
});
