/**
 * A fleet's tree evaluated by the stand-in NixOS: every host of a three-host fleet (flat and
 * modules layouts) in both releases, no warnings; the cross-host firewall openings admit the
 * proxy host's address only, as NixOS ends up with them; a host on another release is built
 * with its own nixpkgs input; the defaults of `common.nix` reach every host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { print } from "@nixjs/expr-printer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostFacts } from "../packages/homelab/src/facts/host-facts.ts";
import { allSecrets } from "../packages/homelab/src/facts/secrets.ts";
import { container, homelab, host, secret, service } from "../packages/homelab/src/index.ts";
import type { Homelab } from "../packages/homelab/src/model/index.ts";
import { render } from "../packages/homelab/src/render/index.ts";
import { renderTextFiles } from "../packages/homelab/src/render/text-files.ts";
import { HARDWARE, smallFleet } from "../packages/homelab/test-support/render/fleet-lab.ts";
import { evalServer, evalServerAssertions, evalServerOutputs, nixosReleases } from "./nixos-stub/eval-server.ts";

const HOSTS = ["dns", "nas", "proxy"] as const;
const PROXY = "192.168.1.2";

/**
 * Writes the rendered tree to a fresh directory, with what the user keeps beside it: each
 * host's hardware module and an (empty) encrypted file per secret.
 */
function writeFleet(lab: Homelab): string {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-fleet-"));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, file] of render(lab)) write(path, print(file));
  for (const [path, text] of renderTextFiles(lab)) write(path, text);
  for (const host of lab.hosts) write(`hardware/${host.name}.nix`, HARDWARE);
  for (const host of lab.hosts) {
    const facts = hostFacts(lab, host);
    for (const s of allSecrets(facts.secrets)) write(facts.backend.file(s), "");
  }
  return dir;
}

const options = {};

for (const layout of ["flat", "modules"] as const) {
  describe(`a fleet of three hosts, ${layout} layout, in the stand-in NixOS`, () => {
    let dir = "";
    beforeAll(() => {
      dir = writeFleet(smallFleet(layout));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    for (const release of nixosReleases) {
      for (const host of HOSTS) {
        it(`${host} evaluates as NixOS ${release}: assertions hold, no warnings`, () => {
          expect(evalServerAssertions(dir, host, { ...options, release }).warnings).toEqual([]);
        });
      }
    }

    it("the target hosts open each routed port to the proxy host's address only", () => {
      const dns = evalServer(dir, "dns", { rules: "networking.firewall.extraInputRules", backend: "networking.firewall.backend", tcp: "networking.firewall.allowedTCPPorts" }, options);
      // dns (nftables): one rule in NixOS's input-allow chain, with the proxy's address resolved from fleet.nix.
      expect(dns.backend).toBe("nftables");
      expect(dns.rules).toBe(`ip saddr ${PROXY} tcp dport 3000 accept\n`);
      expect(dns.tcp).toEqual([]);
      const nas = evalServer(dir, "nas", { start: "networking.firewall.extraCommands", stop: "networking.firewall.extraStopCommands", backend: "networking.firewall.backend", tcp: "networking.firewall.allowedTCPPorts", rules: "networking.firewall.extraInputRules" }, options);
      // nas (iptables): Jellyfin is a Podman publish (DNAT'd before the input chain), so it is
      // filtered in the raw table's PREROUTING, on nas's own address; the chain and its jump go on stop.
      expect(nas.backend).toBe("iptables");
      const NAS = "192.168.1.10";
      const raw = "iptables -w -t raw";
      expect(nas.start).toBe(
        `${raw} -N nixjs-fleet 2>/dev/null || ${raw} -F nixjs-fleet\n` +
          `${raw} -A nixjs-fleet -p tcp -d ${NAS} --dport 8096 -s ${PROXY} -j RETURN\n` +
          `${raw} -A nixjs-fleet -p tcp -d ${NAS} --dport 8096 -j DROP\n` +
          `${raw} -C PREROUTING -j nixjs-fleet 2>/dev/null || ${raw} -A PREROUTING -j nixjs-fleet\n`,
      );
      expect(nas.stop).toBe(`${raw} -D PREROUTING -j nixjs-fleet 2>/dev/null || true\n${raw} -F nixjs-fleet 2>/dev/null || true\n${raw} -X nixjs-fleet 2>/dev/null || true\n`);
      // Not opened to everyone: the port is in no global list, and nothing else is loaded.
      expect(nas.tcp).toEqual([]);
      expect(nas.rules).toBe("");
      const proxy = evalServer(dir, "proxy", { rules: "networking.firewall.extraInputRules", start: "networking.firewall.extraCommands" }, options);
      expect(proxy).toEqual({ rules: "", start: "" });
    });

    it("the proxy reaches the other hosts at their fleet.nix addresses", () => {
      const v = evalServer(dir, "proxy", { tv: ["services", "caddy", "virtualHosts", "tv.example.org", "extraConfig"], dns: ["services", "caddy", "virtualHosts", "dns.example.org", "extraConfig"] }, options);
      expect(v).toEqual({ tv: "reverse_proxy 192.168.1.10:8096\n", dns: "reverse_proxy 192.168.1.3:3000\n" });
    });

    it("each host is built with its own release's nixpkgs (dns: nixpkgs-25_11), its own platform", () => {
      const values = HOSTS.map((h) => evalServer(dir, h, { release: "system.nixos.release", platform: "nixpkgs.hostPlatform", name: "networking.hostName" }, options));
      expect(values).toEqual([
        { release: "25.11", platform: "aarch64-linux", name: "dns" },
        { release: "26.05", platform: "x86_64-linux", name: "nas" },
        { release: "26.05", platform: "x86_64-linux", name: "proxy" },
      ]);
    });

    it("a host's flake extras are its own: dns gets the disko module and its special argument, nas neither", () => {
      const role = `{ lib, ... }@args: { options.role = lib.mkOption { type = lib.types.str; default = args.role or "none"; }; }`;
      const dns = evalServer(dir, "dns", { role: "role", disko: "disko.devices.disk" }, { extraModules: [role] });
      expect(dns).toEqual({ role: "resolver", disko: {} });
      const nas = evalServer(dir, "nas", { role: "role" }, { extraModules: [role] });
      expect(nas).toEqual({ role: "none" });
    });

    it("the deploy tools' outputs evaluate with the stand-ins: colmena's hive and deploy-rs' nodes and checks", () => {
      const v = evalServerOutputs(dir, {
        hosts: "colmenaHive.deploymentConfig",
        nodes: "deploy.nodes",
        schema: ["checks", "x86_64-linux", "deploy-schema"],
      });
      const hosts = v.hosts as Record<string, { targetHost: string; targetUser: string; targetPort: number | null; buildOnTarget: boolean; tags: string[] }>;
      expect(Object.keys(hosts)).toEqual([...HOSTS]);
      expect(hosts["nas"]).toMatchObject({ targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222, tags: ["storage"] });
      expect(hosts["dns"]).toMatchObject({ targetHost: "dns", buildOnTarget: true });
      const nodes = v.nodes as Record<string, { hostname: string; sshUser: string }>;
      expect(Object.fromEntries(Object.entries(nodes).map(([k, node]) => [k, [node.hostname, node.sshUser]]))).toEqual({ dns: ["dns", "root"], nas: ["nas.lan", "deploy"], proxy: ["proxy.lan", "root"] });
      expect(typeof v.schema).toBe("string");
    });

    it("common.nix gives every host the users, root's keys, nix settings, gc and time zone", () => {
      for (const host of HOSTS) {
        const v = evalServer(
          dir,
          host,
          {
            normal: "users.users.alice.isNormalUser",
            groups: "users.users.alice.extraGroups",
            keys: "users.users.alice.openssh.authorizedKeys.keys",
            root: ["users", "users", "root", "openssh", "authorizedKeys", "keys"],
            trusted: ["nix", "settings", "trusted-users"],
            features: ["nix", "settings", "experimental-features"],
            optimise: ["nix", "settings", "auto-optimise-store"],
            gc: "nix.gc",
            gcUnit: "systemd.services.nix-gc.startAt",
            tz: "time.timeZone",
          },
          options,
        );
        expect([v.normal, v.groups, (v.keys as string[]).length], host).toEqual([true, ["wheel"], 1]);
        expect(v.trusted, host).toEqual(["root", "@wheel"]);
        expect(v.features, host).toEqual(["nix-command", "flakes"]);
        expect(v.optimise, host).toBe(true);
        expect(v.gc, host).toEqual({ automatic: true, dates: ["weekly"], options: "--delete-older-than 30d", persistent: true, randomizedDelaySec: "0" });
        expect(v.gcUnit, host).toEqual(["weekly"]);
        expect(v.tz, host).toBe("Europe/Berlin");
        expect((v.root as string[]).length, host).toBe(1);
      }
    });
  });
}

describe("a sops-nix fleet: secret files at the root, named from each file's real place", () => {
  const AGE = (c: string): string => `age1${c.repeat(58)}`;
  const backup = secret("backup-key");
  const lab = homelab({
    domain: "example.org",
    sops: { recipients: { admin: AGE("q") }, sshKeyPaths: ["/etc/ssh/ssh_host_ed25519_key"] },
    hosts: [
      host("alpha", {
        stateVersion: "25.11",
        address: "192.168.1.21",
        hostKey: AGE("p"),
        modules: ["./hardware/alpha.nix"],
        services: [service("backup", { secrets: [backup], config: { services: { openssh: { enable: true } }, systemd: { services: { backup: { environment: { KEY: backup.path } } } } } })],
      }),
      host("beta", {
        stateVersion: "25.11",
        address: "192.168.1.22",
        hostKey: AGE("z"),
        modules: ["./hardware/beta.nix"],
        network: { pool: "10.40.0.0/24" },
        containers: [container("app", { ports: [8080], secrets: [secret("app-db")], config: { services: { openssh: { enable: true } } } })],
      }),
    ],
  });
  let dir = "";
  beforeAll(() => {
    dir = writeFleet(lab);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("alpha's host.nix and beta's container file name the root secrets/ from hosts/<host>/…", () => {
    const files = new Map([...render(lab)].map(([p, f]) => [p, print(f)]));
    expect(files.get("hosts/alpha/host.nix")).toContain("sopsFile = ../../secrets/backup-key.sops;");
    expect(files.get("hosts/beta/containers/app.nix")).toContain("sopsFile = ../../../secrets/app-db.sops;");
    expect([...renderTextFiles(lab).keys()]).toEqual([".sops.yaml"]);
  });

  for (const name of ["alpha", "beta"]) {
    it(`${name} evaluates, the sops files found where the paths say`, () => {
      expect(evalServerAssertions(dir, name).warnings).toEqual([]);
    });
  }

  it("the decrypted paths are where the host and the guest read them", () => {
    expect(evalServer(dir, "alpha", { file: "sops.secrets.backup-key.sopsFile", key: "systemd.services.backup.environment.KEY" })).toEqual({
      file: "./secrets/backup-key.sops",
      key: "/run/secrets/backup-key",
    });
    expect(evalServer(dir, "beta", { file: "containers.app.config.sops.secrets.app-db.sopsFile" })).toEqual({ file: "./secrets/app-db.sops" });
  });
});
