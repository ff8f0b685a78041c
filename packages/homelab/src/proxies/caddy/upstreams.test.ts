import { describe, expect, it } from "vitest";
import type { HostService } from "../../model/homelab.ts";
import { targetLines, type CaddyTarget } from "./upstreams.ts";

const site = { file: "homelab.config.ts", line: 1, column: 1 };
const text = (t: CaddyTarget, proxy?: Parameters<typeof targetLines>[1]) =>
  targetLines(t, proxy)
    .map((l) => l.join(""))
    .join("\n");

const hass: HostService = {
  kind: "service",
  name: "hass",
  enable: true,
  ports: [{ port: 8123, protocol: "tcp", address: "0.0.0.0" }, { port: 1883, protocol: "tcp", address: "192.168.1.10" }],
  secrets: [],
  config: {},
  site,
};

describe("a Caddy route's target (expected text written by hand from Caddy's docs)", () => {
  it("a host service, a host port, a URL: reverse_proxy to where Caddy on the host reaches them", () => {
    expect(text({ kind: "service", service: hass, port: 8123 })).toBe("reverse_proxy 127.0.0.1:8123");
    expect(text({ kind: "service", service: hass, port: 1883 })).toBe("reverse_proxy 192.168.1.10:1883");
    expect(text({ kind: "hostPort", port: 9000, address: "::1" })).toBe("reverse_proxy [::1]:9000");
    expect(text({ kind: "url", url: "http://192.168.1.20:8123" })).toBe("reverse_proxy http://192.168.1.20:8123");
  });

  it("several upstreams, a policy, header_up and header_down in the reverse_proxy block", () => {
    expect(
      text(
        { kind: "url", url: "http://192.168.1.20:8096" },
        { upstreams: ["http://192.168.1.21:8096"], lbPolicy: "first", headerUp: { "X-Real-IP": "{remote_host}", Host: "{upstream_hostport}" }, headerDown: { Server: "" } },
      ),
    ).toBe(
      [
        "reverse_proxy http://192.168.1.20:8096 http://192.168.1.21:8096 {",
        "  lb_policy first",
        "  header_up Host {upstream_hostport}",
        "  header_up X-Real-IP {remote_host}",
        "  header_down -Server",
        "}",
      ].join("\n"),
    );
  });

  it("a redirect keeps the path and query unless the target names a path", () => {
    expect(text({ kind: "redirect", to: "https://example.org", permanent: true })).toBe("redir https://example.org{uri} permanent");
    expect(text({ kind: "redirect", to: "https://example.org/", permanent: false })).toBe("redir https://example.org{uri}");
    expect(text({ kind: "redirect", to: "https://example.org/start", permanent: false })).toBe("redir https://example.org/start");
  });

  it("targets Caddy cannot reach write nothing (caddy-unsupported reports them)", () => {
    expect(text({ kind: "podman" })).toBe("");
    expect(text({ kind: "traefikApi" })).toBe("");
  });
});
