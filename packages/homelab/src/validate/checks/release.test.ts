import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { homelab } from "../../builders/homelab.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import { RELEASES } from "../../releases/table.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const on = (nixos: "25.11" | "26.05", parts: Parameters<typeof testLab>[0]) => testLab({ nixos, ...parts });

describe("options a release renamed, removed or does not have yet", () => {
  test("26.05 renamed resolved's options (a warning) and removed extraConfig (an error)", () => {
    const guest = container("app", { config: { services: { resolved: { enable: true, dnssec: "true", extraConfig: "DNSStubListener=no" } } } });
    const lab = on("26.05", { containers: [guest] });
    expect(summary(lab, "option-renamed")).toEqual(["containers.app.config.services.resolved.dnssec"]);
    expect(findings(lab, "option-renamed")[0]!.message).toBe(
      "NixOS 26.05 renamed services.resolved.dnssec to services.resolved.settings.Resolve.DNSSEC: write the new name (the old one only warns, and goes away)",
    );
    expect(summary(lab, "option-removed")).toEqual(["containers.app.config.services.resolved.extraConfig"]);
    // The same config is right on 25.11.
    const older = on("25.11", { containers: [guest] });
    expect(findings(older, "option-renamed")).toEqual([]);
    expect(findings(older, "option-removed")).toEqual([]);
  });

  test("25.11 lacks what came in 26.05; the message names the release to pin", () => {
    const sshd = service("openssh", { config: { services: { openssh: { enable: true, generateHostKeys: true } } } });
    expect(findings(on("25.11", { services: [sshd] }), "option-unavailable").map((d) => d.message)).toEqual([
      'services.openssh.generateHostKeys exists from NixOS 26.05 on, but this host runs NixOS 25.11: drop it, or set nixos: "26.05"',
    ]);
    expect(findings(on("26.05", { services: [sshd] }), "option-unavailable")).toEqual([]);
  });

  test("services.cloudflared.user was removed in both releases", () => {
    const tunnel = service("cloudflared", { config: { services: { cloudflared: { enable: true, user: "cloudflared" } } } });
    for (const nixos of ["25.11", "26.05"] as const) expect(summary(on(nixos, { services: [tunnel] }), "option-removed")).toEqual(["services.cloudflared.config.services.cloudflared.user"]);
  });
});

describe("secret-owner-dynamic-user", () => {
  test("a secret owned by cloudflared, which runs as a DynamicUser: no such user exists", () => {
    const creds = secret("tunnel", { owner: "cloudflared" });
    const lab = on("26.05", { services: [service("cloudflared", { secrets: [creds] })] });
    const [d] = findings(lab, "secret-owner-dynamic-user");
    expect(d!.path).toBe("services.cloudflared.secrets[0]");
    expect(d!.message).toContain("drop owner (root may read it)");
    // Root-owned (agenix's default), or owned by a real service user: fine.
    expect(findings(on("26.05", { services: [service("cloudflared", { secrets: [secret("tunnel")] })] }), "secret-owner-dynamic-user")).toEqual([]);
    expect(findings(on("26.05", { containers: [container("a", { secrets: [secret("x", { owner: "authelia-main" })] })] }), "secret-owner-dynamic-user")).toEqual([]);
  });
});

describe("the release table", () => {
  test("both supported releases keep Traefik's option names (the static/dynamic refactor was reverted before 26.05)", () => {
    for (const r of Object.values(RELEASES)) expect(r.traefik).toEqual({ static: "staticConfigOptions", dynamic: "dynamicConfigOptions" });
  });

  test("homelab({ nixos }): a supported release, default 26.05, with its flake input; anything else names the supported ones", () => {
    const base = { hostName: "h", domain: "example.org", stateVersion: "25.05" } as const;
    expect(homelab(base).hosts[0]).toMatchObject({ release: "26.05", nixpkgs: "github:NixOS/nixpkgs/nixos-26.05" });
    expect(homelab({ ...base, nixos: "25.11" }).hosts[0]).toMatchObject({ release: "25.11", nixpkgs: "github:NixOS/nixpkgs/nixos-25.11" });
    expect(homelab({ ...base, nixpkgs: "github:NixOS/nixpkgs/nixos-25.11" }).hosts[0]!.release).toBe("25.11");
    expect(() => homelab({ ...base, nixos: "25.05" })).toThrow('nixos: expected a supported NixOS release: "25.11" or "26.05", got "25.05"');
    expect(() => homelab({ ...base, nixpkgs: "github:NixOS/nixpkgs/nixos-24.11" })).toThrow('nixpkgs pins NixOS 24.11, which nixjs does not render for; supported releases: "25.11" or "26.05"');
    expect(() => homelab({ ...base, nixos: "26.05", nixpkgs: "github:NixOS/nixpkgs/nixos-25.11" })).toThrow('nixpkgs pins NixOS 25.11, but nixos is "26.05": drop nixpkgs, or make the two agree');
    // A fork or a commit: the release must be said.
    expect(homelab({ ...base, nixos: "25.11", nixpkgs: "github:me/nixpkgs/my-branch" }).hosts[0]).toMatchObject({ release: "25.11", nixpkgs: "github:me/nixpkgs/my-branch" });
  });
});
