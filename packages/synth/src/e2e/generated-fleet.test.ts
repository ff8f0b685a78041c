/**
 * End to end on a generated fleet (the benchmark's config, smaller): the real command writes a
 * tree for every host without a finding, every file parses with nix-instantiate, the summary
 * names the hosts, `--check` passes right after, and the hosts' declaration order changes no byte.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAll } from "@nixjs/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { fleetHostNames, generatedFleetConfig, HARDWARE_MODULE } from "../../test-support/configs.ts";
import { readTree, tempDir } from "../../test-support/fixtures.ts";
import { ROOT_SYNTH, runScript } from "../../test-support/spawn.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const HOSTS = 4;

/** A project holding the generated fleet, each host's hardware module and secret file, as a user keeps them. */
function project(source: string): string {
  const t = tempDir("nixjs-fleet-e2e-");
  cleanups.push(t.cleanup);
  writeFileSync(join(t.dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(t.dir, "homelab.config.ts"), source);
  for (const host of fleetHostNames(HOSTS)) {
    mkdirSync(join(t.dir, "server", "hosts", host), { recursive: true });
    writeFileSync(join(t.dir, "server", "hosts", host, "hardware-configuration.nix"), HARDWARE_MODULE);
  }
  mkdirSync(join(t.dir, "server", "secrets"));
  for (const host of fleetHostNames(HOSTS)) writeFileSync(join(t.dir, "server", "secrets", `app-${host}.age`), "");
  return t.dir;
}
const synthIn = (dir: string, args: string[] = []) => runScript(ROOT_SYNTH, args, { cwd: dir });
const generated = (dir: string) => readTree(join(dir, "server"), (p) => p === ".nixjs-manifest.json" || p.endsWith("/hardware-configuration.nix") || p.endsWith(".age"));

describe("synth of a generated fleet", () => {
  it("writes every host's tree without a finding; every file parses; the summary names the hosts; --check passes", () => {
    const dir = project(generatedFleetConfig(HOSTS, 5));
    const r = synthIn(dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^synth: \d+ written, 0 unchanged, 0 removed in server\/ for 4 hosts \(h00, h01, h02, h03\) \(/m);
    const tree = generated(dir);
    for (const host of fleetHostNames(HOSTS)) expect(tree.has(`hosts/${host}/default.nix`), host).toBe(true);
    parseAll([...tree.values()]);
    expect(synthIn(dir, ["--check"]).code).toBe(0);
  });

  it("the same bytes for any declaration order of the hosts", () => {
    const a = project(generatedFleetConfig(HOSTS, 3));
    const b = project(generatedFleetConfig(HOSTS, 3, (names) => [...names].reverse()));
    expect(synthIn(a).code).toBe(0);
    expect(synthIn(b).code).toBe(0);
    expect(generated(b)).toEqual(generated(a));
  });
});
