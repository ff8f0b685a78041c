import { isNixExpr } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import {
  caddy, caddyRoute, container, containerRef, homelab, hostRef, isContainer, isHostRef, isRoute, isSecret, onlyHost, secret, service, traefik, traefikRoute,
} from "../index.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" } as const;

describe("secret", () => {
  test("defaults to secrets/<name>.age; path is config.age.secrets.<name>.path", () => {
    const s = secret("authelia_jwtSecret");
    expect(s).toMatchObject({ kind: "secret", name: "authelia_jwtSecret", file: "secrets/authelia_jwtSecret.age" });
    expect(s).not.toHaveProperty("owner");
    expect(isNixExpr(s.path)).toBe(true);
    expect(s.path).toMatchObject({ kind: "select", expr: { kind: "ident", name: "config" }, path: ["age", "secrets", "authelia_jwtSecret", "path"] });
    expect(secret("x", { file: "./keys/x.age", owner: "0", mode: "0440" })).toMatchObject({ file: "keys/x.age", owner: "0", mode: "0440" });
  });

  test("is branded: a spread copy is plain data, not a secret", () => {
    const s = secret("x");
    expect(isSecret(s)).toBe(true);
    expect(isSecret({ ...s })).toBe(false);
    expect(Object.keys(s)).not.toContain("Symbol(@nixjs/homelab.model)");
  });
});

describe("references", () => {
  test("containerRef gives host references to a container's addresses", () => {
    const r = containerRef("authelia");
    expect(r.name).toBe("authelia");
    expect(isHostRef(r.localAddress)).toBe(true);
    expect(r.localAddress.path).toEqual(["containers", "authelia", "localAddress"]);
    expect(r.hostAddress.path).toEqual(["containers", "authelia", "hostAddress"]);
  });

  test("hostRef takes a dotted path or a list of names", () => {
    expect(hostRef("networking.hostName").path).toEqual(["networking", "hostName"]);
    expect(hostRef(["services", "caddy", "virtualHosts", "a.example.org"]).path).toEqual(["services", "caddy", "virtualHosts", "a.example.org"]);
  });
});

describe("routes and proxies", () => {
  test("traefikRoute and caddyRoute fill their defaults", () => {
    expect(traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" })).toMatchObject({
      kind: "route", proxy: "traefik", match: { host: { kind: "subdomain", name: "photos" }, clients: [] }, target: { kind: "attached", port: 2283 },
      middlewares: [{ kind: "forwardAuth", name: "authelia", provider: "authelia" }], tls: { domains: [], internal: false }, public: false,
    });
    const hash = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
    const r = caddyRoute({ host: "files.example.org", port: 8082, basicAuth: { zed: hash, alice: hash } });
    const basic = r.middlewares[0];
    expect(basic?.kind === "basicAuth" ? basic.users.map((u) => u.user) : []).toEqual(["alice", "zed"]);
    expect(isRoute(r)).toBe(true);
  });

  test("traefik() and caddy() defaults", () => {
    expect(traefik()).toMatchObject({ kind: "traefik", mode: "container", entryPoint: "websecure", environmentFiles: [], redirectToHttps: true, dashboard: false });
    expect(traefik()).not.toHaveProperty("certResolver");
    expect(caddy({ email: "a@example.org" })).toMatchObject({ kind: "caddy", email: "a@example.org" });
  });
});

describe("container", () => {
  test("nspawn options in NixOS's shapes", () => {
    const c = container("wiki", {
      privateNetwork: false,
      bindMounts: { "/var/lib/wiki": { hostPath: "/srv/wiki", isReadOnly: false }, "/etc/key": {} },
      config: { services: { wiki: { enable: true } } },
      extraOptions: { enableTun: true },
    });
    expect(isContainer(c)).toBe(true);
    expect(c).toMatchObject({ backend: "nspawn", network: "host", autoStart: true, enable: true, routes: [] });
    if (c.backend !== "nspawn") throw new Error("nspawn expected");
    expect(c.bindMounts).toEqual([
      { mountPoint: "/etc/key", isReadOnly: true },
      { mountPoint: "/var/lib/wiki", hostPath: "/srv/wiki", isReadOnly: false },
    ]);
    expect(c.extraOptions).toEqual({ enableTun: true });
    const f = container("fwd", { forwardPorts: [{ hostPort: 8081 }, { hostPort: 53, containerPort: 5353, protocol: "udp" }] });
    expect(f.backend === "nspawn" && f.forwardPorts).toEqual([
      { protocol: "tcp", hostPort: 8081, containerPort: 8081 },
      { protocol: "udp", hostPort: 53, containerPort: 5353 },
    ]);
  });

  test("route and routes are joined; enable: false is kept", () => {
    const a = traefikRoute({ subdomain: "a", port: 1 });
    const b = traefikRoute({ subdomain: "b", port: 1 });
    const c = container("x", { enable: false, route: a, routes: [b] });
    expect(c.routes).toEqual([a, b]);
    expect(c.enable).toBe(false);
  });

  test("Podman options: typed ports, strings for the environment", () => {
    const c = container("pg", {
      backend: "podman",
      image: "docker.io/library/postgres:16",
      ports: ["127.0.0.1:5432:5432", { hostPort: 8080, containerPort: 80 }, "53:53/udp"],
      environment: { PUID: 1000, DEBUG: false, TZ: "UTC" },
      networks: ["db"],
      dependsOn: ["other"],
    });
    if (c.backend !== "podman") throw new Error("podman expected");
    expect(c.ports).toEqual([
      { hostAddress: "127.0.0.1", hostPort: 5432, containerPort: 5432, protocol: "tcp" },
      { hostAddress: "0.0.0.0", hostPort: 8080, containerPort: 80, protocol: "tcp" },
      { hostAddress: "0.0.0.0", hostPort: 53, containerPort: 53, protocol: "udp" },
    ]);
    expect(c.environment).toEqual({ PUID: "1000", DEBUG: "false", TZ: "UTC" });
    expect(c).toMatchObject({ networks: ["db"], dependsOn: ["other"], volumes: [], cmd: [], labels: {} });
  });

  test("the config is copied and frozen: later changes to the user's object do not leak in", () => {
    const jwt = secret("jwt");
    const mine = { services: { a: { enable: true, list: [1, 2], file: jwt.path, s: jwt } } };
    const c = container("x", { config: mine });
    mine.services.a.enable = false;
    mine.services.a.list.push(3);
    if (c.backend !== "nspawn") throw new Error("nspawn expected");
    const a = (c.config["services"] as { a: { enable: boolean; list: number[]; file: unknown; s: unknown } }).a;
    expect(a.enable).toBe(true);
    expect(a.list).toEqual([1, 2]);
    expect(a.file).toBe(jwt.path);
    expect(a.s).toBe(jwt);
    expect(Object.isFrozen(a.list)).toBe(true);
    expect(() => (a.list as number[]).push(4)).toThrow(TypeError);
  });
});

describe("service and homelab", () => {
  test("service() for host services", () => {
    const creds = secret("cloudflared-creds", { owner: "cloudflared" });
    const s = service("cloudflared", { secrets: [creds], ports: [{ port: 2000, address: "127.0.0.1" }], config: { services: { cloudflared: { enable: true } } } });
    expect(s).toMatchObject({ kind: "service", name: "cloudflared", enable: true, ports: [{ port: 2000, protocol: "tcp", address: "127.0.0.1" }], secrets: [creds] });
  });

  test("homelab() defaults", () => {
    const lab = homelab({ ...base });
    expect(lab).toMatchObject({ secrets: { backend: "agenix", recipients: {} }, layout: { kind: "flat" } });
    expect(onlyHost(lab)).toMatchObject({
      system: "x86_64-linux",
      release: "26.05",
      nixpkgs: "github:NixOS/nixpkgs/nixos-26.05",
      network: { pool: "192.168.100.0/24", nftables: false },
      identityPaths: ["/etc/ssh/ssh_host_ed25519_key"],
      proxies: [],
      containers: [],
      services: [],
      modules: [],
    });
  });

  test("layouts", () => {
    expect(homelab({ ...base, layout: "modules" }).layout).toEqual({ kind: "modules", namespace: "homelab.containers" });
    expect(homelab({ ...base, layout: { kind: "modules", namespace: "hwc.server.containers" } }).layout).toEqual({ kind: "modules", namespace: "hwc.server.containers" });
    const flat = homelab({ ...base, layout: { kind: "flat" }, modules: ["./hardware-configuration.nix"] });
    expect(flat.layout).toEqual({ kind: "flat" });
    expect(onlyHost(flat).modules).toEqual(["./hardware-configuration.nix"]);
  });
});
