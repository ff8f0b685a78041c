/**
 * The command's output for a fleet: the summary line names the hosts the tree is for, in
 * every mode, and `--json` lists them; a homelab of one host prints what it always printed.
 */
import { describe, expect, it } from "vitest";
import { genFiles, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";

const cwd = tempDirsPerTest();
const files = genFiles({ "flake.nix": "{ }\n", "hosts/dns/default.nix": "{ }\n", "hosts/nas/default.nix": "{ }\n" });
const fleet: FakeConfig = { files, hosts: ["dns", "nas"] };

describe("a fleet's summary", () => {
  it("synth, --check and --dry-run name the hosts; --json lists them", async () => {
    const dir = cwd();
    const dry = await runCli(["--dry-run"], { cwd: dir, config: fleet });
    expect(dry.stdout).toMatch(/^dry run: 3 to write, 0 unchanged, 0 to remove in server\/ for 2 hosts \(dns, nas\); nothing written \(\d+\.\d\d s\)$/m);
    const drift = await runCli(["--check"], { cwd: dir, config: fleet });
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/^check: server\/ for 2 hosts \(dns, nas\) differs from what synth would write \(3 to write, 0 to remove\); run synth and commit/m);
    const first = await runCli([], { cwd: dir, config: fleet });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^synth: 3 written, 0 unchanged, 0 removed in server\/ for 2 hosts \(dns, nas\) \(\d+\.\d\d s\)$/m);
    const check = await runCli(["--check"], { cwd: dir, config: fleet });
    expect(check.stdout).toMatch(/^check: server\/ for 2 hosts \(dns, nas\) is up to date \(3 files\)/m);
    const json = JSON.parse((await runCli(["--json"], { cwd: dir, config: fleet })).stdout) as Record<string, unknown>;
    expect(json["hosts"]).toEqual(["dns", "nas"]);
    // Right after `out`, before the diagnostics: the document's keys keep their order.
    expect(Object.keys(json).slice(4, 8)).toEqual(["config", "out", "hosts", "diagnostics"]);
  });

  it("a fleet of one host says so in the singular; a homelab of one host prints no host list", async () => {
    const one = await runCli([], { cwd: cwd(), config: { files, hosts: ["nas"] } });
    expect(one.stdout).toMatch(/^synth: 3 written, 0 unchanged, 0 removed in server\/ for 1 host \(nas\) \(/m);
    const single = await runCli([], { cwd: cwd(), config: { files } });
    expect(single.stdout).toMatch(/^synth: 3 written, 0 unchanged, 0 removed in server\/ \(\d+\.\d\d s\)$/m);
    const json = JSON.parse((await runCli(["--json", "--check"], { cwd: cwd(), config: { files } })).stdout) as Record<string, unknown>;
    expect("hosts" in json).toBe(false);
  });
});
