/**
 * The committed tree of `examples/impermanent-nas/` evaluated by the stand-in NixOS (real
 * nix-instantiate), read for what its owner would check after a rebuild: disko's layout and
 * impermanence's persistence came in through the flake inputs, sops-nix decrypts on the host
 * and mounts the shared database password into both containers that need it, the torrent
 * client lives in the VPN's network namespace, Jellyfin has the GPU, the NixOS containers share
 * one host-side address, NAT follows each container's choice, and SSH is open on the LAN
 * interface only. Expected values are written from the example's config and the NixOS manual.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evalServer } from "./nixos-stub/eval-server.ts";
import { CONFIGS, committedTreeCopy, REPO_ROOT, removeTrees } from "./trees.ts";

afterAll(removeTrees);

const config = CONFIGS.find((c) => c.name === "impermanent-nas")!;
/** The encrypted files `.sops.yaml` has a rule for (each rule's regex is one escaped path). */
const sopsYaml = readFileSync(join(REPO_ROOT, config.committed, ".sops.yaml"), "utf8");
const files = [...sopsYaml.matchAll(/path_regex: '\^(.+)\$'/g)].map((m) => m[1]!.replace(/\\(.)/g, "$1"));
const dir = committedTreeCopy(config, files);
const oci = "virtualisation.oci-containers.containers";

describe("examples/impermanent-nas: the NAS as NixOS builds it", () => {
  it("names one encrypted file per secret", () => {
    expect(files).toEqual(["secrets/gitea-secret-key.sops", "secrets/gluetun-env.sops", "secrets/postgres-password.sops"]);
  });

  const v = evalServer(dir, "nas", {
    fileSystems: "fileSystems",
    persistence: `environment.persistence."/persist".directories`,
    hostSecrets: "sops.secrets",
    sshKeyPaths: "sops.age.sshKeyPaths",
    guestSecrets: "containers.gitea.config.sops.secrets",
    giteaMounts: "containers.gitea.bindMounts",
    giteaDb: "containers.gitea.config.services.gitea.database",
    postgresMounts: "containers.postgres.bindMounts",
    addresses: ["containers"],
    nat: "networking.nat",
    firewall: "networking.firewall",
    qbittorrent: `${oci}.qbittorrent`,
    gluetun: `${oci}.gluetun`,
    jellyfin: `${oci}.jellyfin`,
    homepage: `${oci}.homepage.volumes`,
    vlan: "networking.vlans.iot",
  }) as {
    fileSystems: Record<string, { fsType: string; neededForBoot?: boolean }>;
    persistence: { directory: string }[];
    hostSecrets: Record<string, { sopsFile: string; format: string; mode: string }>;
    sshKeyPaths: string[];
    guestSecrets: Record<string, { owner: string }>;
    giteaMounts: Record<string, { hostPath: string; isReadOnly: boolean }>;
    giteaDb: { host: string; passwordFile: string; type: string };
    postgresMounts: Record<string, { hostPath: string; isReadOnly: boolean }>;
    addresses: Record<string, { hostAddress: string; localAddress: string }>;
    nat: { enable: boolean; internalIPs: string[]; internalInterfaces: string[]; externalInterface: string };
    firewall: { allowedTCPPorts: number[]; interfaces: Record<string, { allowedTCPPorts: number[] }> };
    qbittorrent: { extraOptions: string[]; dependsOn: string[]; ports: string[] };
    gluetun: { ports: string[]; capabilities: Record<string, boolean>; devices: string[] };
    jellyfin: { devices: string[]; volumes: string[]; extraOptions: string[] };
    homepage: string[];
    vlan: { id: number; interface: string };
  };

  it("disko lays out the disk from its input's module; impermanence keeps /persist", () => {
    expect(v.fileSystems["/"]!.fsType).toBe("tmpfs");
    expect(v.fileSystems["/nix"]!.fsType).toBe("ext4");
    expect(v.fileSystems["/persist"]!.neededForBoot).toBe(true);
    expect(v.persistence.map((d) => d.directory)).toContain("/var/lib/nixos-containers");
  });

  it("sops-nix decrypts on the host with the SSH key on /persist, the database password once for the database and the app", () => {
    expect(v.sshKeyPaths).toEqual(["/persist/etc/ssh/ssh_host_ed25519_key"]);
    expect(Object.keys(v.hostSecrets).sort()).toEqual(["gluetun-env", "postgres-password"]);
    expect(v.hostSecrets["postgres-password"]!.format).toBe("binary");
    // Both containers get the host's decrypted file, read-only, at one path.
    for (const mounts of [v.giteaMounts, v.postgresMounts]) {
      expect(mounts["/run/host-secrets/postgres-password"]).toMatchObject({ hostPath: "/run/secrets/postgres-password", isReadOnly: true });
    }
    // Gitea reads the mounted file; it decrypts its own key in its guest, for its own user.
    expect(v.giteaDb).toMatchObject({ type: "postgres", host: "10.233.0.2", passwordFile: "/run/host-secrets/postgres-password" });
    expect(v.guestSecrets["gitea-secret-key"]!.owner).toBe("gitea");
  });

  it("the NixOS containers share one host-side address; NAT only for the one that wants it", () => {
    expect(v.addresses["postgres"]).toMatchObject({ hostAddress: "10.233.0.1", localAddress: "10.233.0.2" });
    expect(v.addresses["gitea"]).toMatchObject({ hostAddress: "10.233.0.1", localAddress: "10.233.0.3" });
    expect(v.nat).toMatchObject({ enable: true, internalIPs: ["10.233.0.3/32"], externalInterface: "enp1s0" });
    expect(v.nat.internalInterfaces).toEqual([]);
  });

  it("the torrent client lives in the VPN's namespace; the VPN publishes its web UI on loopback", () => {
    expect(v.qbittorrent.extraOptions).toContain("--network=container:gluetun");
    expect(v.qbittorrent.dependsOn).toEqual(["gluetun"]);
    expect(v.qbittorrent.ports).toEqual([]);
    expect(v.gluetun.ports).toEqual(["127.0.0.1:8080:8080"]);
    expect(v.gluetun.capabilities).toEqual({ NET_ADMIN: true });
    expect(v.gluetun.devices).toEqual(["/dev/net/tun"]);
  });

  it("Jellyfin has the GPU and reads the library; homepage's settings are a store file", () => {
    expect(v.jellyfin.devices).toEqual(["/dev/dri"]);
    expect(v.jellyfin.volumes).toContain("/tank/media:/media:ro");
    expect(v.jellyfin.extraOptions).toEqual(["--memory=4g", "--shm-size=1g"]);
    expect(v.homepage.some((m) => /^\/nix\/store\/[^:]+-homepage-settings\.yaml[^:]*:\/app\/config\/settings\.yaml:ro$/.test(m))).toBe(true);
  });

  it("SSH is open on the LAN interface only; the IoT VLAN rides on it", () => {
    expect(v.firewall.interfaces["enp1s0"]!.allowedTCPPorts).toEqual([22]);
    expect(v.firewall.allowedTCPPorts).toEqual([80, 443]);
    expect(v.vlan).toEqual({ id: 20, interface: "enp1s0" });
  });
});
