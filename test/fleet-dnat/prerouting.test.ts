/**
 * The cross-host openings of ports published through DNAT, as NixOS ends up with them (the
 * stand-in, real nix-instantiate) and as they behave: the iptables host's `extraCommands` and
 * `extraStopCommands` run under `sh -e` against a stand-in `iptables` (`fake-iptables.mjs`) the
 * way firewall-start, firewall-stop and firewall-reload run them (firewall-iptables.nix, 25.11
 * and 26.05), and packets walked through the rules that result (`netfilter.ts`): the proxies'
 * addresses pass, everyone else is dropped at the target's address and routed port, and nothing
 * else is touched. The nftables host's table, likewise. Expected verdicts are written from the
 * fleet's addresses (`DNAT_ADDRESSES`), not read from the output.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { print } from "@nixjs/expr-printer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../packages/homelab/src/render/index.ts";
import { DNAT_ADDRESSES as A, dnatFleet } from "../../packages/homelab/test-support/render/fleet-dnat-lab.ts";
import { HARDWARE } from "../../packages/homelab/test-support/render/fleet-lab.ts";
import { evalServer, evalServerAssertions, nixosReleases } from "../nixos-stub/eval-server.ts";
import { nftVerdict, rawVerdict, type Packet, type Verdict } from "./netfilter.ts";

const FAKE = fileURLToPath(new URL("./fake-iptables.mjs", import.meta.url));
const LAN = "192.168.1.50";
const CONTAINER = "10.88.0.7";

let dir = "";
let bin = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nixjs-fleet-dnat-"));
  for (const [path, file] of render(dnatFleet())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), print(file));
  }
  mkdirSync(join(dir, "hardware"));
  for (const h of Object.keys(A)) writeFileSync(join(dir, `hardware/${h}.nix`), HARDWARE);
  bin = join(dir, "bin");
  mkdirSync(bin);
  symlinkSync(FAKE, join(bin, "iptables"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const release of nixosReleases) {
  for (const h of ["nas", "box"]) {
    it(`${h} evaluates as NixOS ${release}: assertions hold, no warnings`, () => {
      expect(evalServerAssertions(dir, h, { release }).warnings).toEqual([]);
    });
  }
}

/** A packet to `destination`:`port` from `source`. */
const p = (source: string, destination: string, port: number): Packet => ({ source, destination, port });

describe("nas (iptables): a raw-table chain before the DNAT, idempotent under NixOS's scripts", () => {
  let start = "";
  let stop = "";
  let state = "";
  beforeAll(() => {
    const v = evalServer(dir, "nas", { start: "networking.firewall.extraCommands", stop: "networking.firewall.extraStopCommands" }) as { start: string; stop: string };
    ({ start, stop } = v);
    state = join(dir, "iptables.json");
  });

  /** Runs `script` as NixOS runs its firewall scripts (`sh -e`); its exit status. */
  const run = (script: string): number => {
    try {
      execFileSync("sh", ["-e", "-c", script], { env: { PATH: `${bin}:${process.env["PATH"]}`, FAKE_IPTABLES_STATE: state }, stdio: "pipe" });
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  /** firewall-start: NixOS recreates its filter chains (empty), then runs extraCommands. */
  const firewallStart = (): number => {
    const tables = JSON.parse(readFileSync(state, "utf8")) as { filter: Record<string, string[]> };
    tables.filter["nixos-fw"] = [];
    writeFileSync(state, JSON.stringify(tables));
    return run(start);
  };
  /** A booted machine before the firewall service: empty raw table, NixOS's filter chains. */
  const reset = (): void =>
    writeFileSync(state, JSON.stringify({ raw: { PREROUTING: [], OUTPUT: [] }, filter: { INPUT: [], FORWARD: [], OUTPUT: [], "nixos-fw": [], "nixos-fw-accept": [] } }));
  const raw = (): Record<string, string[]> => (JSON.parse(readFileSync(state, "utf8")) as { raw: Record<string, string[]> }).raw;

  it("start, start again (a start after a failed stop), reload, stop, stop again: no failure, one chain, one jump", () => {
    reset();
    expect(firewallStart()).toBe(0);
    const once = raw();
    expect(once["PREROUTING"]).toEqual(["-j nixjs-fleet"]);
    expect(firewallStart()).toBe(0);
    expect(raw()).toEqual(once);
    // firewall-reload: the stop commands, then firewall-start.
    expect(run(stop)).toBe(0);
    expect(firewallStart()).toBe(0);
    expect(raw()).toEqual(once);
    expect(run(stop)).toBe(0);
    expect(raw()).toEqual({ PREROUTING: [], OUTPUT: [] });
    expect(run(stop)).toBe(0);
    expect(firewallStart()).toBe(0);
    expect(raw()).toEqual(once);
  });

  it("drops other machines at nas's address and routed ports only; the proxies that route there pass", () => {
    reset();
    expect(firewallStart()).toBe(0);
    const verdict = (packet: Packet): Verdict => rawVerdict(raw(), packet) as Verdict;
    const cases: [Packet, Verdict][] = [
      // Jellyfin (Podman), routed from both proxies.
      [p(A.edge, A.nas, 8096), "passed"],
      [p(A.edge2, A.nas, 8096), "passed"],
      [p(LAN, A.nas, 8096), "dropped"],
      [p(A.box, A.nas, 8096), "dropped"],
      // web (nspawn forwardPorts), routed from edge only.
      [p(A.edge, A.nas, 8081), "passed"],
      [p(A.edge2, A.nas, 8081), "dropped"],
      // Untouched: another port, another destination (a container's address, another host).
      [p(LAN, A.nas, 22), "passed"],
      [p(LAN, CONTAINER, 8096), "passed"],
      [p(LAN, A.box, 8096), "passed"],
      // smb is a host listener: the input chain filters it, not this chain.
      [p(LAN, A.nas, 445), "passed"],
    ];
    expect(cases.map(([packet]) => verdict(packet))).toEqual(cases.map(([, v]) => v));
  });

  it("the proxies' rules come first: each port's drop is its last rule", () => {
    reset();
    expect(firewallStart()).toBe(0);
    const rules = raw()["nixjs-fleet"]!;
    for (const port of [8081, 8096]) {
      const mine = rules.filter((r) => r.includes(`--dport ${port} `));
      expect(mine.at(-1), `${port}`).toBe(`-p tcp -d ${A.nas} --dport ${port} -j DROP`);
      expect(mine.slice(0, -1).every((r) => r.endsWith("-j RETURN"))).toBe(true);
    }
  });

  it("the host listener keeps its input-chain rule for edge, removed on stop", () => {
    const filter = (): string[] => (JSON.parse(readFileSync(state, "utf8")) as { filter: Record<string, string[]> }).filter["nixos-fw"]!;
    reset();
    expect(firewallStart()).toBe(0);
    expect(filter()).toEqual([`-p tcp -s ${A.edge} --dport 445 -j nixos-fw-accept`]);
    expect(run(stop)).toBe(0);
    expect(filter()).toEqual([]);
  });
});

describe("box (nftables): a table of its own hooked at prerouting, priority raw", () => {
  it("declares the table as nftables.nix reads it; the host listener stays in extraInputRules", () => {
    const v = evalServer(dir, "box", { table: "networking.nftables.tables.nixjs-fleet", rules: "networking.firewall.extraInputRules", backend: "networking.firewall.backend" }) as {
      table: { enable: boolean; name: string; family: string; content: string };
      rules: string;
      backend: string;
    };
    expect(v.backend).toBe("nftables");
    expect([v.table.enable, v.table.name, v.table.family]).toEqual([true, "nixjs-fleet", "inet"]);
    expect(v.rules).toBe(`ip saddr ${A.edge} tcp dport 3000 accept\n`);
    const cases: [Packet, Verdict][] = [
      [p(A.edge, A.box, 8080), "passed"],
      [p(A.edge2, A.box, 8080), "passed"],
      [p(LAN, A.box, 8080), "dropped"],
      [p(A.nas, A.box, 8080), "dropped"],
      [p(LAN, A.box, 22), "passed"],
      [p(LAN, CONTAINER, 8080), "passed"],
      [p(LAN, A.box, 3000), "passed"],
    ];
    expect(cases.map(([packet]) => nftVerdict(v.table.content, packet))).toEqual(cases.map(([, verdict]) => verdict));
  });
});
