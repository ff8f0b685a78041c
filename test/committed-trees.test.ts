/**
 * The repository's configs as whole NixOS systems, judged by the stand-in NixOS of
 * `test/nixos-stub/` through the real nix-instantiate: for EVERY supported release, each
 * config is synthesised for that release and its tree evaluated the way the user's machine
 * would (with its hardware-configuration.nix and its encrypted files present): every option
 * type-checked, host and guest assertions passing, and not one warning. Then the committed
 * trees (26.05, the releases' default) are read for the values a maintainer would check.
 *
 * That the committed trees are exactly what synth writes today is synth's own
 * `e2e/repository.test.ts`; here we check that what it writes is a working NixOS system.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SUPPORTED_RELEASES } from "../packages/homelab/src/index.ts";
import { evalServer, evalServerAssertions, type EvalServerOptions } from "./nixos-stub/eval-server.ts";
import { CONFIGS, committedTreeCopy, hostsOf, loadLab, REPO_ROOT, removeTrees, withRelease, writeTreeOf, type RepositoryConfig } from "./trees.ts";

afterAll(removeTrees);

describe.each(SUPPORTED_RELEASES)("NixOS %s: every config of the repository builds, with no warning", (release) => {
  it.each(CONFIGS)("$config", async (config) => {
    const lab = withRelease(await loadLab(config), release);
    const dir = writeTreeOf(config, lab);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain(`"github:NixOS/nixpkgs/nixos-${release}"`);
    // Every host of a fleet, each its own NixOS system.
    for (const host of hostsOf(config)) expect(evalServerAssertions(dir, host).warnings, host).toEqual([]);
  });
});

/** Every `.age` file a committed tree's rules file names (relative to the tree). */
function ageFilesOf(config: RepositoryConfig): string[] {
  const rules = readFileSync(join(REPO_ROOT, config.committed, "secrets/secrets.nix"), "utf8");
  return [...rules.matchAll(/"([^"]+\.age)"\.publicKeys/g)].map((m) => `secrets/${m[1]}`);
}

/** A committed tree, ready to evaluate as the machine would (values only: its build is checked above). */
function committed(name: string): { dir: string; options: EvalServerOptions } {
  const config = CONFIGS.find((c) => c.name === name)!;
  return { dir: committedTreeCopy(config, ageFilesOf(config)), options: { check: false } };
}

const root = committed("root");
const podmanMedia = committed("podman-media");
const nspawnService = committed("nspawn-traefik-service");

describe("the root tree (seed 000: nspawn containers behind Traefik and Authelia)", () => {
  const http = "containers.traefik.config.services.traefik.dynamicConfigOptions.http";

  it("routes resolve through the containers' addresses and the domain specialArg", () => {
    const v = evalServer(root.dir, "server", {
      authelia: `${http}.services.authelia.loadBalancer.servers`,
      immich: `${http}.services.immich.loadBalancer.servers`,
      adguard: `${http}.services.adguard.loadBalancer.servers`,
      forwardAuth: `${http}.middlewares.authelia.forwardAuth.address`,
      routers: `${http}.routers`,
    }, root.options);
    expect(v.authelia).toEqual([{ url: "http://10.10.10.9:9091" }]);
    expect(v.immich).toEqual([{ url: "http://10.10.10.5:2283" }]);
    expect(v.adguard).toEqual([{ url: "http://127.0.0.1:8080" }]);
    expect(v.forwardAuth).toBe("http://10.10.10.9:9091/api/authz/forward-auth");
    const routers = v.routers as Record<string, Record<string, unknown>>;
    // Disabled containers (nextcloud, linkwarden) route nothing.
    expect(Object.keys(routers).sort()).toEqual(["adguard", "authelia", "immich", "opencloud", "vaultwarden"]);
    expect(routers["immich"]).toEqual({
      rule: "Host(`photos.example.org`)",
      service: "immich",
      entryPoints: ["websecure"],
      middlewares: ["authelia"],
      tls: { certResolver: "cloudflare" },
    });
    // Authelia's own portal, Vaultwarden and OpenCloud authenticate themselves.
    for (const name of ["authelia", "vaultwarden", "opencloud"]) {
      expect(routers[name]?.["middlewares"], name).toBeUndefined();
    }
  });

  it("containers are the seed's inventory, with the seed's addresses and isolation", () => {
    const v = evalServer(root.dir, "server", {
      names: "containers",
      authelia: ["containers", "authelia", "localAddress"],
      autheliaHost: ["containers", "authelia", "hostAddress"],
      immichUsers: ["containers", "immich", "privateUsers"],
      vaultwardenUsers: ["containers", "vaultwarden", "privateUsers"],
      vaultwarden: ["containers", "vaultwarden", "localAddress"],
      opencloud: ["containers", "opencloud", "localAddress"],
      adguardEphemeral: ["containers", "adguard", "ephemeral"],
      adguardNet: ["containers", "adguard", "privateNetwork"],
      traefikNet: ["containers", "traefik", "privateNetwork"],
    }, root.options);
    expect(Object.keys(v.names as object).sort()).toEqual(["adguard", "authelia", "immich", "opencloud", "traefik", "vaultwarden"]);
    expect(v).toMatchObject({
      authelia: "10.10.10.9",
      autheliaHost: "10.10.10.8",
      immichUsers: "pick",
      vaultwardenUsers: "pick",
      vaultwarden: "10.10.10.3",
      opencloud: "10.10.10.101",
      adguardEphemeral: true,
      adguardNet: false,
      traefikNet: false,
    });
  });

  it("host: NAT for the private networks, firewall for the host-network listeners", () => {
    const v = evalServer(root.dir, "server", {
      nat: "networking.nat",
      tcp: "networking.firewall.allowedTCPPorts",
      udp: "networking.firewall.allowedUDPPorts",
    }, root.options);
    expect(v.nat).toMatchObject({ enable: true, internalInterfaces: ["ve-+"], externalInterface: "enp1s0" });
    // Traefik 80/443 and AdGuard's DNS (nixjs), SSH (NixOS's openssh module opens its own port);
    // AdGuard's web UI is on loopback and stays closed.
    expect(v.tcp).toEqual([22, 53, 80, 443]);
    expect(v.udp).toEqual([53]);
  });

  it("secrets: each guest decrypts its own with the host key; the host keeps cloudflared's", () => {
    const guest = "containers.authelia.config";
    const v = evalServer(root.dir, "server", {
      jwt: `${guest}.services.authelia.instances.main.secrets.jwtSecretFile`,
      owner: `${guest}.age.secrets.authelia-jwt.owner`,
      identity: `${guest}.age.identityPaths`,
      keyMount: ["containers", "authelia", "bindMounts", "/persist/etc/ssh/ssh_host_ed25519_key", "isReadOnly"],
      traefikEnv: "containers.traefik.config.services.traefik.environmentFiles",
      hostSecrets: "age.secrets",
      tunnel: "services.cloudflared.tunnels.home.credentialsFile",
      cookies: `${guest}.services.authelia.instances.main.settings.session.cookies`,
    }, root.options);
    expect(v.jwt).toBe("/run/agenix/authelia-jwt");
    expect(v.owner).toBe("authelia-main");
    expect(v.identity).toEqual(["/persist/etc/ssh/ssh_host_ed25519_key"]);
    expect(v.keyMount).toBe(true);
    expect(v.traefikEnv).toEqual(["/run/agenix/traefik-cloudflare"]);
    expect(Object.keys(v.hostSecrets as object)).toEqual(["cloudflared-tunnel"]);
    // Root's: each tunnel runs as a systemd DynamicUser, which gets the file from systemd.
    expect((v.hostSecrets as Record<string, { owner: string }>)["cloudflared-tunnel"]?.owner).toBe("0");
    expect(v.tunnel).toBe("/run/agenix/cloudflared-tunnel");
    expect(v.cookies).toEqual([{ authelia_url: "https://auth.example.org", domain: "example.org" }]);
  });
});

describe("examples/podman-media/server (seed 001: Podman behind Caddy, modules layout)", () => {
  const oci = "virtualisation.oci-containers.containers";

  it("the profile enables every container module; ports, secrets and dependencies resolve", () => {
    const v = evalServer(podmanMedia.dir, "hwc-server", {
      enabled: "hwc.server.containers",
      backend: "virtualisation.oci-containers.backend",
      postgresPorts: `${oci}.postgres.ports`,
      n8nEnvFiles: `${oci}.n8n.environmentFiles`,
      n8nDepends: `${oci}.n8n.dependsOn`,
      n8nOptions: `${oci}.n8n.extraOptions`,
      sonarrVolumes: `${oci}.sonarr.volumes`,
      tmpfiles: "systemd.tmpfiles.rules",
    }, podmanMedia.options);
    const enabled = v.enabled as Record<string, { enable: boolean; port: number; domain: string }>;
    expect(Object.keys(enabled).sort()).toEqual(["n8n", "postgres", "sonarr"]);
    expect(enabled["sonarr"]).toMatchObject({ enable: true, port: 8989, domain: "sonarr.example.com" });
    expect(v.backend).toBe("podman");
    expect(v.postgresPorts).toEqual(["127.0.0.1:5432:5432"]);
    expect(v.n8nEnvFiles).toEqual(["/run/agenix/n8n-env"]);
    expect(v.n8nDepends).toEqual(["postgres"]);
    expect(v.n8nOptions).toContain("--network=apps");
    expect(v.sonarrVolumes).toContain("/mnt/storage/media/tv:/tv");
    expect(v.tmpfiles).toEqual(
      expect.arrayContaining(["d /opt/media/sonarr 0755 1000 1000 -", "d /opt/databases/postgres 0755 999 999 -"]),
    );
  });

  it("Caddy serves each route's site with the exact Caddyfile text", () => {
    const v = evalServer(podmanMedia.dir, "hwc-server", {
      sonarr: ["services", "caddy", "virtualHosts", "sonarr.example.com", "extraConfig"],
      n8n: ["services", "caddy", "virtualHosts", "n8n.example.com", "extraConfig"],
      email: "services.caddy.email",
    }, podmanMedia.options);
    expect(v.sonarr).toBe(
      "basicauth {\n  admin $2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG\n}\nreverse_proxy 127.0.0.1:8989\n",
    );
    expect(v.n8n).toBe("reverse_proxy 127.0.0.1:5678\n");
    expect(v.email).toBe("admin@example.com");
  });

  it("the custom Podman network is created before the containers that join it", () => {
    const v = evalServer(podmanMedia.dir, "hwc-server", { units: "systemd.services" }, podmanMedia.options);
    const units = v.units as Record<string, { after?: string[]; requires?: string[]; serviceConfig?: Record<string, unknown>; script?: string }>;
    expect(units["podman-network-apps"]?.serviceConfig).toMatchObject({ Type: "oneshot", RemainAfterExit: true });
    expect(units["podman-network-apps"]?.script).toMatch(/podman network (exists|inspect) apps/);
    for (const joined of ["podman-n8n", "podman-postgres"]) {
      expect(units[joined]?.requires, joined).toContain("podman-network-apps.service");
      expect(units[joined]?.after, joined).toContain("podman-network-apps.service");
    }
    expect(units["podman-sonarr"]?.requires ?? []).not.toContain("podman-network-apps.service");
  });
});

describe("examples/nspawn-traefik-service/server (Traefik as a host service, nftables)", () => {
  it("allocated addresses, forwarded SSH, the writable mount and routes on the host Traefik", () => {
    const v = evalServer(nspawnService.dir, "tiny", {
      gitea: "containers.gitea",
      miniflux: "containers.miniflux.localAddress",
      nat: "networking.nat.internalInterfaces",
      routers: "services.traefik.dynamicConfigOptions.http.routers",
      servers: "services.traefik.dynamicConfigOptions.http.services.gitea.loadBalancer.servers",
    }, root.options);
    const gitea = v.gitea as Record<string, unknown>;
    expect(gitea["localAddress"]).toMatch(/^10\.42\.0\.\d+$/);
    expect(gitea["hostAddress"]).toMatch(/^10\.42\.0\.\d+$/);
    expect(gitea["localAddress"]).not.toBe(v.miniflux);
    expect(gitea["forwardPorts"]).toEqual([{ protocol: "tcp", hostPort: 2222, containerPort: 22 }]);
    expect((gitea["bindMounts"] as Record<string, unknown>)["/var/lib/gitea"]).toMatchObject({
      hostPath: "/srv/gitea",
      isReadOnly: false,
    });
    expect(v.nat).toEqual(["ve-*"]);
    expect(Object.keys(v.routers as object).sort()).toEqual(["gitea", "miniflux"]);
    expect(v.servers).toEqual([{ url: `http://${String(gitea["localAddress"])}:3000` }]);
  });
});
