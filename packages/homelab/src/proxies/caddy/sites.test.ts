import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { basicAuth, caddy, caddyRoute, container, headers, ipAllowList, rateLimit, route, service } from "../../index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "$2y$05$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
const RATE_LIMIT = "github.com/mholt/caddy-ratelimit@v0.1.0";

const family = basicAuth("family", { alice: HASH });
const lan = ipAllowList("lan", ["192.168.1.0/24"]);
const secure = headers("secure", { security: true, response: { Server: "" } });

/** Every route feature Caddy renders, in one lab. */
function routedLab() {
  return testLab({
    caddy: caddy({ email: "admin@example.org", withPlugins: { plugins: [RATE_LIMIT], hash: "sha256-Ak2dGs5ZvGBxxVO8cTvBuPYIhKNJyZZf0zWyb2zOtHQ=" } }),
    containers: [
      // Two routes of one container on one name: a site in the container's file.
      container("app", {
        backend: "podman",
        image: "docker.io/library/nginx:1.27",
        ports: [{ hostPort: 8080, containerPort: 80 }],
        routes: [
          route({ subdomain: "app", port: 8080, middlewares: [family, secure] }),
          route({ subdomain: "app", path: "/api/public", stripPrefix: true, port: 8080, middlewares: [rateLimit("api", { average: 10, burst: 5 })], public: true }),
        ],
      }),
      // The short form keeps its flat site, header_up/header_down beside it.
      container("wiki", {
        backend: "podman",
        image: "docker.io/requarks/wiki:2",
        ports: [{ hostPort: 3000, containerPort: 3000 }],
        route: caddyRoute({ subdomain: "wiki", port: 3000, public: true, reverseProxy: { headerUp: { "X-Real-IP": "{remote_host}" } } }),
      }),
    ],
    services: [service("hass", { ports: [{ port: 8123 }] })],
    routes: [
      // One name, three routes (LAN-only, a webhook bypass, the public rest): a site in host.nix.
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, clients: ["192.168.1.0/24"], public: true }),
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, pathRegex: "^/api/webhook/[a-z0-9]+$", public: true }),
      route({ subdomain: "hass", to: { url: "http://192.168.1.20:8123" }, middlewares: [family, lan] }),
      route({ host: "printer.example.org", to: { hostPort: 631 }, clients: ["192.168.1.0/24"], tls: { internal: true }, public: true }),
      route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true }),
      route({
        subdomain: "media",
        to: { url: "http://192.168.1.30:8096" },
        reverseProxy: { upstreams: ["http://192.168.1.31:8096"], lbPolicy: "first", headerDown: { Server: "" } },
        public: true,
      }),
    ],
  });
}

describe("Caddy sites of the routing model, rendered and evaluated", () => {
  const lab = routedLab();
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
    writeFileSync(join(d, "hardware-configuration.nix"), "{ }\n");
  });

  it("passes validation with no error and no Caddy finding (routes sharing a name differ by path or clients)", () => {
    expect(findings(lab).filter((d) => d.code.startsWith("caddy-") || d.severity === "error")).toEqual([]);
  });

  it("writes the container's own site in its file (expected text written by hand)", () => {
    parseAll([...texts.values()]);
    const app = texts.get("containers/app.nix")!;
    const start = app.indexOf('  services.caddy.virtualHosts."app.${domain}".extraConfig');
    expect(app.slice(start, app.indexOf("  '';\n", start) + 6)).toBe(
      [
        '  services.caddy.virtualHosts."app.${domain}".extraConfig = \'\'',
        "    handle_path /api/public* {",
        "      rate_limit {",
        "        zone api_public_api {",
        "          key {remote_host}",
        "          events 10",
        "          window 1s",
        "        }",
        "      }",
        "      reverse_proxy 127.0.0.1:8080",
        "    }",
        "    handle {",
        "      header {",
        '        Strict-Transport-Security "max-age=31536000; includeSubDomains"',
        "        X-Content-Type-Options nosniff",
        "        X-Frame-Options SAMEORIGIN",
        "      }",
        "      header -Server",
        "      basicauth {",
        `        alice ${HASH}`,
        "      }",
        "      reverse_proxy 127.0.0.1:8080",
        "    }",
        "  '';",
        "",
      ].join("\n"),
    );
    expect(texts.get("containers/wiki.nix")).toContain(
      ["reverse_proxy 127.0.0.1:3000 {", "      header_up X-Real-IP {remote_host}", "    }"].join("\n"),
    );
  });

  it("writes the shared and host-level sites in host.nix's Caddy section (expected text written by hand)", () => {
    const host = texts.get("host.nix")!;
    expect(host).toContain("order rate_limit before basic_auth");
    const start = host.indexOf("    virtualHosts.");
    expect(host.slice(start, host.indexOf("\n  };\n", start))).toBe(
      [
        '    virtualHosts."hass.${domain}".extraConfig = \'\'',
        "      @regex path_regexp ^/api/webhook/[a-z0-9]+$",
        "      handle @regex {",
        "        reverse_proxy 127.0.0.1:8123",
        "      }",
        "      @lan remote_ip 192.168.1.0/24",
        "      handle @lan {",
        "        reverse_proxy 127.0.0.1:8123",
        "      }",
        "      handle {",
        "        basicauth {",
        `          alice ${HASH}`,
        "        }",
        "        @lan_denied not remote_ip 192.168.1.0/24",
        "        respond @lan_denied 403",
        "        reverse_proxy http://192.168.1.20:8123",
        "      }",
        "    '';",
        '    virtualHosts."printer.${domain}".extraConfig = \'\'',
        "      tls internal",
        "      @lan remote_ip 192.168.1.0/24",
        "      handle @lan {",
        "        reverse_proxy 127.0.0.1:631",
        "      }",
        "      handle {",
        "        respond 404",
        "      }",
        "    '';",
        '    virtualHosts."www.${domain}".extraConfig = \'\'',
        "      redir https://example.org{uri} permanent",
        "    '';",
        '    virtualHosts."media.${domain}".extraConfig = \'\'',
        "      reverse_proxy http://192.168.1.30:8096 http://192.168.1.31:8096 {",
        "        lb_policy first",
        "        header_down -Server",
        "      }",
        "    '';",
      ].join("\n"),
    );
  });

  it("evaluates in the stand-in NixOS, and Caddy's Caddyfile has each site once", () => {
    expect(stubCheck(dir)).toEqual([]);
    const v = stubEval(dir, {
      hosts: "builtins.attrNames config.services.caddy.virtualHosts",
      caddyfile: 'config.environment.etc."caddy/caddy_config".source.text',
    });
    expect(v.hosts).toEqual(["app.example.org", "hass.example.org", "media.example.org", "printer.example.org", "wiki.example.org", "www.example.org"]);
    const lines = (v.caddyfile as string).split("\n").map((l) => l.trim().replace(/\s+/g, " "));
    for (const site of ["app.example.org {", "hass.example.org {", "www.example.org {"]) expect(lines.filter((l) => l === site)).toHaveLength(1);
    const hass = lines.slice(lines.indexOf("hass.example.org {"));
    expect(hass.slice(0, hass.indexOf("reverse_proxy http://192.168.1.20:8123") + 2).filter((l) => l !== "")).toEqual([
      "hass.example.org {",
      "log {",
      "output file /var/log/caddy/access-hass.example.org.log",
      "}",
      "@regex path_regexp ^/api/webhook/[a-z0-9]+$",
      "handle @regex {",
      "reverse_proxy 127.0.0.1:8123",
      "}",
      "@lan remote_ip 192.168.1.0/24",
      "handle @lan {",
      "reverse_proxy 127.0.0.1:8123",
      "}",
      "handle {",
      "basicauth {",
      `alice ${HASH}`,
      "}",
      "@lan_denied not remote_ip 192.168.1.0/24",
      "respond @lan_denied 403",
      "reverse_proxy http://192.168.1.20:8123",
      "}",
    ]);
  });
});
