/**
 * Caddy routes through `authelia()` and `authentik()` providers: each forward-auth snippet asks
 * the endpoint every proxy shares (`auth/endpoints.ts`), Authentik's on Caddy's own outpost path,
 * with the outpost prefix sent to the outpost first (its login callback lands on the
 * application's host name). Evaluated by the real `nix-instantiate` in the stand-in NixOS;
 * expected text written from Authelia's and Authentik's Caddy guides.
 */
import { describe, expect, it } from "vitest";
import { container } from "../../builders/container.ts";
import { homelab } from "../../builders/homelab.ts";
import { route } from "../../builders/route.ts";
import { validate } from "../../validate/index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubEval } from "../../../test-support/render/stub.ts";
import { authProviders, providerContainers } from "../../../test-support/render/auth-providers-lab.ts";
import { caddy } from "./builders.ts";

function lab() {
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    modules: [],
    caddy: caddy({ email: "admin@example.org" }),
    auth: authProviders(),
    containers: [
      ...providerContainers(),
      container("wiki", { ports: [3000], route: route({ subdomain: "wiki", port: 3000, auth: "authelia" }) }),
      container("docs", { ports: [8000], route: route({ subdomain: "docs", port: 8000, auth: "authentik" }) }),
    ],
  });
}

describe("Caddy with authelia() and authentik() providers", () => {
  const l = lab();
  let dir = "";
  suiteTree(l, (_, d) => (dir = d));

  it("is valid (no finding but the stand-in's missing hardware module)", () => {
    expect(validate(l).map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^deploy-no-hardware/)]);
  });

  it("defines one snippet per provider, and the sites import them", () => {
    const v = stubEval(dir, {
      snippets: "config.services.caddy.extraConfig",
      docs: `config.services.caddy.virtualHosts."docs.example.org".extraConfig`,
    }) as { snippets: string; docs: string };
    const authentikSnippet = [
      "(authentik) {",
      "  route {",
      "    reverse_proxy /outpost.goauthentik.io/* 127.0.0.1:9000",
      "    forward_auth 127.0.0.1:9000 {",
      "      uri /outpost.goauthentik.io/auth/caddy",
      expect.stringMatching(/^ {6}copy_headers X-authentik-username X-authentik-groups/),
      "    }",
      "  }",
      "}",
    ];
    const lines = v.snippets.split("\n");
    expect(lines[0]).toBe("(authelia) {");
    expect(lines[1]).toMatch(/^ {2}forward_auth 192\.168\.100\.\d+:9091 \{$/);
    expect(lines.slice(2, 6)).toEqual(["    uri /api/authz/forward-auth", "    copy_headers Remote-User Remote-Groups Remote-Email Remote-Name", "  }", "}"]);
    expect(lines.slice(6, 15)).toEqual(authentikSnippet);
    expect(v.docs).toContain("import authentik\n");
  });
});
