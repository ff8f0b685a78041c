/**
 * The committed tree of `examples/proxy-zoo/` evaluated by the stand-in NixOS (real
 * nix-instantiate), read for what its owner would check: every route feature arrives in
 * Traefik's configuration as Traefik reads it, and AdGuard Home answers every routed name.
 * Expected values are written from the example's config, Traefik's and AdGuard Home's docs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evalServer } from "./nixos-stub/eval-server.ts";
import { CONFIGS, committedTreeCopy, REPO_ROOT, removeTrees } from "./trees.ts";

afterAll(removeTrees);

const config = CONFIGS.find((c) => c.name === "proxy-zoo")!;
const rules = readFileSync(join(REPO_ROOT, config.committed, "secrets/secrets.nix"), "utf8");
const dir = committedTreeCopy(config, [...rules.matchAll(/"([^"]+\.age)"\.publicKeys/g)].map((m) => `secrets/${m[1]}`));
const http = "services.traefik.dynamicConfigOptions.http";
const zoo = "zoo.example.net";

describe("examples/proxy-zoo: the proxy layer as Traefik and AdGuard Home read it", () => {
  const v = evalServer(dir, "gateway", {
    routers: `${http}.routers`,
    services: `${http}.services`,
    middlewares: `${http}.middlewares`,
    static: "services.traefik.staticConfigOptions",
    rewrites: "containers.adguard.config.services.adguardhome.settings.filtering.rewrites",
  }, { check: false }) as {
    routers: Record<string, { rule: string; service: string; middlewares?: string[]; priority?: number; tls?: unknown }>;
    services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
    middlewares: Record<string, Record<string, unknown>>;
    static: { certificatesResolvers: Record<string, { acme: { caServer?: string; storage: string } }>; entryPoints: Record<string, unknown> };
    rewrites: { domain: string; answer: string }[];
  };

  it("a public router with Authentik and a LAN-only router without it on one host name", () => {
    expect(v.routers["jellyfin-media"]).toMatchObject({ rule: `Host(\`media.${zoo}\`)`, middlewares: ["sso"] });
    expect(v.routers["jellyfin-media-2"]).toMatchObject({ rule: `Host(\`media.${zoo}\`) && ClientIP(\`192.168.1.0/24\`)` });
    expect(v.routers["jellyfin-media-2"]!.middlewares).toBeUndefined();
    // Traefik's default priority is the rule's length: the LAN rule is longer, so it wins for LAN clients.
    expect(v.routers["jellyfin-media-2"]!.rule.length).toBeGreaterThan(v.routers["jellyfin-media"]!.rule.length);
  });

  it("the chain, the webhook bypass, the LAN device, the dashboard and the redirect", () => {
    expect(v.middlewares["sso"]).toEqual({ chain: { middlewares: ["authentik", "secure-headers"] } });
    expect((v.middlewares["authentik"]!["forwardAuth"] as { address: string }).address).toBe("http://127.0.0.1:9000/outpost.goauthentik.io/auth/traefik");
    expect(v.routers["home-zoo-example-net-2"]).toMatchObject({ rule: `Host(\`home.${zoo}\`) && PathPrefix(\`/api/webhook/\`)`, middlewares: ["webhook-limit"] });
    expect(v.services["home-zoo-example-net-2"]!.loadBalancer.servers).toEqual([{ url: "http://192.168.1.20:8123" }]);
    expect(v.routers["traefik-zoo-example-net"]).toMatchObject({ service: "api@internal", middlewares: ["sso"], tls: { options: "modern" } });
    expect(v.routers["www-zoo-example-net"]).toMatchObject({ service: "noop@internal", middlewares: ["www-zoo-example-net-redirect"] });
    // Authentik's login callback on every host name it protects, above every route there.
    const outposts = Object.keys(v.routers).filter((name) => name.endsWith("-authentik-outpost")).sort();
    expect(outposts).toEqual(["dns", "home", "media", "traefik"].map((h) => `${h}-zoo-example-net-authentik-outpost`));
  });

  it("one wildcard certificate on the TLS entry point; production and staging resolvers", () => {
    expect(v.static.entryPoints["websecure"]).toEqual({
      address: ":443",
      http: { tls: { certResolver: "letsencrypt", domains: [{ main: zoo, sans: [`*.${zoo}`] }] } },
    });
    expect(v.static.certificatesResolvers["letsencrypt-staging"]!.acme.caServer).toBe("https://acme-staging-v02.api.letsencrypt.org/directory");
    expect(v.static.certificatesResolvers["letsencrypt"]!.acme.caServer).toBeUndefined();
    // Separate storage: a staging account never overwrites the production certificates.
    expect(v.static.certificatesResolvers["letsencrypt-staging"]!.acme.storage).not.toBe(v.static.certificatesResolvers["letsencrypt"]!.acme.storage);
  });

  it("AdGuard Home answers every routed host name with the gateway", () => {
    expect(v.rewrites.map((r) => r.domain)).toEqual(["auth", "dns", "home", "media", "nas", "traefik", "www"].map((h) => `${h}.${zoo}`));
    expect(new Set(v.rewrites.map((r) => r.answer))).toEqual(new Set(["192.168.1.10"]));
  });
});
