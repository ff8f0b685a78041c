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
import type { Homelab } from "../packages/homelab/src/model/index.ts";
import { render } from "../packages/homelab/src/render/index.ts";
import { smallFleet } from "../packages/homelab/test-support/render/fleet-lab.ts";
import { evalServer, evalServerAssertions, hardwareConfiguration, nixosReleases } from "./nixos-stub/eval-server.ts";

const HOSTS = ["dns", "nas", "proxy"] as const;
const PROXY = "192.168.1.2";

/** Writes the rendered tree, with an empty encrypted file per secret, to a fresh directory. */
function writeFleet(lab: Homelab): string {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-fleet-"));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, file] of render(lab)) write(path, print(file));
  for (const host of lab.hosts) {
    const facts = hostFacts(lab, host);
    for (const s of allSecrets(facts.secrets)) write(facts.backend.file(s), "");
  }
  return dir;
}

const options = { extraModules: [hardwareConfiguration] };

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
      const nas = evalServer(dir, "nas", { start: "networking.firewall.extraCommands", stop: "networking.firewall.extraStopCommands", backend: "networking.firewall.backend", tcp: "networking.firewall.allowedTCPPorts", rules: "networking.firewall.extraInputRules" }, options);
      // nas (iptables): appended to nixos-fw before its final refuse rule, removed on stop.
      expect(nas.backend).toBe("iptables");
      expect(nas.start).toBe(`iptables -w -A nixos-fw -p tcp -s ${PROXY} --dport 8096 -j nixos-fw-accept\n`);
      expect(nas.stop).toBe(`iptables -w -D nixos-fw -p tcp -s ${PROXY} --dport 8096 -j nixos-fw-accept 2>/dev/null || true\n`);
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
