/**
 * Every static Traefik option, rendered and evaluated by the real `nix-instantiate` in the
 * stand-in NixOS (whose `staticConfigOptions`/`dynamicConfigOptions` are TOML-typed as in
 * nixpkgs: a `null` anywhere fails): the Traefik container's guest and a host service.
 */
import { describe, expect, it } from "vitest";
import { container } from "../../builders/container.ts";
import { secret } from "../../builders/secret.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubEval } from "../../../test-support/render/stub.ts";
import { testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";
import { traefikRoute } from "./route.ts";
import { LETSENCRYPT_STAGING } from "./static-model.ts";
import type { TraefikOptions } from "./schema.ts";

const email = "admin@example.org";

/** Every static option but the container's own. */
const everything = {
  certResolver: "letsencrypt",
  environmentFiles: [secret("cloudflare-token")],
  entryPoints: {
    websecure: {
      forwardedHeaders: { trustedIPs: ["173.245.48.0/20", "2400:cb00::/32"] },
      http: { tls: { certResolver: "letsencrypt", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" } },
    },
    lan: { address: "192.168.1.10:8443", proxyProtocol: { trustedIPs: ["192.168.1.2"] } },
  },
  certResolvers: {
    letsencrypt: {
      email,
      dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1:53"], propagation: { delayBeforeChecks: 60 } },
      keyType: "EC256",
    },
    "letsencrypt-staging": { email, dnsChallenge: { provider: "cloudflare" }, caServer: LETSENCRYPT_STAGING, storage: "/var/lib/traefik/staging.json" },
    http: { email, httpChallenge: { entryPoint: "web" } },
    alpn: { email, tlsChallenge: {} },
  },
  tlsOptions: { modern: { minVersion: "VersionTLS13", sniStrict: true }, default: { minVersion: "VersionTLS12", cipherSuites: ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"], curvePreferences: ["X25519"] } },
  log: { level: "INFO", format: "json" },
  accessLog: { format: "common", filePath: "/var/lib/traefik/access.log" },
  serversTransport: { insecureSkipVerify: true, rootCAs: ["/etc/ssl/lan-ca.pem"] },
  api: { dashboard: true, insecure: true },
} satisfies TraefikOptions;

/** What Traefik gets, written from its static-configuration reference. */
const expectedStatic = {
  entryPoints: {
    web: { address: ":80", http: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } } },
    websecure: {
      address: ":443",
      forwardedHeaders: { trustedIPs: ["173.245.48.0/20", "2400:cb00::/32"] },
      http: { tls: { certResolver: "letsencrypt", domains: [{ main: "example.org", sans: ["*.example.org"] }], options: "modern" } },
    },
    lan: { address: "192.168.1.10:8443", proxyProtocol: { trustedIPs: ["192.168.1.2"] } },
  },
  certificatesResolvers: {
    letsencrypt: {
      acme: {
        email,
        storage: "/var/lib/traefik/acme.json",
        keyType: "EC256",
        dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1:53"], propagation: { delayBeforeChecks: "60s" } },
      },
    },
    "letsencrypt-staging": {
      acme: { email, storage: "/var/lib/traefik/staging.json", caServer: "https://acme-staging-v02.api.letsencrypt.org/directory", dnsChallenge: { provider: "cloudflare" } },
    },
    http: { acme: { email, storage: "/var/lib/traefik/acme.json", httpChallenge: { entryPoint: "web" } } },
    alpn: { acme: { email, storage: "/var/lib/traefik/acme.json", tlsChallenge: {} } },
  },
  api: { dashboard: true, insecure: true },
  log: { level: "INFO", format: "json" },
  accessLog: { format: "common", filePath: "/var/lib/traefik/access.log" },
  serversTransport: { insecureSkipVerify: true, rootCAs: ["/etc/ssl/lan-ca.pem"] },
};

const expectedTls = {
  options: {
    modern: { minVersion: "VersionTLS13", sniStrict: true },
    default: { minVersion: "VersionTLS12", cipherSuites: ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"], curvePreferences: ["X25519"] },
  },
};

const app = container("app", { ports: [8080], route: traefikRoute({ subdomain: "app", port: 8080, public: true }) });

describe("Traefik's static options, evaluated: the traefik container", () => {
  const lab = testLab({
    modules: [], // the stand-in supplies the hardware module
    traefik: traefik({
      ...everything,
      container: { ephemeral: true, bindMounts: { "/var/lib/traefik": { hostPath: "/persist/traefik", isReadOnly: false } }, nameservers: ["9.9.9.9", "2620:fe::fe"] },
    }),
    containers: [app],
  });
  let dir = "";
  suiteTree(lab, (_, d) => (dir = d));

  it("staticConfigOptions, tls.options beside the routes, the container's own options", () => {
    const guest = "config.containers.traefik.config";
    const v = stubEval(dir, {
      static: `${guest}.services.traefik.staticConfigOptions`,
      tls: `${guest}.services.traefik.dynamicConfigOptions.tls`,
      routers: `builtins.attrNames ${guest}.services.traefik.dynamicConfigOptions.http.routers`,
      env: `${guest}.services.traefik.environmentFiles`,
      container: `{ inherit (config.containers.traefik) ephemeral; mount = config.containers.traefik.bindMounts."/var/lib/traefik"; }`,
      dns: `{ inherit (${guest}.networking) nameservers useHostResolvConf; }`,
    });
    expect(v.static).toEqual(expectedStatic);
    expect(v.tls).toEqual(expectedTls);
    expect(v.routers).toEqual(["app"]);
    expect(v.env).toEqual(["/run/agenix/cloudflare-token"]);
    expect(v.container).toEqual({ ephemeral: true, mount: { mountPoint: "/var/lib/traefik", hostPath: "/persist/traefik", isReadOnly: false } });
    expect(v.dns).toEqual({ nameservers: ["9.9.9.9", "2620:fe::fe"], useHostResolvConf: false });
  });
});

describe("Traefik's static options, evaluated: the host service", () => {
  const lab = testLab({ modules: [], traefik: traefik({ ...everything, mode: "service" }), containers: [app] });
  let dir = "";
  let texts = new Map<string, string>();
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
  });

  it("the same configuration in services/traefik.nix; the lan entry point's port opened", () => {
    const v = stubEval(dir, {
      static: "config.services.traefik.staticConfigOptions",
      tls: "config.services.traefik.dynamicConfigOptions.tls",
      tcp: "config.networking.firewall.allowedTCPPorts",
    });
    expect(v.static).toEqual(expectedStatic);
    expect(v.tls).toEqual(expectedTls);
    // 80, 443 and 8443 opened; :8080 of api.insecure bound but not opened.
    expect(v.tcp).toEqual([80, 443, 8443]);
    expect(texts.get("services/traefik.nix")).toContain('delayBeforeChecks = "60s";');
    expect(texts.get("services/traefik.nix")).toContain("# Traefik, the reverse proxy, as a host service (80, 443 and 8443).");
  });
});
