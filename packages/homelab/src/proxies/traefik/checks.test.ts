/** Traefik's own checks: each with a failing and a passing case. */
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { secret } from "../../builders/secret.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";
import { traefikRoute } from "./route.ts";
import { LETSENCRYPT_STAGING } from "./static-model.ts";
import type { TraefikOptions } from "./schema.ts";

const email = "admin@example.org";
const app = (route: Parameters<typeof traefikRoute>[0]) => container("app", { ports: [8080], route: traefikRoute(route) });
const lab = (t: TraefikOptions, route: Partial<Parameters<typeof traefikRoute>[0]> = {}) =>
  testLab({ traefik: traefik(t), containers: [app({ subdomain: "app", port: 8080, public: true, ...route })] });

describe("unknown-entry-point", () => {
  test("a route's, a redirect's and an HTTP-01 challenge's entry point must exist; the message lists the known ones", () => {
    const bad = lab(
      {
        entryPoints: { lan: { address: ":8443", http: { redirections: { entryPoint: { to: "nowhere" } } } } },
        certResolvers: { le: { email, httpChallenge: { entryPoint: "plain" } } },
      },
      { entryPoint: "intranet" },
    );
    expect(summary(bad, "unknown-entry-point")).toEqual([
      "containers.app.routes[0]",
      "traefik.certResolvers.le.httpChallenge.entryPoint",
      "traefik.entryPoints.lan.http.redirections.entryPoint.to",
    ]);
    expect(findings(bad, "unknown-entry-point")[0]!.message).toBe(
      'app.example.org uses entry point "intranet", which Traefik does not define (it has "web", "websecure" and "lan"): drop entryPoint or use one of those',
    );
  });

  test("a declared entry point is fine", () => {
    expect(findings(lab({ entryPoints: { lan: { address: ":8443" } } }, { entryPoint: "lan" }), "unknown-entry-point")).toEqual([]);
  });
});

describe("unknown-cert-resolver", () => {
  test("the default, an entry point's and a route's resolver must be declared when nixjs declares resolvers", () => {
    const bad = lab(
      { certResolver: "cloudflare", certResolvers: { le: { email, tlsChallenge: {} } }, entryPoints: { websecure: { http: { tls: { certResolver: "lets" } } } } },
      { certResolver: "other" },
    );
    expect(summary(bad, "unknown-cert-resolver")).toEqual(["containers.app.routes[0]", "traefik.certResolver", "traefik.entryPoints.websecure.http.tls.certResolver"]);
    expect(findings(bad, "unknown-cert-resolver").find((d) => d.path === "containers.app.routes[0]")!.message).toBe(
      'app.example.org uses certificate resolver "other", which Traefik does not define (it has "le"): declare it in certResolvers or use one of those',
    );
  });

  test("declared names pass; with no resolver declared at all, a name may come from a hand-written module", () => {
    expect(findings(lab({ certResolver: "le", certResolvers: { le: { email, tlsChallenge: {} } } }, { certResolver: "le" }), "unknown-cert-resolver")).toEqual([]);
    expect(findings(lab({ certResolver: "cloudflare" }, { certResolver: "other" }), "unknown-cert-resolver")).toEqual([]);
  });
});

describe("unknown-tls-options", () => {
  test("an entry point's TLS options must be declared (or be Traefik's own default)", () => {
    const bad = lab({ entryPoints: { websecure: { http: { tls: { options: "modern" } } } } });
    expect(findings(bad, "unknown-tls-options").map((d) => `${d.path}: ${d.message}`)).toEqual([
      'traefik.entryPoints.websecure.http.tls.options: entry point "websecure" uses TLS options "modern", which Traefik does not define (it has "default"): declare them in tlsOptions or use one of those',
    ]);
    expect(findings(lab({ entryPoints: { websecure: { http: { tls: { options: "modern" } } } }, tlsOptions: { modern: { minVersion: "VersionTLS13" } } }), "unknown-tls-options")).toEqual([]);
    expect(findings(lab({ entryPoints: { websecure: { http: { tls: { options: "default" } } } } }), "unknown-tls-options")).toEqual([]);
  });

  test("a route's TLS options (route({ tls: { options } })) too", () => {
    const routed = (t: TraefikOptions) => testLab({ traefik: traefik(t), containers: [container("app", { ports: [80], route: route({ subdomain: "app", port: 80, public: true, tls: { options: "modern" } }) })] });
    expect(summary(routed({}), "unknown-tls-options")).toEqual(["containers.app.routes[0]"]);
    expect(findings(routed({ tlsOptions: { modern: { minVersion: "VersionTLS13" } } }), "unknown-tls-options")).toEqual([]);
  });
});

describe("traefik-staging-resolver", () => {
  const resolvers = { le: { email, tlsChallenge: {} }, staging: { email, tlsChallenge: {}, caServer: LETSENCRYPT_STAGING } };

  test("a route, the default or an entry point on a staging CA: a warning each", () => {
    const bad = lab({ certResolver: "staging", certResolvers: resolvers, entryPoints: { lan: { address: ":8443", http: { tls: { certResolver: "staging" } } } } }, { certResolver: "staging" });
    expect(summary(bad, "traefik-staging-resolver")).toEqual(["containers.app.routes[0]", "traefik.certResolver", "traefik.entryPoints.lan.http.tls.certResolver"]);
    expect(findings(bad, "traefik-staging-resolver")[0]!.severity).toBe("warning");
  });

  test("a staging resolver declared beside the production one and unused is fine", () => {
    expect(findings(lab({ certResolver: "le", certResolvers: resolvers }), "traefik-staging-resolver")).toEqual([]);
  });
});

describe("acme-dns-credentials, per resolver", () => {
  test("each DNS-01 resolver without environmentFiles; HTTP-01 and TLS-ALPN-01 need none", () => {
    const resolvers = {
      cf: { email, dnsChallenge: { provider: "cloudflare" } },
      desec: { email, dnsChallenge: { provider: "desec" } },
      http: { email, httpChallenge: {} },
    };
    const bad = findings(lab({ certResolvers: resolvers }), "acme-dns-credentials");
    expect(bad.map((d) => d.path)).toEqual(["traefik.certResolvers.cf.dnsChallenge.provider", "traefik.certResolvers.desec.dnsChallenge.provider"]);
    expect(bad[1]!.message).toContain('the DNS-01 challenge with "desec" (resolver "desec") needs the provider\'s API credentials');
    expect(findings(lab({ certResolvers: resolvers, environmentFiles: [secret("dns-tokens")] }), "acme-dns-credentials")).toEqual([]);
  });
});

describe("settings left on by accident", () => {
  test("api.insecure, insecureSkipVerify, DEBUG and TRACE logs: warnings naming the setting", () => {
    const bad = lab({ api: { insecure: true }, serversTransport: { insecureSkipVerify: true }, log: { level: "DEBUG" } });
    expect(findings(bad, "traefik-api-insecure").map((d) => [d.path, d.severity])).toEqual([["traefik.api.insecure", "warning"]]);
    expect(findings(bad, "traefik-api-insecure")[0]!.message).toContain("api.insecure");
    expect(findings(bad, "traefik-insecure-skip-verify").map((d) => d.path)).toEqual(["traefik.serversTransport.insecureSkipVerify"]);
    expect(findings(bad, "traefik-insecure-skip-verify")[0]!.message).toContain("serversTransport.insecureSkipVerify");
    expect(findings(bad, "traefik-debug-log").map((d) => d.message)).toEqual([expect.stringContaining('log.level "DEBUG"')]);
    expect(findings(lab({ log: { level: "TRACE" } }), "traefik-debug-log")).toHaveLength(1);
  });

  test("the safe settings are quiet", () => {
    const good = lab({ api: { dashboard: true }, serversTransport: { rootCAs: ["/etc/ssl/lan.pem"] }, log: { level: "INFO" } });
    for (const code of ["traefik-api-insecure", "traefik-insecure-skip-verify", "traefik-debug-log"]) expect(findings(good, code)).toEqual([]);
  });

  test("api.insecure's :8080 is a listener: a host service on 8080 clashes with it", () => {
    const t = traefik({ mode: "service", api: { insecure: true } });
    const clash = testLab({ traefik: t, containers: [container("web", { network: "host", ports: [8080] })] });
    expect(summary(clash, "port-conflict")).toEqual(["containers.web.ports[0] -> traefik.api.insecure", "traefik.api.insecure -> containers.web.ports[0]"]);
    expect(findings(testLab({ traefik: traefik({ mode: "service" }), containers: [container("web", { network: "host", ports: [8080] })] }), "port-conflict")).toEqual([]);
  });
});

describe("traefik-acme-ephemeral", () => {
  const certResolvers = { le: { email, tlsChallenge: {} } };

  test("an ephemeral traefik container keeping acme.json in its own root: a warning", () => {
    const bad = findings(lab({ certResolvers, container: { ephemeral: true } }), "traefik-acme-ephemeral");
    expect(bad.map((d) => d.path)).toEqual(["traefik.container.ephemeral"]);
    expect(bad[0]!.message).toContain("bind-mount /var/lib/traefik from the host");
  });

  test("with /var/lib/traefik bind-mounted, or not ephemeral, it is fine", () => {
    const mounted = { ephemeral: true, bindMounts: { "/var/lib/traefik": { hostPath: "/persist/traefik", isReadOnly: false } } };
    expect(findings(lab({ certResolvers, container: mounted }), "traefik-acme-ephemeral")).toEqual([]);
    expect(findings(lab({ certResolvers }), "traefik-acme-ephemeral")).toEqual([]);
  });
});
