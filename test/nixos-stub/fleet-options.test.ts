import { describe, expect, it } from "vitest";
import { nixEval } from "../../packages/testkit/src/index.ts";
import { nixosReleases } from "./eval-server.ts";
import { errorOf, systemExpr } from "./system-expr.ts";

// What a fleet's tree sets beyond a single host's, declared as NixOS 25.11 and 26.05 declare it:
// nix.gc (services/misc/nix-gc.nix), a normal user's primary group (users-groups.nix), and the
// firewall's extra rules, whose misuse NixOS accepts silently and nixos-stub reports as warnings
// (./nixos/firewall-check.nix).

const warnings = (module: string, release: (typeof nixosReleases)[number] = "26.05"): string[] =>
  nixEval(systemExpr(module, "check.warnings", release)) as string[];

describe("nix.gc as nix-gc.nix declares it", () => {
  for (const release of nixosReleases) {
    it(`${release}: automatic, dates (a string or a list, read as a list), options, persistent, randomizedDelaySec`, () => {
      const v = nixEval(
        systemExpr(`{ nix.gc = { automatic = true; dates = "weekly"; options = "--delete-older-than 30d"; }; }`, "builtins.seq check { inherit (config.nix) gc; unit = config.systemd.services.nix-gc.startAt; }", release),
      );
      expect(v).toEqual({
        gc: { automatic: true, dates: ["weekly"], options: "--delete-older-than 30d", persistent: true, randomizedDelaySec: "0" },
        unit: ["weekly"],
      });
    });
  }

  it("refuses what NixOS refuses: an unknown option, two lines of options, enable (not renamed in 25.11/26.05)", () => {
    expect(errorOf(systemExpr(`{ nix.gc.frequency = "daily"; }`, "check"))).toContain("The option `nix.gc.frequency' does not exist");
    expect(errorOf(systemExpr(`{ nix.gc.options = "a\\nb"; }`, "check"))).toContain("is not of type `(optionally newline-terminated) single-line string'");
    expect(errorOf(systemExpr(`{ nix.gc.enable = true; }`, "check"))).toContain("The option `nix.gc.enable' does not exist");
  });
});

describe("users.users.<name> of a normal user", () => {
  it("gets the primary group users (and wheel exists), so a normal user needs no group of its own", () => {
    const v = nixEval(
      systemExpr(`{ users.users.alice = { isNormalUser = true; extraGroups = [ "wheel" ]; openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAA alice" ]; }; }`, `builtins.seq check { inherit (config.users.users.alice) group home; gids = map (g: config.users.groups.\${g}.gid) [ "users" "wheel" ]; }`),
    );
    expect(v).toEqual({ group: "users", home: "/home/alice", gids: [100, 1] });
  });
});

describe("firewall rules NixOS accepts but that do nothing or fail later: nixos-stub warnings", () => {
  it("extraInputRules with the iptables backend loads nothing", () => {
    expect(warnings(`{ networking.firewall.extraInputRules = "ip saddr 192.168.1.2 tcp dport 8096 accept"; }`)).toEqual([
      "nixos-stub: networking.firewall.extraInputRules is set, but the firewall backend is iptables: NixOS loads it only with nftables, so these rules do nothing",
    ]);
    expect(warnings(`{ networking.nftables.enable = true; networking.firewall.extraInputRules = "ip saddr 192.168.1.2 tcp dport 8096 accept"; }`)).toEqual([]);
  });

  it("an iptables rule on a chain or to a target the firewall does not create fails its start", () => {
    const w = warnings(`{ networking.firewall.extraCommands = ''
      iptables -w -A nixos-firewall -p tcp -s 192.168.1.2 --dport 8096 -j nixos-fw-accept
      iptables -w -A nixos-fw -p tcp -s 192.168.1.2 --dport 8096 -j nixos-accept
      iptables -w -A nixos-fw -p tcp -s 192.168.1.2 --dport 8096 -j nixos-fw-accept
      iptables -t nat -A my-own-chain -j RETURN
    ''; }`);
    expect(w).toEqual([
      "nixos-stub: networking.firewall.extraCommands: `iptables -w -A nixos-firewall -p tcp -s 192.168.1.2 --dport 8096 -j nixos-fw-accept' names the chain nixos-firewall, which the firewall does not create: iptables fails and so does the firewall service",
      "nixos-stub: networking.firewall.extraCommands: `iptables -w -A nixos-fw -p tcp -s 192.168.1.2 --dport 8096 -j nixos-accept' jumps to nixos-accept, which is no chain or target of the firewall: iptables fails and so does the firewall service",
    ]);
  });

  it("a deletion in extraStopCommands must tolerate the rule being gone (sh -e)", () => {
    expect(warnings(`{ networking.firewall.extraStopCommands = "iptables -w -D nixos-fw -p tcp --dport 8096 -j nixos-fw-accept"; }`)).toEqual([
      "nixos-stub: networking.firewall.extraStopCommands: `iptables -w -D nixos-fw -p tcp --dport 8096 -j nixos-fw-accept' fails once the rule is gone, and firewall-stop runs under sh -e: add `|| true'",
    ]);
    expect(warnings(`{ networking.firewall.extraStopCommands = "iptables -w -D nixos-fw -p tcp --dport 8096 -j nixos-fw-accept 2>/dev/null || true"; }`)).toEqual([]);
  });

  it("extraCommands under nftables fails NixOS's own assertion", () => {
    expect(errorOf(systemExpr(`{ networking.nftables.enable = true; networking.firewall.extraCommands = "iptables -A nixos-fw -j nixos-fw-accept"; }`, "check"))).toContain(
      "extraCommands is incompatible with the nftables based firewall",
    );
  });
});
