import { describe, expect, it } from "vitest";
import { adguardRewrites, authelia, authentik, container, formatPath, homelab, oidcClient, secret, traefik, traefikRoute, validate } from "../index.ts";
import type { AuthProvider, Diagnostic, Homelab } from "../model/index.ts";
import { hostLab, nspawnLab, podmanLab } from "../../test-support/auth/labs.ts";

const MINE = /^(auth-|oidc-|dns-|forward-auth-port-unserved|route-auth-unknown)/;

/** The findings of this folder's checks: `code path: message`. */
function findings(lab: Homelab): string[] {
  return validate(lab)
    .filter((d) => MINE.test(d.code))
    .map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`);
}

function only(lab: Homelab, code: string): Diagnostic[] {
  return validate(lab).filter((d) => d.code === code);
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05", nixos: "25.11", traefik: traefik({ certResolver: "le" }) } as const;

describe("the passing cases: the reference labs have no finding", () => {
  it.each([
    ["NixOS containers", nspawnLab()],
    ["the host", hostLab()],
    ["Podman", podmanLab()],
    ["the modules layout", nspawnLab([], undefined, "modules")],
  ])("%s", (_name, lab) => {
    expect(findings(lab)).toEqual([]);
  });
});

describe("auth providers", () => {
  it("auth-provider-unknown: a container that does not exist or is disabled", () => {
    const lab = homelab({ ...base, auth: [authelia({ container: "sso" }), authentik({ container: "ak" })], containers: [container("ak", { backend: "podman", image: "a:1", enable: false })] });
    expect(findings(lab)).toEqual([
      'auth-provider-unknown auth[0]: authelia() "sso" runs in container "sso", but there is no container "sso": add the container, or name the one it runs in',
      'auth-provider-unknown auth[1]: authentik() "ak" runs in container "ak", but container "ak" is disabled: add the container, or name the one it runs in',
    ]);
  });

  it("forward-auth-port-unserved: the provider's port is not served", () => {
    const lab = homelab({ ...base, auth: [authentik({ container: "ak" })], containers: [container("ak", { backend: "podman", image: "a:1", ports: ["127.0.0.1:9443:9443"] })] });
    expect(findings(lab)).toEqual([
      'forward-auth-port-unserved auth[0]: authentik() "ak" listens on port 9000, which ak does not serve: add it to its published host ports (ports), or set port',
    ]);
  });

  it("auth-provider-duplicate: two providers, or a provider and another container's forwardAuth, with one name", () => {
    const lab = homelab({
      ...base,
      auth: [authelia({ host: true }), authelia({ host: true, port: 9092 })],
      containers: [container("authelia", { ports: [9091], forwardAuth: { port: 9091 } })],
    });
    const found = only(lab, "auth-provider-duplicate");
    expect(found.map((d) => formatPath(d.path))).toEqual(["auth[0]", "auth[0]", "auth[1]", "auth[1]"]);
    expect(found.map((d) => d.message)).toContain('auth provider "authelia" is also defined by auth[1]: give each its own name');
    expect(found.map((d) => d.related?.[0]?.path.join("."))).toContain("containers.authelia.forwardAuth");
  });

  it("passing: a provider in the container that offers the short form, of the same name", () => {
    expect(only(nspawnLab(), "auth-provider-duplicate")).toEqual([]);
  });
});

describe("auth-policy-bypassed", () => {
  it("a hand-written bypass rule for the routed hosts: a warning per route through the provider, with both sites", () => {
    const lab = nspawnLab([{ domain: "*.example.org", policy: "bypass" }]);
    const found = only(lab, "auth-policy-bypassed");
    expect(found.map((d) => [d.severity, formatPath(d.path)])).toEqual([
      ["warning", "containers.grafana.routes[0]"],
      ["warning", "containers.vault.routes[0]"],
    ]);
    expect(found[0]!.message).toBe(
      'grafana.example.org goes through forward auth "authelia", but a rule written in its config bypasses it, and Authelia applies the first matching rule: the auth is a no-op there. Drop the rule, or mark the route public: true',
    );
    expect(found[0]!.related?.map((r) => formatPath(r.path))).toEqual(["containers.authelia.config.services.authelia.instances.main.settings.access_control.rules[1]", "auth[0]"]);
  });

  it("a bypass limited to networks still opens the route, and says so", () => {
    const found = only(nspawnLab([{ domain: "vault.example.org", policy: "bypass", networks: ["192.168.0.0/16"] }]), "auth-policy-bypassed");
    expect(found.map((d) => formatPath(d.path))).toEqual(["containers.vault.routes[0]"]);
    expect(found[0]!.message).toContain("bypasses some requests to it (the rule's resources or networks)");
  });

  it("passing: a stricter rule first, a bypass of another host, a bypass after the rule that decides", () => {
    expect(only(nspawnLab([{ domain: "photos.example.org", policy: "bypass" }]), "auth-policy-bypassed")).toEqual([]);
    expect(only(nspawnLab([{ domain: "vault.example.org", policy: "two_factor" }, { domain: "*.example.org", policy: "bypass" }]), "auth-policy-bypassed").map((d) => formatPath(d.path))).toEqual(["containers.grafana.routes[0]"]);
  });
});

describe("OIDC clients", () => {
  const digest = secret("app-oidc", { owner: "authelia-main" });
  const lab = (clients: ReturnType<typeof oidcClient>[], auth: readonly AuthProvider[] = [authelia({ container: "authelia" })]) =>
    homelab({
      ...base,
      auth,
      containers: [
        container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, public: true }) }),
        container("app", { ports: [80], route: traefikRoute({ subdomain: "app", port: 80, auth: "authelia" }), oidc: clients }),
      ],
    });
  const client = (o: Partial<Parameters<typeof oidcClient>[0]> = {}) =>
    oidcClient({ id: "app", provider: "authelia", secret: digest, redirectUris: ["https://app.example.org/cb"], ...o });

  it("passing: a routed https redirect, a loopback http one, a readable secret", () => {
    expect(findings(lab([client({ redirectUris: ["https://app.example.org/cb", "http://127.0.0.1:9000/cb"] })]))).toEqual([]);
  });

  it("oidc-provider-unknown: no such provider, or an Authentik", () => {
    expect(findings(lab([client({ provider: "sso" })]))).toEqual([
      'oidc-provider-unknown containers.app.oidc[0]: OIDC client "app" names provider "sso", which is not an auth provider of homelab({ auth }): use "authelia"',
    ]);
    const ak = findings(lab([client({ provider: "authentik" })], [authelia({ container: "authelia" }), authentik({ name: "authentik", container: "authelia", port: 9091 })]));
    expect(ak.filter((f) => f.startsWith("oidc-provider-unknown"))).toEqual([
      'oidc-provider-unknown containers.app.oidc[0]: OIDC client "app" names "authentik", an Authentik provider: Authentik keeps its OIDC providers in its own database (its web UI or blueprints); nixjs renders clients for Authelia only',
    ]);
  });

  it("oidc-client-duplicate: one id twice for one provider, both sites", () => {
    const found = only(lab([client(), client({ description: "again" })]), "oidc-client-duplicate");
    expect(found.map((d) => [formatPath(d.path), d.related?.map((r) => formatPath(r.path))])).toEqual([
      ["containers.app.oidc[0]", ["containers.app.oidc[1]"]],
      ["containers.app.oidc[1]", ["containers.app.oidc[0]"]],
    ]);
  });

  it("oidc-redirect-insecure and oidc-redirect-unrouted", () => {
    expect(findings(lab([client({ redirectUris: ["http://app.example.org/cb", "https://typo.example.org/cb"] })]))).toEqual([
      "oidc-redirect-insecure containers.app.oidc[0].redirectUris[0]: redirect URI http://app.example.org/cb is plain http: the authorization code travels unencrypted (and Authelia refuses http redirects of confidential clients); use https://",
      "oidc-redirect-unrouted containers.app.oidc[0].redirectUris[1]: redirect URI https://typo.example.org/cb names typo.example.org, which no route serves: a typo, or a route missing (app should be routed there)",
    ]);
  });

  it("oidc-secret-unreadable: a root-owned secret for an instance that runs as authelia-main", () => {
    expect(findings(lab([client({ secret: secret("root-owned") })]))).toEqual([
      'oidc-secret-unreadable containers.app.oidc[0].secret: Authelia "authelia" runs as authelia-main, which cannot read secret root-owned (owner root, mode 0400), so it fails to start: secret("root-owned", { owner: "authelia-main" })',
    ]);
    expect(findings(lab([client({ secret: secret("group-read", { group: "authelia-main", mode: "0440" }) })]))).toEqual([]);
  });
});

describe("DNS rewrites", () => {
  it("dns-rewrites-target: a missing container, a Podman one", () => {
    const lab = homelab({
      ...base,
      dns: [adguardRewrites({ answer: "192.168.1.10", container: "adguard" }), adguardRewrites({ answer: "192.168.1.10", container: "pi" })],
      containers: [container("pi", { backend: "podman", image: "adguard/adguardhome:v0.107.74" })],
    });
    expect(findings(lab)).toEqual([
      'dns-rewrites-target dns[0]: adguardRewrites() writes to the AdGuard Home in "adguard", but there is no container "adguard": name the NixOS container AdGuard Home runs in, or host: true',
      'dns-rewrites-target dns[1]: adguardRewrites() writes to the AdGuard Home in "pi", but "pi" is a Podman container, whose AdGuardHome.yaml nixjs does not write: name the NixOS container AdGuard Home runs in, or host: true',
    ]);
  });

  it("dns-answer-unreachable: loopback, the containers' pool; passing: a LAN address", () => {
    const lab = (answer: string) => homelab({ ...base, network: { pool: "10.10.10.0/24" }, dns: [adguardRewrites({ answer, host: true })] });
    expect(findings(lab("127.0.0.1"))).toEqual([
      "dns-answer-unreachable dns[0].answer: adguardRewrites() answers 127.0.0.1 for every routed name, a loopback address: every client would ask itself: answer the host's LAN address, where the proxy listens",
    ]);
    expect(findings(lab("10.10.10.7"))[0]).toContain("inside the containers' pool 10.10.10.0/24, which only the host reaches");
    expect(findings(lab("192.168.1.10"))).toEqual([]);
  });

  it("dns-rewrite-conflict: a hand-written rewrite of a routed name to another address, both sites", () => {
    const found = only(nspawnLab([], [{ domain: "vault.example.org", answer: "192.168.1.99" }]), "dns-rewrite-conflict");
    expect(found.map((d) => [d.severity, formatPath(d.path), d.related?.map((r) => formatPath(r.path))])).toEqual([
      ["error", "containers.adguard.config.services.adguardhome.settings.filtering.rewrites[0]", ["containers.vault.routes[0]", "dns[0]"]],
    ]);
    expect(found[0]!.message).toBe(
      "a rewrite written by hand answers vault.example.org with 192.168.1.99, but it is routed, and adguardRewrites() answers routed names with 192.168.1.10: drop the hand-written rewrite, or add vault.example.org to exclude",
    );
  });

  it("passing: the same answer written by hand, an excluded name", () => {
    expect(only(nspawnLab([], [{ domain: "vault.example.org", answer: "192.168.1.10" }, { domain: "auth.example.org", answer: "10.0.0.1" }]), "dns-rewrite-conflict")).toEqual([]);
  });
});
