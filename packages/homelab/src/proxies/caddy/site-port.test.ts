import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it, test } from "vitest";
import { caddy, caddyRoute, container, route } from "../../index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const LAN = ["192.168.1.0/24"];

/**
 * A LAN-only admin UI on `https://app.home.arpa:8443` beside the app's own site on the same
 * name, and a host-level route on port 8443 of another name (one listener for both).
 */
function sitePortLab() {
  return testLab({
    caddy: caddy({ email: "admin@example.org" }),
    containers: [
      container("app", {
        backend: "podman",
        image: "docker.io/library/nginx:1.27",
        user: "1000:1000",
        ports: [
          { hostAddress: "127.0.0.1", hostPort: 8080, containerPort: 80 },
          { hostAddress: "127.0.0.1", hostPort: 9000, containerPort: 9000 },
        ],
        routes: [
          route({ host: "app.home.arpa", port: 8080, clients: LAN, tls: { internal: true }, public: true }),
          route({ host: "app.home.arpa", port: 9000, sitePort: 8443, clients: LAN, tls: { internal: true }, public: true }),
        ],
      }),
    ],
    routes: [route({ host: "nas.home.arpa", to: { url: "http://192.168.1.40:5000" }, sitePort: 8443, clients: LAN, tls: { internal: true }, public: true })],
  });
}

describe("Caddy host:port sites (sitePort), rendered and evaluated", () => {
  const lab = sitePortLab();
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
    writeFileSync(join(d, "hardware-configuration.nix"), "{ }\n");
  });

  it("passes validation with no finding", () => {
    expect(findings(lab)).toEqual([]);
  });

  it("writes the port's site apart from the name's own site, in the container's file (expected text written by hand)", () => {
    parseAll([...texts.values()]);
    const app = texts.get("containers/app.nix")!;
    const start = app.indexOf('  services.caddy.virtualHosts."app.home.arpa:8443".extraConfig');
    expect(app.slice(start, app.indexOf("  '';\n", start) + 6)).toBe(
      [
        '  services.caddy.virtualHosts."app.home.arpa:8443".extraConfig = \'\'',
        "    tls internal",
        "    @lan remote_ip 192.168.1.0/24",
        "    handle @lan {",
        "      reverse_proxy 127.0.0.1:9000",
        "    }",
        "    handle {",
        "      respond 404",
        "    }",
        "  '';",
        "",
      ].join("\n"),
    );
    expect(app).toContain('  services.caddy.virtualHosts."app.home.arpa".extraConfig = \'\'\n    tls internal\n');
    expect(texts.get("host.nix")).toContain('    virtualHosts."nas.home.arpa:8443".extraConfig = \'\'\n');
  });

  it("evaluates in the stand-in NixOS: virtual hosts keyed host:port, the port opened once over TCP and UDP", () => {
    expect(stubCheck(dir)).toEqual([]);
    const v = stubEval(dir, {
      hosts: "builtins.attrNames config.services.caddy.virtualHosts",
      tcp: "config.networking.firewall.allowedTCPPorts",
      udp: "config.networking.firewall.allowedUDPPorts",
      caddyfile: 'config.environment.etc."caddy/caddy_config".source.text',
    });
    expect(v.hosts).toEqual(["app.home.arpa", "app.home.arpa:8443", "nas.home.arpa:8443"]);
    expect(v.tcp).toEqual([80, 443, 8443]);
    expect(v.udp).toEqual([443, 8443]);
    // The key is the site address Caddy reads: each site once, the plain name on the HTTPS port.
    const lines = (v.caddyfile as string).split("\n").map((l) => l.trim());
    for (const site of ["app.home.arpa {", "app.home.arpa:8443 {", "nas.home.arpa:8443 {"]) expect(lines.filter((l) => l.replace(/\s+/g, " ") === site)).toHaveLength(1);
  });
});

describe("sitePort's listeners", () => {
  test("a sitePort on a host port a Podman container publishes: port-conflict at the route's sitePort", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [
        container("other", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000:1000", ports: [{ hostPort: 8443, containerPort: 443 }] }),
        container("app", { ports: [8080], route: caddyRoute({ host: "app.home.arpa", port: 8080, sitePort: 8443 }) }),
      ],
    });
    expect(summary(lab, "port-conflict")).toEqual(["containers.app.routes[0].sitePort -> containers.other.ports[0]", "containers.other.ports[0] -> containers.app.routes[0].sitePort"]);
    const d = findings(lab, "port-conflict").find((x) => x.path === "containers.app.routes[0].sitePort")!;
    expect(d.severity).toBe("error");
    expect(d.message).toContain("port 8443/tcp on every address (Caddy)");
  });

  test("a sitePort equal to Caddy's HTTPS port adds no listener of its own", () => {
    const lab = testLab({ caddy: caddy(), containers: [container("app", { ports: [8080], route: caddyRoute({ subdomain: "app", port: 8080, sitePort: 443 }) })] });
    expect(findings(lab, "port-conflict")).toEqual([]);
  });
});

describe("sitePort in the modules layout", () => {
  const lab = testLab({
    layout: "modules",
    caddy: caddy(),
    containers: [container("app", { ports: [8080], route: caddyRoute({ host: "app.home.arpa", port: 8080, sitePort: 8443 }) })],
  });
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
    writeFileSync(join(d, "hardware-configuration.nix"), "{ }\n");
  });

  it("keys the site by the container's domain option and the port, evaluated in the stand-in NixOS", () => {
    expect(texts.get("containers/caddy/routes/app.nix")).toContain('    services.caddy.virtualHosts."${cfg.domain}:8443".extraConfig = \'\'\n');
    const v = stubEval(dir, { hosts: "builtins.attrNames config.services.caddy.virtualHosts", tcp: "config.networking.firewall.allowedTCPPorts" });
    expect(v.hosts).toEqual(["app.home.arpa:8443"]);
    expect(v.tcp).toEqual([80, 443, 8443]);
  });
});
