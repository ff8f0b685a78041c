import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { adguardRewrites, authelia, authentik, container, formatPath, homelab, isAuthProvider, isDnsRewrites, oidcClient, secret } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => (d.path.length === 0 ? d.message : `${formatPath(d.path)}: ${d.message}`));
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };

describe("authelia()", () => {
  test("defaults: named after its container, port 9091, instance main, one_factor, Authelia's headers", () => {
    const a = authelia({ container: "sso" });
    expect(a).toMatchObject({ kind: "authelia", name: "sso", runsIn: { kind: "container", container: "sso" }, port: 9091, instance: "main", defaultPolicy: "one_factor" });
    expect(a.authResponseHeaders).toEqual(["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"]);
    expect(isAuthProvider(a)).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test("on the host: named authelia unless named", () => {
    expect(authelia({ host: true })).toMatchObject({ name: "authelia", runsIn: { kind: "host" } });
    expect(authelia({ host: true, name: "sso", port: 9092, instance: "home", defaultPolicy: "two_factor" })).toMatchObject({ name: "sso", port: 9092, instance: "home", defaultPolicy: "two_factor" });
  });

  test("where it runs: exactly one of container and host", () => {
    expect(problems(() => authelia({}))).toEqual(['container: say where it runs: container: "<name>" or host: true']);
    expect(problems(() => authelia({ container: "a", host: true }))).toEqual(["host: it runs in a container or on the host, not both: drop host or container"]);
  });

  test("errors name the field and the call site", () => {
    let error: HomelabInputError | undefined;
    try {
      authelia({ container: "a", port: 0, defaultPolicy: "bypass" } as never); // line 40, column 7
    } catch (e) {
      error = e as HomelabInputError;
    }
    expect(error?.builder).toBe("authelia({…})");
    expect(error?.site).toBe("packages/homelab/src/auth/builders.test.ts:40:7");
    expect(error?.diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`)).toEqual([
      "port: expected a port 1–65535, got 0",
      'defaultPolicy: expected "one_factor" or "two_factor", got "bypass"',
    ]);
  });
});

describe("authentik()", () => {
  test("a container, port 9000, the outpost's headers", () => {
    const a = authentik({ container: "authentik" });
    expect(a).toMatchObject({ kind: "authentik", name: "authentik", runsIn: { kind: "container", container: "authentik" }, port: 9000 });
    expect(a.authResponseHeaders[0]).toBe("X-authentik-username");
    expect(a.authResponseHeaders).toHaveLength(12);
  });

  test("needs its container", () => {
    expect(problems(() => authentik({} as never))).toEqual(['container: required option missing: expected a container name like "immich"']);
  });
});

describe("oidcClient()", () => {
  const digest = secret("grafana-oidc");

  test("defaults: description = id, Authelia's default scopes, two_factor", () => {
    const c = oidcClient({ id: "grafana", provider: "authelia", secret: digest, redirectUris: ["https://grafana.example.org/login/generic_oauth"] });
    expect(c).toMatchObject({ kind: "oidcClient", id: "grafana", description: "grafana", provider: "authelia", scopes: ["openid", "profile", "email", "groups"], policy: "two_factor" });
    expect(c.secret).toBe(digest);
  });

  test("a public client has no secret", () => {
    expect(oidcClient({ id: "cli", provider: "authelia", redirectUris: ["http://localhost:8080/callback"] }).secret).toBeUndefined();
  });

  test("a literal client secret is refused, saying why and what to write", () => {
    expect(problems(() => oidcClient({ id: "g", provider: "authelia", secret: "hunter2" as never, redirectUris: ["https://g.example.org/cb"] }))).toEqual([
      'secret: a client secret is never a literal (it would land in the world-readable Nix store): use secret("<name>"), whose file holds the secret (Authelia: its digest, from `authelia crypto hash generate pbkdf2`)',
    ]);
  });

  test("redirect URIs are absolute, at least one; ids are Authelia's", () => {
    expect(problems(() => oidcClient({ id: "a b", provider: "authelia", redirectUris: ["/cb"] }))).toEqual([
      'id: expected a client id: letters, digits, ".", "_", "~", "-" (at most 100), got "a b"',
      'redirectUris[0]: expected an absolute redirect URI like "https://grafana.example.org/login/generic_oauth", got "/cb"',
    ]);
    expect(problems(() => oidcClient({ id: "a", provider: "authelia", redirectUris: [] }))).toEqual(["redirectUris: a client needs at least one redirect URI"]);
  });
});

describe("homelab({ auth, dns }) and container({ oidc })", () => {
  test("providers, rewrites and the apps' clients reach the host, each client tagged with its app", () => {
    const client = oidcClient({ id: "grafana", provider: "authelia", redirectUris: ["https://grafana.example.org/cb"] });
    const sso = authelia({ container: "authelia" });
    const dns = adguardRewrites({ answer: "192.168.1.10", host: true });
    const lab = homelab({ ...base, auth: [sso], dns: [dns], containers: [container("grafana", { ports: [3000], oidc: [client] }), container("other", { backend: "podman", image: "x:1" })] });
    const host = lab.hosts[0]!;
    expect(host.auth).toEqual([sso]);
    expect(host.dns).toEqual([dns]);
    expect(host.oidcClients.map((c) => [c.id, c.app])).toEqual([["grafana", "grafana"]]);
    expect(host.containers[1]!.oidc).toBeUndefined();
  });

  test("wrong values are refused with the builders to use", () => {
    expect(problems(() => homelab({ ...base, auth: [{ kind: "authelia" }], dns: ["x"] } as never))).toEqual([
      "auth[0]: expected a value made by authelia({...}) or authentik({...}), got an object",
      'dns[0]: expected a value made by adguardRewrites({...}), got "x"',
    ]);
    expect(problems(() => container("a", { oidc: [{ id: "x" }] } as never))).toEqual(["oidc[0]: expected a value made by oidcClient({...}), got an object"]);
  });
});

describe("adguardRewrites()", () => {
  test("an answer, where AdGuard Home runs, names to leave out", () => {
    const d = adguardRewrites({ answer: "192.168.1.10", container: "adguard", exclude: ["status.example.org"] });
    expect(d).toMatchObject({ kind: "adguard", answer: "192.168.1.10", runsIn: { kind: "container", container: "adguard" }, exclude: ["status.example.org"] });
    expect(isDnsRewrites(d)).toBe(true);
    expect(adguardRewrites({ answer: "fd00::10", host: true }).runsIn).toEqual({ kind: "host" });
  });

  test("refuses a name as answer and a missing location", () => {
    expect(problems(() => adguardRewrites({ answer: "proxy.lan" }))).toEqual([
      'answer: expected the address routed names resolve to, like "192.168.1.10" (IPv4 or IPv6), got "proxy.lan"',
      'container: say where it runs: container: "<name>" or host: true',
    ]);
  });
});
