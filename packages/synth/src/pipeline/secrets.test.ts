import { container, homelab, secret, service, traefik } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { secretsOf } from "./secrets.ts";
import { SynthValidationError, synthInMemory } from "./synthesize.ts";

const jwt = secret("authelia-jwt", { owner: "authelia-main" });
const env = secret("sonarr-env");
const tunnel = secret("cloudflared", { file: "./secrets/tunnel.age" });
const dns = secret("cloudflare-env");
const unused = secret("old-app-env");

const lab = homelab({
  hostName: "server",
  domain: "example.org",
  stateVersion: "25.05",
  traefik: traefik({ entryPoint: "websecure", environmentFiles: [dns] }),
  containers: [
    container("authelia", { ports: [9091], secrets: [jwt] }),
    container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", user: "1000:1000", environmentFiles: [env, env] }),
    container("oldapp", { enable: false, secrets: [unused] }),
  ],
  services: [service("cloudflared", { secrets: [tunnel] })],
});

describe("secretsOf", () => {
  it("lists every .age file the deployed system needs, once, sorted; not those of disabled containers", () => {
    expect(secretsOf(lab).map((s) => [s.name, s.file])).toEqual([
      ["authelia-jwt", "secrets/authelia-jwt.age"],
      ["cloudflare-env", "secrets/cloudflare-env.age"],
      ["sonarr-env", "secrets/sonarr-env.age"],
      ["cloudflared", "secrets/tunnel.age"],
    ]);
  });
});

describe("synthInMemory", () => {
  it("throws the validation errors (with their sites) instead of rendering an invalid lab", () => {
    const bad = homelab({
      hostName: "server",
      domain: "example.org",
      stateVersion: "25.05",
      containers: [container("a", { localAddress: "192.168.100.7" }), container("b", { localAddress: "192.168.100.7" })],
    });
    expect(() => synthInMemory(bad)).toThrow(SynthValidationError);
    try {
      synthInMemory(bad);
    } catch (error) {
      const e = error as SynthValidationError;
      expect(e.diagnostics.some((d) => d.code === "address-conflict" && /secrets\.test\.ts:\d+:\d+$/.test(d.site))).toBe(true);
      expect(e.message).toMatch(/secrets\.test\.ts:\d+:\d+: containers\.a\.localAddress: /);
    }
  });
});
