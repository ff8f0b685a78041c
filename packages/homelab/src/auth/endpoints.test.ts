import { print } from "@nixjs/expr-printer";
import { describe, expect, it } from "vitest";
import { authelia, authentik, container, homelab } from "../index.ts";
import type { AuthProvider, Container } from "../model/index.ts";
import { authProviderNames, forwardAuthEndpoint } from "./endpoints.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05", nixos: "25.11" } as const;

function host(auth: readonly AuthProvider[], containers: readonly Container[]) {
  return homelab({ ...base, auth, containers }).hosts[0]!;
}

/** The endpoint's address as Nix text. */
function address(h: ReturnType<typeof host>, name: string, proxy: "traefik" | "caddy"): string | undefined {
  const e = forwardAuthEndpoint(h, name, proxy);
  return e === undefined ? undefined : print(e.address).trim();
}

describe("forwardAuthEndpoint", () => {
  it("Authelia in a private NixOS container: its localAddress by reference, Authelia's path for both proxies", () => {
    const h = host([authelia({ container: "authelia" })], [container("authelia", { ports: [9091] })]);
    expect(address(h, "authelia", "traefik")).toBe('"http://${config.containers.authelia.localAddress}:9091/api/authz/forward-auth"');
    expect(address(h, "authelia", "caddy")).toBe(address(h, "authelia", "traefik"));
    const e = forwardAuthEndpoint(h, "authelia", "caddy")!;
    expect(e).toMatchObject({ provider: "authelia", kind: "authelia", path: "/api/authz/forward-auth", authResponseHeaders: ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"] });
    expect(e.outpostPrefix).toBeUndefined();
    expect(e.podman).toBeUndefined();
  });

  it("on the host: 127.0.0.1 and its port", () => {
    const h = host([authelia({ host: true, port: 9092 })], []);
    expect(address(h, "authelia", "traefik")).toBe('"http://127.0.0.1:9092/api/authz/forward-auth"');
  });

  it("Authentik in Podman: the published address and port, a path per proxy, the outpost prefix, its Podman peer", () => {
    const h = host([authentik({ container: "authentik" })], [
      container("authentik", { backend: "podman", image: "ghcr.io/goauthentik/server:2025.10.1", ports: ["127.0.0.1:9000:9000"], networks: ["proxy"] }),
    ]);
    expect(address(h, "authentik", "traefik")).toBe('"http://127.0.0.1:9000/outpost.goauthentik.io/auth/traefik"');
    expect(address(h, "authentik", "caddy")).toBe('"http://127.0.0.1:9000/outpost.goauthentik.io/auth/caddy"');
    const e = forwardAuthEndpoint(h, "authentik", "traefik")!;
    expect(e.outpostPrefix).toBe("/outpost.goauthentik.io/");
    expect(e.podman).toEqual({ container: "authentik", port: 9000, networks: ["proxy"] });
    expect(e.authResponseHeaders).toContain("X-authentik-jwt");
  });

  it("a Podman port published on every address is reached on loopback; a host-network container at its listener", () => {
    const published = host([authentik({ container: "ak", port: 9443 })], [container("ak", { backend: "podman", image: "a:1", ports: ["9443:9000"] })]);
    expect(address(published, "ak", "traefik")).toBe('"http://127.0.0.1:9443/outpost.goauthentik.io/auth/traefik"');
    expect(forwardAuthEndpoint(published, "ak", "traefik")?.podman).toEqual({ container: "ak", port: 9000, networks: [] });
    const hostNet = host([authelia({ container: "authelia" })], [container("authelia", { network: "host", ports: [{ port: 9091, address: "192.168.1.10" }] })]);
    expect(address(hostNet, "authelia", "traefik")).toBe('"http://192.168.1.10:9091/api/authz/forward-auth"');
  });

  it("the short form: a NixOS container's forwardAuth, its own path and headers", () => {
    const h = host([], [container("sso", { ports: [9091], forwardAuth: { port: 9091, path: "/api/verify", authResponseHeaders: ["Remote-User"] } })]);
    const e = forwardAuthEndpoint(h, "sso", "traefik")!;
    expect(e).toMatchObject({ kind: "container", path: "/api/verify", authResponseHeaders: ["Remote-User"] });
    expect(print(e.address).trim()).toBe('"http://${config.containers.sso.localAddress}:9091/api/verify"');
  });

  it("a provider of homelab({ auth }) wins over a container's forwardAuth of the same name", () => {
    const h = host([authelia({ host: true })], [container("authelia", { ports: [9091], forwardAuth: { port: 9091 } })]);
    expect(forwardAuthEndpoint(h, "authelia", "traefik")?.kind).toBe("authelia");
  });

  it("undefined for an unknown name, a missing or disabled container", () => {
    const h = host([authelia({ container: "gone" }), authentik({ container: "off" })], [container("off", { backend: "podman", image: "a:1", enable: false })]);
    expect(forwardAuthEndpoint(h, "nobody", "traefik")).toBeUndefined();
    expect(forwardAuthEndpoint(h, "gone", "traefik")).toBeUndefined();
    expect(forwardAuthEndpoint(h, "off", "caddy")).toBeUndefined();
  });
});

describe("authProviderNames", () => {
  it("the providers that run somewhere, and the containers offering forwardAuth", () => {
    const h = host(
      [authelia({ host: true }), authentik({ container: "ak" }), authentik({ name: "missing", container: "nowhere" })],
      [container("ak", { backend: "podman", image: "a:1" }), container("old", { ports: [1], forwardAuth: { port: 1 } }), container("off", { enable: false, ports: [1], forwardAuth: { port: 1 } })],
    );
    expect([...authProviderNames(h)].sort()).toEqual(["ak", "authelia", "old"]);
  });
});
