import { describe, expect, it } from "vitest";
import { authelia, container, homelab, host, route, traefik } from "../index.ts";
import { text, topologyMermaid } from "./mermaid.ts";

describe("topologyMermaid", () => {
  it("draws a subgraph per host, the names outside, and the hops (auth dotted, across hosts thick)", () => {
    const lab = homelab({
      domain: "example.org",
      hosts: [
        host("proxy", {
          stateVersion: "25.11",
          address: "192.168.1.10",
          network: { pool: "10.10.0.0/24" },
          traefik: traefik({ mode: "service" }),
          auth: [authelia({ container: "authelia" })],
          containers: [container("authelia", { hostAddress: "10.10.0.2", localAddress: "10.10.0.3", ports: [9091], route: route({ subdomain: "auth", port: 9091, public: true }) })],
          routes: [route({ subdomain: "media", to: { host: "nas", container: "jellyfin", port: 8096 }, auth: "authelia" })],
        }),
        host("nas", {
          stateVersion: "25.11",
          address: "192.168.1.20",
          containers: [container("jellyfin", { backend: "podman", image: "docker.io/jellyfin/jellyfin:10.10.3", ports: ["8096:8096"] })],
        }),
      ],
    });
    expect(topologyMermaid(lab)).toBe(
      [
        "flowchart LR",
        '  subgraph h0["nas<br>192.168.1.20 · x86_64-linux · NixOS 26.05<br>podman default"]',
        '    n2["jellyfin<br>podman · net podman<br>8096"]',
        "  end",
        '  subgraph h1["proxy<br>192.168.1.10 · x86_64-linux · NixOS 26.05<br>veth 10.10.0.0/24"]',
        '    n3["authelia<br>auth · nspawn · 10.10.0.3<br>9091"]',
        '    n4{{"traefik<br>proxy · service<br>80 443"}}',
        "  end",
        '  n0(["auth.example.org"])',
        '  n1(["media.example.org"])',
        '  n4 -.->|"forward auth"| n3',
        '  n3 ==>|"LAN :8096"| n2',
        '  n4 -->|":9091"| n3',
        "  n0 --> n4",
        "  n1 --> n4",
        "",
      ].join("\n"),
    );
  });

  it("marks disabled containers and draws a URL target as an outside node", () => {
    const lab = homelab({
      hostName: "box",
      domain: "example.org",
      stateVersion: "25.11",
      traefik: traefik({ mode: "service" }),
      containers: [container("old", { enable: false, hostAddress: "192.168.100.10", localAddress: "192.168.100.11", ports: [80] })],
      routes: [route({ subdomain: "hass", to: { url: "http://192.168.1.30:8123" }, public: true })],
    });
    const out = topologyMermaid(lab);
    expect(out).toContain('    n0["old<br>nspawn · 192.168.100.11 · disabled<br>80"]\n');
    expect(out).toContain('  n3[/"http://192.168.1.30:8123<br>outside the homelab"/]\n');
    // traefik (n1) → the URL (n3); the name (n2) → traefik.
    expect(out).toContain("  n1 --> n3\n  n2 --> n1\n");
    expect(out.endsWith("  classDef disabled stroke-dasharray: 4 4,color:#777\n  class n0 disabled\n")).toBe(true);
  });

  it("escapes what Mermaid would read as syntax", () => {
    expect(text('a "b" <c> & d\ne')).toBe("a #quot;b#quot; #lt;c#gt; #amp; d<br>e");
  });
});
