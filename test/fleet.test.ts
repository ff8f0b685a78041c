/**
 * The committed tree of `examples/fleet/` (three hosts in one flake) read back through the
 * stand-in NixOS and the stand-ins of colmena and deploy-rs (real nix-instantiate), for what its
 * owner would check before `colmena apply`: the proxy's routes reach the NAS's and the Pi's
 * apps at their LAN addresses (from `fleet.nix`, never copied), behind Authelia where the
 * config asks; each target opens those ports to the proxy's address only; every host has the
 * fleet's defaults; each secret is encrypted to the people and to the hosts that decrypt it;
 * colmena's hive and deploy-rs' nodes deploy each host as its `deployment` says, the aarch64 Pi
 * built on itself. Expected values are written from the example's config, the NixOS manual,
 * and colmena's and deploy-rs' documentation.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nixEval } from "../packages/testkit/src/index.ts";
import { evalServer, evalServerOutputs } from "./nixos-stub/eval-server.ts";
import { CONFIGS, committedTreeCopy, hostsOf, REPO_ROOT, removeTrees } from "./trees.ts";

afterAll(removeTrees);

const config = CONFIGS.find((c) => c.name === "fleet")!;
const rulesFile = join(REPO_ROOT, config.committed, "secrets/secrets.nix");
/** Every `.age` file the rules file names (the user's encrypted files, never committed here). */
const files = [...readFileSync(rulesFile, "utf8").matchAll(/"([^"]+\.age)"\.publicKeys/g)].map((m) => `secrets/${m[1]}`);
const dir = committedTreeCopy(config, files);

const proxy = "192.168.1.2";
const nas = "192.168.1.10";
const dnsHost = "192.168.1.3";
const alice = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 alice@laptop";
const hostKey = {
  dns: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP2wQ9eR4tY7uI0oP3aS6dF9gH2jK5lZ8xC1vB4nM7qW root@dns",
  nas: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL4d2VqzK8mX3cH0p9RkQ7tYwB1sF6uJ2nE5aG8hD0Vi root@nas",
  proxy: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE7hJ2kL5mN8bV1cX4zQ9wE3rT6yU0iO7pA2sD5fG8hJ root@proxy",
};

describe("examples/fleet: three hosts in one flake", () => {
  it("is three NixOS systems, one per host, each with its own name and platform", () => {
    expect(hostsOf(config)).toEqual(["dns", "nas", "proxy"]);
    for (const [host, platform] of [["dns", "aarch64-linux"], ["nas", "x86_64-linux"], ["proxy", "x86_64-linux"]] as const) {
      const v = evalServer(dir, host, { name: "networking.hostName", platform: "nixpkgs.hostPlatform" }, { check: false });
      expect(v).toEqual({ name: host, platform });
    }
  });

  it("each secret is encrypted to the people and to the hosts that decrypt it, no other", () => {
    const rules = nixEval(`import ${rulesFile}`) as Record<string, { publicKeys: string[] }>;
    expect(Object.fromEntries(Object.entries(rules).map(([file, r]) => [file, r.publicKeys]))).toEqual({
      "arr-api-keys.age": [alice, hostKey.nas],
      "authelia-jwt.age": [alice, hostKey.proxy],
      "authelia-session.age": [alice, hostKey.proxy],
      "authelia-storage.age": [alice, hostKey.proxy],
      "traefik-cloudflare.age": [alice, hostKey.proxy],
    });
    // And each host decrypts exactly its own.
    const secretsOf = (host: string) => Object.keys(evalServer(dir, host, { s: "age.secrets" }, { check: false }).s as object).sort();
    expect(secretsOf("proxy")).toEqual(["authelia-jwt", "authelia-session", "authelia-storage", "traefik-cloudflare"]);
    expect(secretsOf("nas")).toEqual(["arr-api-keys"]);
    expect(secretsOf("dns")).toEqual([]);
  });

  it("every host gets the fleet's defaults: alice in wheel with her key, root's deploy key, nix settings, the time zone", () => {
    for (const host of hostsOf(config)) {
      const v = evalServer(dir, host, {
        alice: "users.users.alice",
        root: "users.users.root.openssh.authorizedKeys.keys",
        trusted: ["nix", "settings", "trusted-users"],
        features: ["nix", "settings", "experimental-features"],
        gc: "nix.gc",
        zone: "time.timeZone",
      }, { check: false }) as {
        alice: { isNormalUser: boolean; extraGroups: string[]; openssh: { authorizedKeys: { keys: string[] } } };
        root: string[];
        trusted: string[];
        features: string[];
        gc: { automatic: boolean; dates: string[]; options: string };
        zone: string;
      };
      expect(v.alice.isNormalUser, host).toBe(true);
      expect(v.alice.extraGroups, host).toEqual(["wheel"]);
      expect(v.alice.openssh.authorizedKeys.keys, host).toEqual([alice]);
      expect(v.root, host).toEqual([alice]);
      expect(v.trusted, host).toEqual(expect.arrayContaining(["root", "@wheel"]));
      expect(v.features, host).toEqual(expect.arrayContaining(["nix-command", "flakes"]));
      // `nix.gc.dates` takes a string or a list, and NixOS reads it as a list (nix-gc.nix: `apply = toList`).
      expect(v.gc, host).toMatchObject({ automatic: true, dates: ["weekly"], options: "--delete-older-than 30d" });
      expect(v.zone, host).toBe("Europe/Berlin");
    }
  });
});

describe("the proxy: Traefik and Authelia on the host, routing across the LAN", () => {
  const http = "services.traefik.dynamicConfigOptions.http";
  const v = evalServer(dir, "proxy", {
    services: `${http}.services`,
    routers: `${http}.routers`,
    forwardAuth: `${http}.middlewares.authelia.forwardAuth.address`,
    rules: "services.authelia.instances.main.settings.access_control",
    tcp: "networking.firewall.allowedTCPPorts",
    traefikEnv: "services.traefik.environmentFiles",
  }, { check: false }) as {
    services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
    routers: Record<string, { rule: string; middlewares?: string[]; entryPoints: string[] }>;
    forwardAuth: string;
    rules: { default_policy: string; rules: { domain: string; policy: string }[] };
    tcp: number[];
    traefikEnv: string[];
  };
  const upstream = (router: string) => v.services[v.routers[router] === undefined ? "" : router]?.loadBalancer.servers.map((s) => s.url);

  it("each app on another host is reached at that host's LAN address and published port", () => {
    expect(upstream("media-example-org")).toEqual([`http://${nas}:8096`]);
    expect(upstream("sonarr-example-org")).toEqual([`http://${nas}:8989`]);
    expect(upstream("radarr-example-org")).toEqual([`http://${nas}:7878`]);
    expect(upstream("prowlarr-example-org")).toEqual([`http://${nas}:9696`]);
    expect(upstream("torrent-example-org")).toEqual([`http://${nas}:8080`]);
    expect(upstream("dns-example-org")).toEqual([`http://${dnsHost}:3000`]);
    // Authelia's portal is on the proxy itself, on loopback.
    expect(upstream("auth-example-org")).toEqual(["http://127.0.0.1:9091"]);
  });

  it("the private apps go through Authelia; Jellyfin (its apps log in themselves) and the portal do not", () => {
    expect(v.routers["media-example-org"]).toMatchObject({ rule: "Host(`media.example.org`)", entryPoints: ["websecure"] });
    for (const open of ["media-example-org", "auth-example-org"]) expect(v.routers[open]!.middlewares, open).toBeUndefined();
    for (const name of ["sonarr", "radarr", "prowlarr", "torrent", "dns"]) expect(v.routers[`${name}-example-org`]!.middlewares, name).toEqual(["authelia"]);
    expect(v.forwardAuth).toBe("http://127.0.0.1:9091/api/authz/forward-auth");
    expect(v.rules.default_policy).toBe("deny");
    expect(v.rules.rules.map((r) => r.domain).sort()).toEqual(["dns.example.org", "prowlarr.example.org", "radarr.example.org", "sonarr.example.org", "torrent.example.org"]);
  });

  it("opens 80 and 443 (and SSH) only; Traefik reads the DNS token agenix decrypts", () => {
    expect([...v.tcp].sort((a, b) => a - b)).toEqual([22, 80, 443]);
    expect(v.traefikEnv).toEqual(["/run/agenix/traefik-cloudflare"]);
  });
});

describe("the targets open the proxy's ports to the proxy only", () => {
  it("nas: the media apps in Podman, published on its LAN address; each port accepted from the proxy's address only", () => {
    const oci = "virtualisation.oci-containers.containers";
    const v = evalServer(dir, "nas", {
      jellyfin: `${oci}.jellyfin`,
      sonarrEnv: `${oci}.sonarr.environmentFiles`,
      radarrEnv: `${oci}.radarr.environmentFiles`,
      firewall: "networking.firewall",
    }, { check: false }) as {
      jellyfin: { ports: string[]; devices: string[]; volumes: string[] };
      sonarrEnv: string[];
      radarrEnv: string[];
      firewall: { allowedTCPPorts: number[]; extraCommands: string; extraStopCommands: string };
    };
    expect(v.jellyfin.ports).toEqual([`${nas}:8096:8096`]);
    expect(v.jellyfin.devices).toEqual(["/dev/dri"]);
    expect(v.jellyfin.volumes).toContain("/tank/media:/media:ro");
    expect(v.sonarrEnv).toEqual(["/run/agenix/arr-api-keys"]);
    expect(v.radarrEnv).toEqual(["/run/agenix/arr-api-keys"]);
    // Podman publishes are DNAT'd before NixOS's input chain: filtered in raw PREROUTING instead,
    // the proxy's address first, then a drop of the rest to nas's address and that port.
    const start = v.firewall.extraCommands.split("\n");
    for (const port of [7878, 8080, 8096, 8989, 9696]) {
      const accept = start.indexOf(`iptables -w -t raw -A nixjs-fleet -p tcp -d ${nas} --dport ${port} -s ${proxy} -j RETURN`);
      const drop = start.indexOf(`iptables -w -t raw -A nixjs-fleet -p tcp -d ${nas} --dport ${port} -j DROP`);
      expect(accept, `${port}`).toBeGreaterThanOrEqual(0);
      expect(drop, `${port}`).toBe(accept + 1);
      expect(v.firewall.allowedTCPPorts).not.toContain(port);
    }
    expect(v.firewall.extraCommands).not.toContain("nixos-fw-accept");
    expect(v.firewall.extraStopCommands).toContain("iptables -w -t raw -X nixjs-fleet 2>/dev/null || true");
  });

  it("dns: AdGuard Home answers the LAN on 53; its web UI (3000) is accepted from the proxy only", () => {
    const v = evalServer(dir, "dns", {
      adguard: "services.adguardhome",
      tcp: "networking.firewall.allowedTCPPorts",
      udp: "networking.firewall.allowedUDPPorts",
      extra: "networking.firewall.extraCommands",
    }, { check: false }) as {
      adguard: { host: string; port: number; settings: { filtering: { rewrites: { domain: string; answer: string }[] } } };
      tcp: number[];
      udp: number[];
      extra: string;
    };
    expect(v.adguard).toMatchObject({ host: "0.0.0.0", port: 3000 });
    expect(v.adguard.settings.filtering.rewrites).toEqual([{ domain: "*.example.org", answer: proxy }]);
    expect([...v.tcp].sort((a, b) => a - b)).toEqual([22, 53]);
    expect(v.udp).toEqual([53]);
    expect(v.extra).toContain(`-p tcp -s ${proxy} --dport 3000 -j nixos-fw-accept`);
  });
});

describe("deploying: colmena's hive and deploy-rs' nodes", () => {
  it("colmena deploys each host as its deployment says, the Pi built on itself with aarch64 nixpkgs; every node builds", () => {
    const v = evalServerOutputs(dir, {
      deployment: "colmenaHive.deploymentConfig",
      dnsSystem: "colmenaHive.nodes.dns.config.nixpkgs.hostPlatform",
      toplevel: "colmenaHive.toplevel",
    }) as {
      deployment: Record<string, { targetHost: string; targetUser: string; targetPort: number | null; tags: string[]; buildOnTarget: boolean }>;
      dnsSystem: string;
      toplevel: Record<string, string>;
    };
    expect(v.deployment["proxy"]).toMatchObject({ targetHost: "proxy.lan", targetUser: "root", targetPort: null, tags: ["edge"], buildOnTarget: false });
    expect(v.deployment["nas"]).toMatchObject({ targetHost: "nas.lan", targetUser: "root", tags: ["media", "storage"], buildOnTarget: false });
    expect(v.deployment["dns"]).toMatchObject({ targetHost: dnsHost, targetUser: "root", tags: ["infra"], buildOnTarget: true });
    expect(v.dnsSystem).toBe("aarch64-linux");
    expect(Object.keys(v.toplevel).sort()).toEqual(["dns", "nas", "proxy"]);
    for (const [host, path] of Object.entries(v.toplevel)) expect(path, host).toMatch(new RegExp(`^/nix/store/[0-9a-f]+-nixos-system-${host}-`));
  });

  it("deploy-rs: a node per host, root's system profile, the Pi built remotely; its checks pass for both systems", () => {
    const v = evalServerOutputs(dir, { nodes: "deploy.nodes", checks: "checks" }) as {
      nodes: Record<string, { hostname: string; sshUser: string; remoteBuild?: boolean; profiles: { system: { user: string; path: string } } }>;
      checks: Record<string, Record<string, string>>;
    };
    expect(Object.keys(v.nodes).sort()).toEqual(["dns", "nas", "proxy"]);
    expect(v.nodes["dns"]).toMatchObject({ hostname: dnsHost, sshUser: "root", remoteBuild: true });
    expect(v.nodes["nas"]).toMatchObject({ hostname: "nas.lan", sshUser: "root" });
    expect(v.nodes["nas"]!.remoteBuild).toBeUndefined();
    expect(v.nodes["proxy"]).toMatchObject({ hostname: "proxy.lan", sshUser: "root" });
    for (const [host, node] of Object.entries(v.nodes)) {
      expect(node.profiles.system.user, host).toBe("root");
      expect(node.profiles.system.path, host).toMatch(new RegExp(`-activatable-nixos-system-${host}-`));
    }
    // `nix flake check` builds these: the schema of `deploy` and every profile's activation.
    for (const system of ["aarch64-linux", "x86_64-linux"]) {
      expect(Object.keys(v.checks[system] ?? {}).sort(), system).toEqual(["deploy-activate", "deploy-schema"]);
    }
  });
});
