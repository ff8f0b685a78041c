/**
 * Caddy: routes not to the container they are given to (host-level routes, routes with `to`)
 * render in Caddy's part of `host.nix` (Traefik's are tested in `traefik/routes.render.test.ts`);
 * the tree evaluates in the stand-in NixOS with the values read back from the evaluated
 * configuration.
 */
import { describe, expect, test } from "vitest";
import { caddy, container, forwardAuth, homelab, route, service } from "../index.ts";
import { printAll, suiteTree } from "../../test-support/render/files.ts";
import { stubEval } from "../../test-support/render/stub.ts";
import { render } from "../render/index.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" } as const;

function caddyLab() {
  return homelab({
    ...base,
    caddy: caddy(),
    containers: [container("authelia", { ports: [9091], forwardAuth: { port: 9091 } })],
    services: [service("hass", { ports: [{ port: 8123, address: "127.0.0.1" }] })],
    routes: [
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, auth: "authelia" }),
      route({ subdomain: "hass", path: "/api/webhook", to: { service: "hass", port: 8123 }, public: true }),
      route({ subdomain: "hass", pathRegex: "^/local/", clients: ["192.168.1.0/24"], to: { service: "hass", port: 8123 }, public: true }),
      route({ subdomain: "nas", to: { hostPort: 5000 }, tls: { internal: true }, public: true }),
      route({ host: "www.example.org", to: { redirect: "https://example.org" }, public: true }),
    ],
  });
}

describe("Caddy: host-level sites in host.nix", () => {
  let dir = "";
  suiteTree(caddyLab(), (_texts, d) => (dir = d));

  test("one site per host name; several routes as handle blocks; evaluates", () => {
    const v = stubEval(dir, {
      hosts: "builtins.mapAttrs (_: h: h.extraConfig) config.services.caddy.virtualHosts",
      snippets: "config.services.caddy.extraConfig",
    }) as { hosts: Record<string, string>; snippets: string };
    expect(v.hosts).toEqual({
      // Caddy's own sort keeps this order: the regex (LAN) block and the longer path before the
      // catch-all, which alone asks Authelia.
      "hass.example.org": [
        "@regex_lan {",
        "  path_regexp ^/local/",
        "  remote_ip 192.168.1.0/24",
        "}",
        "handle @regex_lan {",
        "  reverse_proxy 127.0.0.1:8123",
        "}",
        "handle /api/webhook* {",
        "  reverse_proxy 127.0.0.1:8123",
        "}",
        "handle {",
        "  import authelia",
        "  reverse_proxy 127.0.0.1:8123",
        "}",
        "",
      ].join("\n"),
      "nas.example.org": "tls internal\nreverse_proxy 127.0.0.1:5000\n",
      "www.example.org": "redir https://example.org{uri} permanent\n",
    });
    expect(v.snippets).toContain("(authelia) {");
  });
});
