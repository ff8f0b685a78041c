/**
 * `traefik({...})`'s static settings as Traefik's static configuration (and its own dynamic
 * `tls.options`). Expected values are written from Traefik's v3 reference (entry points,
 * `certificatesResolvers.<name>.acme`, `dnsChallenge.propagation`), not from the code.
 */
import { describe, expect, test } from "vitest";
import { secret } from "../../builders/secret.ts";
import { traefik } from "./builders.ts";
import { entryPointSocket } from "./effective.ts";
import { dynamicTls, staticConfig } from "./static-config.ts";
import { LETSENCRYPT_STAGING } from "./static-model.ts";

describe("staticConfig: today's output for today's options", () => {
  test("web on :80 redirects to websecure on :443; nothing else", () => {
    expect(staticConfig(traefik())).toEqual({
      entryPoints: {
        web: { address: ":80", http: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } } },
        websecure: { address: ":443" },
      },
    });
  });

  test("the short form certResolver + acme: DNS-01 with dnsProvider, HTTP-01 on web otherwise; the dashboard", () => {
    const dns = traefik({ certResolver: "le", acme: { email: "a@example.org", dnsProvider: "cloudflare" }, dashboard: true });
    expect(staticConfig(dns)).toMatchObject({
      certificatesResolvers: { le: { acme: { email: "a@example.org", storage: "/var/lib/traefik/acme.json", dnsChallenge: { provider: "cloudflare" } } } },
      api: { dashboard: true },
    });
    const http = traefik({ certResolver: "le", acme: { email: "a@example.org" }, redirectToHttps: false });
    expect(staticConfig(http)).toEqual({
      entryPoints: { web: { address: ":80" }, websecure: { address: ":443" } },
      certificatesResolvers: { le: { acme: { email: "a@example.org", storage: "/var/lib/traefik/acme.json", httpChallenge: { entryPoint: "web" } } } },
    });
  });
});

describe("staticConfig: entry points", () => {
  test("the defaults adjusted field by field, and a named entry point of the user's", () => {
    const t = traefik({
      entryPoints: {
        websecure: {
          forwardedHeaders: { trustedIPs: ["173.245.48.0/20", "2400:cb00::/32"] },
          http: { tls: { certResolver: "le", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" } },
        },
        lan: { address: "192.168.1.10:8443", proxyProtocol: { trustedIPs: ["192.168.1.2"] } },
        plain: { address: ":8080", http: { redirections: { entryPoint: { to: "lan", permanent: false } } } },
      },
      certResolvers: { le: { email: "a@example.org", tlsChallenge: {} } },
      tlsOptions: { modern: { minVersion: "VersionTLS13" } },
    });
    expect(staticConfig(t)["entryPoints"]).toEqual({
      web: { address: ":80", http: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } } },
      websecure: {
        address: ":443",
        forwardedHeaders: { trustedIPs: ["173.245.48.0/20", "2400:cb00::/32"] },
        http: { tls: { certResolver: "le", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" } },
      },
      lan: { address: "192.168.1.10:8443", proxyProtocol: { trustedIPs: ["192.168.1.2"] } },
      plain: { address: ":8080", http: { redirections: { entryPoint: { to: "lan", scheme: "https", permanent: false } } } },
    });
  });

  test("web's own redirect replaces the default one; a TLS entry point named web has no redirect", () => {
    const own = traefik({ entryPoints: { web: { http: { redirections: { entryPoint: { to: "websecure", scheme: "https", permanent: true } } } } } });
    expect(staticConfig(own)["entryPoints"]).toMatchObject({ web: { http: { redirections: { entryPoint: { to: "websecure", scheme: "https", permanent: true } } } } });
    expect(staticConfig(traefik({ entryPoint: "web" }))["entryPoints"]).toEqual({ web: { address: ":80" } });
  });

  test("sockets of entry point addresses", () => {
    expect(entryPointSocket(":443")).toEqual({ address: "0.0.0.0", port: 443, protocol: "tcp" });
    expect(entryPointSocket("192.168.1.10:53/udp")).toEqual({ address: "192.168.1.10", port: 53, protocol: "udp" });
    expect(entryPointSocket("[::]:8443")).toEqual({ address: "0.0.0.0", port: 8443, protocol: "tcp" });
    expect(entryPointSocket("nonsense")).toBeUndefined();
  });
});

describe("staticConfig: resolvers, API, logs, transport", () => {
  test("production and staging DNS-01 resolvers beside the short form, HTTP-01 on another entry point", () => {
    const t = traefik({
      certResolver: "le",
      acme: { email: "a@example.org" },
      certResolvers: {
        letsencrypt: {
          email: "a@example.org",
          dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1:53", "8.8.8.8:53"], propagation: { delayBeforeChecks: 60, disableChecks: true } },
          keyType: "EC256",
        },
        "letsencrypt-staging": { email: "a@example.org", dnsChallenge: { provider: "cloudflare" }, caServer: LETSENCRYPT_STAGING, storage: "/var/lib/traefik/staging.json" },
        alt: { email: "b@example.org", httpChallenge: { entryPoint: "alt" } },
      },
      entryPoints: { alt: { address: ":8000" } },
      environmentFiles: [secret("cloudflare-token")],
    });
    expect(staticConfig(t)["certificatesResolvers"]).toEqual({
      le: { acme: { email: "a@example.org", storage: "/var/lib/traefik/acme.json", httpChallenge: { entryPoint: "web" } } },
      alt: { acme: { email: "b@example.org", storage: "/var/lib/traefik/acme.json", httpChallenge: { entryPoint: "alt" } } },
      letsencrypt: {
        acme: {
          email: "a@example.org",
          storage: "/var/lib/traefik/acme.json",
          keyType: "EC256",
          dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1:53", "8.8.8.8:53"], propagation: { delayBeforeChecks: "60s", disableChecks: true } },
        },
      },
      "letsencrypt-staging": {
        acme: {
          email: "a@example.org",
          storage: "/var/lib/traefik/staging.json",
          caServer: "https://acme-staging-v02.api.letsencrypt.org/directory",
          dnsChallenge: { provider: "cloudflare" },
        },
      },
    });
  });

  test("api (the dashboard short form agrees), logs, access log, servers transport", () => {
    const t = traefik({
      api: { dashboard: true, insecure: true },
      log: { level: "WARN", format: "json" },
      accessLog: { filePath: "/var/lib/traefik/access.log" },
      serversTransport: { rootCAs: ["/etc/ssl/lan-ca.pem"], insecureSkipVerify: true },
    });
    expect(staticConfig(t)).toMatchObject({
      api: { dashboard: true, insecure: true },
      log: { level: "WARN", format: "json" },
      accessLog: { filePath: "/var/lib/traefik/access.log" },
      serversTransport: { insecureSkipVerify: true, rootCAs: ["/etc/ssl/lan-ca.pem"] },
    });
    expect(staticConfig(traefik({ api: { insecure: true } }))["api"]).toEqual({ dashboard: false, insecure: true });
    expect(staticConfig(traefik({ accessLog: {} }))["accessLog"]).toEqual({});
    const quiet = staticConfig(traefik({ accessLog: { enable: false }, serversTransport: {}, api: { dashboard: false } }));
    expect(Object.keys(quiet)).toEqual(["entryPoints"]);
  });

  test("named TLS options are dynamic configuration, absent without any", () => {
    expect(dynamicTls(traefik())).toBeUndefined();
    const t = traefik({ tlsOptions: { modern: { minVersion: "VersionTLS13", sniStrict: true }, default: { minVersion: "VersionTLS12", curvePreferences: ["X25519"] } } });
    expect(dynamicTls(t)).toEqual({
      options: { default: { minVersion: "VersionTLS12", curvePreferences: ["X25519"] }, modern: { minVersion: "VersionTLS13", sniStrict: true } },
    });
  });
});
