import { isNixExpr } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { caddy, caddyRoute, container, homelab, isSecret, onlyHost, proxyOf, secret, traefik, traefikRoute } from "../index.ts";

// The example of issue 3, exactly as written there.
function issueExample() {
  const jwt = secret("authelia_jwtSecret", { owner: "authelia-main", group: "authelia-main", mode: "0440" });

  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" },
    agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"], recipients: { server: "ssh-ed25519 AAAA..." } },
    traefik: traefik({ entryPoint: "websecure", certResolver: "cloudflare" }), // the `traefik` container, host network
    caddy: caddy({ email: "admin@example.org" }),                            // a host service
    containers: [
      container("authelia", {
        hostAddress: "10.10.10.8", localAddress: "10.10.10.9", ports: [9091], secrets: [jwt],
        forwardAuth: { port: 9091 },                       // offers the Authelia middleware to routes
        route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
        config: { services: { authelia: { instances: { main: { enable: true, secrets: { jwtSecretFile: jwt.path } } } } } },
      }),
      container("immich", {
        localAddress: "10.10.10.5", privateUsers: "pick", ports: [2283],   // hostAddress allocated from the pool
        route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" }),
        config: { services: { immich: { enable: true, host: "0.0.0.0", port: 2283 } } },
      }),
      container("adguard", { network: "host", ephemeral: true, ports: [{ port: 53, protocol: "udp" }, 53, { port: 8080, address: "127.0.0.1" }] }),
      container("sonarr", {
        backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", category: "media",
        ports: ["127.0.0.1:8989:8989"], environmentFiles: [secret("sonarr-env")],
        route: caddyRoute({ host: "sonarr.example.org", port: 8989 }),
      }),
    ],
  });
}

describe("the issue's example", () => {
  const lab = issueExample();
  const host = onlyHost(lab);

  test("builds the model with NixOS defaults filled in: one host, the current release", () => {
    expect(host.name).toBe("server");
    expect(host.system).toBe("x86_64-linux");
    expect(host.release).toBe("26.05");
    expect(host.stateVersion).toBe("25.05");
    expect(host.nixpkgs).toBe("github:NixOS/nixpkgs/nixos-26.05");
    expect(host.network).toEqual({ pool: "10.10.10.0/24", externalInterface: "enp1s0", nftables: false });
    expect(lab.layout).toEqual({ kind: "flat" });
    expect(proxyOf(host, "traefik")).toMatchObject({ mode: "container", entryPoint: "websecure", certResolver: "cloudflare", redirectToHttps: true });
    expect(host.proxies.map((p) => p.kind)).toEqual(["traefik", "caddy"]);
    expect(host.containers.map((c) => c.name)).toEqual(["authelia", "immich", "adguard", "sonarr"]);
  });

  test("nspawn containers keep NixOS's names and defaults", () => {
    const [authelia, immich, adguard] = host.containers;
    expect(authelia).toMatchObject({ backend: "nspawn", network: "private", autoStart: true, hostAddress: "10.10.10.8", localAddress: "10.10.10.9", ephemeral: false });
    expect(authelia?.backend === "nspawn" && authelia.forwardAuth).toEqual({
      port: 9091, path: "/api/authz/forward-auth", authResponseHeaders: ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"],
    });
    expect(immich).toMatchObject({ privateUsers: "pick", localAddress: "10.10.10.5" });
    expect(immich).not.toHaveProperty("hostAddress");
    expect(adguard).toMatchObject({ network: "host", ephemeral: true });
    expect(adguard?.backend === "nspawn" && adguard.ports).toEqual([
      { port: 53, protocol: "udp", address: "0.0.0.0" },
      { port: 53, protocol: "tcp", address: "0.0.0.0" },
      { port: 8080, protocol: "tcp", address: "127.0.0.1" },
    ]);
  });

  test("podman ports are parsed, secrets keep their path expression", () => {
    const sonarr = host.containers[3]!;
    expect(sonarr.backend).toBe("podman");
    if (sonarr.backend !== "podman") return;
    expect(sonarr.ports).toEqual([{ hostAddress: "127.0.0.1", hostPort: 8989, containerPort: 8989, protocol: "tcp" }]);
    const env = sonarr.environmentFiles[0]!;
    expect(isSecret(env)).toBe(true);
    expect(env.file).toBe("secrets/sonarr-env.age");
    expect(isNixExpr(env.path)).toBe(true);
    expect(env.path).toMatchObject({ kind: "select", expr: { kind: "ident", name: "config" }, path: ["age", "secrets", "sonarr-env", "path"] });
    expect(sonarr.routes[0]).toMatchObject({ kind: "route", proxy: "caddy", match: { host: { kind: "fqdn", name: "sonarr.example.org" } }, target: { kind: "attached", port: 8989 }, public: false });
  });

  test("the model is deeply frozen and records call sites in this file", () => {
    const immich = host.containers[1]!;
    expect(Object.isFrozen(lab)).toBe(true);
    expect(Object.isFrozen(host.containers)).toBe(true);
    expect(Object.isFrozen(immich.routes[0])).toBe(true);
    expect(immich.backend === "nspawn" && Object.isFrozen(immich.config["services"])).toBe(true);
    expect(immich.site).toEqual({ file: "packages/homelab/src/builders/example.test.ts", line: 24, column: 7 });
    expect(immich.routes[0]!.site).toEqual({ file: "packages/homelab/src/builders/example.test.ts", line: 26, column: 16 });
    expect(lab.site.line).toBe(9);
  });
});
