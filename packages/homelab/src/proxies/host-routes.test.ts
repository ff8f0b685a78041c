/**
 * Routes not to the container they are given to (host-level routes, routes with `to`) render in
 * each proxy's part of `host.nix`; the tree evaluates in the stand-in NixOS with the values
 * read back from the evaluated configuration.
 */
import { describe, expect, test } from "vitest";
import { caddy, container, forwardAuth, homelab, route, service, traefik } from "../index.ts";
import { printAll, suiteTree } from "../../test-support/render/files.ts";
import { stubEval } from "../../test-support/render/stub.ts";
import { render } from "../render/index.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" } as const;

function traefikLab() {
  return homelab({
    ...base,
    traefik: traefik({ mode: "service", certResolver: "le" }),
    containers: [container("authelia", { ports: [9091], forwardAuth: { port: 9091 } }), container("immich", { ports: [2283] })],
    services: [service("hass", { ports: [8123] })],
    routes: [
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, middlewares: [forwardAuth("authelia")] }),
      route({ subdomain: "hass", to: { service: "hass", port: 8123 }, clients: ["192.168.1.0/24", "fd00::/8"], public: true }),
      route({ subdomain: "photos", path: "/api/public", stripPrefix: true, to: { container: "immich", port: 2283 }, priority: 100, public: true }),
      route({ subdomain: "cam", to: { url: "http://192.168.1.30:8080" }, auth: "authelia" }),
      route({ subdomain: "traefik", to: "api@internal", auth: "authelia" }),
      route({ host: "www.example.org", to: { redirect: "https://example.org/" }, public: true }),
    ],
  });
}

describe("Traefik: host-level routes in host.nix", () => {
  test("the routers, services and route-own middlewares, as written", () => {
    const host = printAll(render(traefikLab())).get("host.nix")!;
    const section = host.slice(host.indexOf("  # Traefik routes of the host"));
    // Reviewed by eye: one router per route (a suffix for a second route of one host name),
    // a service per upstream, api@internal and noop@internal as Traefik's own services.
    expect(section.slice(0, section.indexOf("\n\n"))).toBe(`  # Traefik routes of the host (not to the container they are given to)
  services.traefik.dynamicConfigOptions.http = {
    services = {
      hass-example-org.loadBalancer.servers = [ { url = "http://127.0.0.1:8123"; } ];
      hass-example-org-2.loadBalancer.servers = [ { url = "http://127.0.0.1:8123"; } ];
      photos-example-org-api-public.loadBalancer.servers = [
        { url = "http://\${config.containers.immich.localAddress}:2283"; }
      ];
      cam-example-org.loadBalancer.servers = [ { url = "http://192.168.1.30:8080"; } ];
    };
    routers = {
      hass-example-org = {
        rule = "Host(\`hass.\${domain}\`)";
        service = "hass-example-org";
        entryPoints = [ "websecure" ];
        middlewares = [ "authelia" ];
        tls.certResolver = "le";
      };
      hass-example-org-2 = {
        rule = "Host(\`hass.\${domain}\`) && (ClientIP(\`192.168.1.0/24\`) || ClientIP(\`fd00::/8\`))";
        service = "hass-example-org-2";
        entryPoints = [ "websecure" ];
        tls.certResolver = "le";
      };
      photos-example-org-api-public = {
        rule = "Host(\`photos.\${domain}\`) && PathPrefix(\`/api/public\`)";
        service = "photos-example-org-api-public";
        entryPoints = [ "websecure" ];
        middlewares = [ "photos-example-org-api-public-strip" ];
        priority = 100;
        tls.certResolver = "le";
      };
      cam-example-org = {
        rule = "Host(\`cam.\${domain}\`)";
        service = "cam-example-org";
        entryPoints = [ "websecure" ];
        middlewares = [ "authelia" ];
        tls.certResolver = "le";
      };
      traefik-example-org = {
        rule = "Host(\`traefik.\${domain}\`)";
        service = "api@internal";
        entryPoints = [ "websecure" ];
        middlewares = [ "authelia" ];
        tls.certResolver = "le";
      };
      www-example-org = {
        rule = "Host(\`www.\${domain}\`)";
        service = "noop@internal";
        entryPoints = [ "websecure" ];
        middlewares = [ "www-example-org-redirect" ];
        tls.certResolver = "le";
      };
    };
    middlewares = {
      photos-example-org-api-public-strip.stripPrefix.prefixes = [ "/api/public" ];
      www-example-org-redirect.redirectRegex = {
        regex = "^https?://[^/]+(.*)";
        replacement = "https://example.org\\\${1}";
        permanent = true;
      };
    };
  };
}`);
  });

  let dir = "";
  suiteTree(traefikLab(), (_texts, d) => (dir = d));

  test("evaluates: every router, its rule, service and middlewares", () => {
    const v = stubEval(dir, { http: "config.services.traefik.dynamicConfigOptions.http" }).http as {
      routers: Record<string, { rule: string; service: string; middlewares?: string[]; priority?: number; tls: unknown }>;
      services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
      middlewares: Record<string, unknown>;
    };
    expect(Object.fromEntries(Object.entries(v.routers).map(([k, r]) => [k, [r.rule, r.service, r.middlewares ?? [], r.priority ?? null]]))).toEqual({
      "hass-example-org": ["Host(`hass.example.org`)", "hass-example-org", ["authelia"], null],
      "hass-example-org-2": ["Host(`hass.example.org`) && (ClientIP(`192.168.1.0/24`) || ClientIP(`fd00::/8`))", "hass-example-org-2", [], null],
      "photos-example-org-api-public": ["Host(`photos.example.org`) && PathPrefix(`/api/public`)", "photos-example-org-api-public", ["photos-example-org-api-public-strip"], 100],
      "cam-example-org": ["Host(`cam.example.org`)", "cam-example-org", ["authelia"], null],
      "traefik-example-org": ["Host(`traefik.example.org`)", "api@internal", ["authelia"], null],
      "www-example-org": ["Host(`www.example.org`)", "noop@internal", ["www-example-org-redirect"], null],
      // The forward-auth middleware Authelia offers, from its own file.
    });
    expect(v.services["hass-example-org"]!.loadBalancer.servers).toEqual([{ url: "http://127.0.0.1:8123" }]);
    expect(v.services["cam-example-org"]!.loadBalancer.servers).toEqual([{ url: "http://192.168.1.30:8080" }]);
    expect(v.services["photos-example-org-api-public"]!.loadBalancer.servers[0]!.url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:2283$/);
    expect(v.middlewares["photos-example-org-api-public-strip"]).toEqual({ stripPrefix: { prefixes: ["/api/public"] } });
    expect(v.middlewares["www-example-org-redirect"]).toEqual({ redirectRegex: { regex: "^https?://[^/]+(.*)", replacement: "https://example.org${1}", permanent: true } });
    expect(Object.keys(v.middlewares)).toContain("authelia");
  });
});

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
      "hass.example.org": [
        "handle {",
        "  import authelia",
        "  reverse_proxy http://127.0.0.1:8123",
        "}",
        "handle /api/webhook* {",
        "  reverse_proxy http://127.0.0.1:8123",
        "}",
        "@route2 {",
        "  path_regexp ^/local/",
        "  remote_ip 192.168.1.0/24",
        "}",
        "handle @route2 {",
        "  reverse_proxy http://127.0.0.1:8123",
        "}",
        "",
      ].join("\n"),
      "nas.example.org": "tls internal\nreverse_proxy http://127.0.0.1:5000\n",
      "www.example.org": "redir https://example.org{uri} permanent\n",
    });
    expect(v.snippets).toContain("(authelia) {");
  });
});
