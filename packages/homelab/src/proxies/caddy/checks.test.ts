import { describe, expect, it } from "vitest";
import { caddy, caddyRoute, container, secret } from "../../index.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "sha256-Ak2dGs5ZvGBxxVO8cTvBuPYIhKNJyZZf0zWyb2zOtHQ=";
const cloudflare = { plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"], hash: HASH };

/** A Podman app behind Caddy (routes given). */
function app(route = caddyRoute({ subdomain: "app", port: 8080, public: true })) {
  return container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", ports: [{ hostPort: 8080, containerPort: 80 }], route });
}

describe("Caddy's DNS challenge", () => {
  it("caddy-plugin-missing: acme_dns without a Caddy built with plugins", () => {
    const lab = testLab({ caddy: caddy({ acmeDns: { provider: "cloudflare", credentials: "CF_API_TOKEN" }, environmentFile: secret("caddy-env") }) });
    expect(findings(lab, "caddy-plugin-missing")).toMatchObject([
      {
        severity: "error",
        path: "caddy.acmeDns.provider",
        message:
          'acme_dns cloudflare needs a Caddy built with the provider\'s plugin (pkgs.caddy has no DNS providers): add withPlugins: { plugins: ["github.com/caddy-dns/cloudflare@<tag>"], hash }',
      },
    ]);
    const fixed = testLab({ caddy: caddy({ acmeDns: { provider: "cloudflare", credentials: "CF_API_TOKEN" }, environmentFile: secret("caddy-env"), withPlugins: cloudflare }) });
    expect(findings(fixed, "caddy-plugin-missing")).toEqual([]);
  });

  it("caddy-dns-credentials: the credentials' variables with no environmentFile to set them", () => {
    const lab = testLab({ caddy: caddy({ acmeDns: { provider: "porkbun", credentials: { api_key: "PB_KEY", api_secret_key: "PB_SECRET" } }, withPlugins: cloudflare }) });
    expect(findings(lab, "caddy-dns-credentials")).toMatchObject([
      {
        severity: "error",
        path: "caddy.acmeDns",
        message:
          'the DNS challenge with "porkbun" reads the provider\'s credentials (PB_KEY, PB_SECRET) from Caddy\'s environment, which nothing sets: put them in a secret and pass it as environmentFile',
      },
    ]);
    const fixed = testLab({
      caddy: caddy({ acmeDns: { provider: "porkbun", credentials: { api_key: "PB_KEY", api_secret_key: "PB_SECRET" } }, withPlugins: cloudflare, environmentFile: secret("caddy-env") }),
    });
    expect(findings(fixed).filter((d) => d.code.startsWith("caddy-"))).toEqual([]);
  });
});

describe("Caddy's plugins", () => {
  it("caddy-plugins-hash: plugins without their hash (a warning: the first build prints it)", () => {
    const lab = testLab({ caddy: caddy({ withPlugins: { plugins: cloudflare.plugins } }) });
    expect(findings(lab, "caddy-plugins-hash")).toMatchObject([{ severity: "warning", path: "caddy.withPlugins" }]);
    expect(findings(testLab({ caddy: caddy({ withPlugins: cloudflare }) }), "caddy-plugins-hash")).toEqual([]);
  });
});

describe("Caddy's log level", () => {
  it("caddy-debug-log: DEBUG while serving routes; DEBUG with nothing routed, or INFO, is quiet", () => {
    const lab = testLab({ caddy: caddy({ logLevel: "DEBUG" }), containers: [app()] });
    expect(findings(lab, "caddy-debug-log")).toMatchObject([
      {
        severity: "warning",
        path: "caddy.logLevel",
        message: 'Caddy logs at DEBUG level while it serves app.example.org: debug logs record request details at volume; use logLevel "INFO" (or leave it out) once the setup works',
      },
    ]);
    expect(findings(testLab({ caddy: caddy({ logLevel: "INFO" }), containers: [app()] }), "caddy-debug-log")).toEqual([]);
    expect(findings(testLab({ caddy: caddy({ logLevel: "DEBUG" }) }), "caddy-debug-log")).toEqual([]);
  });
});

describe("Caddy's snippets", () => {
  it("caddy-snippet-clash: a snippet named like the forward-auth snippet of a provider routes use", () => {
    const authelia = container("authelia", {
      ports: [{ port: 9091 }],
      forwardAuth: { port: 9091 },
      route: caddyRoute({ subdomain: "auth", port: 9091, public: true }),
    });
    const guarded = app(caddyRoute({ subdomain: "app", port: 8080, auth: "authelia" }));
    const lab = testLab({ caddy: caddy({ snippets: { authelia: "respond 403" } }), containers: [authelia, guarded] });
    expect(findings(lab, "caddy-snippet-clash")).toMatchObject([{ severity: "error", path: 'caddy.snippets.authelia' }]);
    const renamed = testLab({ caddy: caddy({ snippets: { "deny-all": "respond 403" } }), containers: [authelia, guarded] });
    expect(findings(renamed, "caddy-snippet-clash")).toEqual([]);
  });
});
