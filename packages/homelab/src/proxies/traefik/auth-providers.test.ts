/**
 * Routes through `authelia()` and `authentik()` providers on Traefik: the forward-auth
 * middleware asks the endpoint every proxy shares (`auth/endpoints.ts`), and every host name
 * protected through Authentik also routes Authentik's outpost prefix to the outpost (its login
 * callback lands on the application's own host name). Evaluated by the real `nix-instantiate`
 * in the stand-in NixOS; expected values written from Authelia's and Authentik's proxy guides.
 */
import { describe, expect, it } from "vitest";
import { container } from "../../builders/container.ts";
import { homelab } from "../../builders/homelab.ts";
import { chain, forwardAuth, headers } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import { validate } from "../../validate/index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubEval } from "../../../test-support/render/stub.ts";
import { authProviders, providerContainers } from "../../../test-support/render/auth-providers-lab.ts";
import { traefik } from "./builders.ts";
import { OUTPOST_PRIORITY } from "./outpost.ts";

const sso = chain("sso", [forwardAuth("authentik"), headers("security", { security: true })]);

function lab() {
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    modules: [],
    traefik: traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } }),
    auth: authProviders(),
    containers: [
      ...providerContainers(),
      container("wiki", { ports: [3000], route: route({ subdomain: "wiki", port: 3000, auth: "authelia" }) }),
      container("paperless", {
        ports: [28981],
        routes: [
          route({ subdomain: "docs", port: 28981, middlewares: [sso] }),
          route({ subdomain: "docs", path: "/api", port: 28981, priority: 50, middlewares: [sso] }),
        ],
      }),
    ],
    routes: [route({ subdomain: "nas", to: { url: "http://192.168.1.20:5000" }, auth: "authentik" })],
  });
}

describe("Traefik with authelia() and authentik() providers", () => {
  const l = lab();
  let dir = "";
  suiteTree(l, (_, d) => (dir = d));

  it("is valid (no finding but the stand-in's missing hardware module)", () => {
    expect(validate(l).map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^deploy-no-hardware/)]);
  });

  it("asks Authelia's and Authentik's forward-auth endpoints, and routes the outpost on every host Authentik protects", () => {
    const v = stubEval(dir, {
      http: `let h = config.services.traefik.dynamicConfigOptions.http; in h // { services = builtins.mapAttrs (_: s: map (x: x.url) s.loadBalancer.servers) h.services; }`,
    });
    const http = v.http as { routers: Record<string, Record<string, unknown>>; middlewares: Record<string, { forwardAuth?: { address: string } }>; services: Record<string, string[]> };
    expect(http.middlewares["authelia"]!.forwardAuth!.address).toMatch(/^http:\/\/192\.168\.100\.\d+:9091\/api\/authz\/forward-auth$/);
    // Published on loopback: Traefik on the host asks it there, on Traefik's own endpoint.
    expect(http.middlewares["authentik"]!.forwardAuth!.address).toBe("http://127.0.0.1:9000/outpost.goauthentik.io/auth/traefik");
    expect(http.services["authentik-outpost"]).toEqual(["http://127.0.0.1:9000"]);
    const outposts = Object.fromEntries(Object.entries(http.routers).filter(([name]) => name.endsWith("-outpost")));
    // One per protected host name (docs has two routes through Authentik: one outpost router);
    // none for wiki (Authelia) and none for the public routes.
    expect(outposts).toEqual({
      "docs-example-org-authentik-outpost": {
        rule: "Host(`docs.example.org`) && PathPrefix(`/outpost.goauthentik.io/`)",
        service: "authentik-outpost",
        entryPoints: ["websecure"],
        priority: OUTPOST_PRIORITY,
        tls: { certResolver: "le" },
      },
      "nas-example-org-authentik-outpost": {
        rule: "Host(`nas.example.org`) && PathPrefix(`/outpost.goauthentik.io/`)",
        service: "authentik-outpost",
        entryPoints: ["websecure"],
        priority: OUTPOST_PRIORITY,
        tls: { certResolver: "le" },
      },
    });
    expect(OUTPOST_PRIORITY).toBeGreaterThan(50);
  });
});
