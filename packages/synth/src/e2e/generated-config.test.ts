/**
 * End to end on real configs: the real builders, `validate`, `render` and `print`, run by the
 * real command in a child process (as `npx tsx synth`), into temporary directories.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAll } from "@nixjs/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { generatedConfig, HARDWARE_MODULE, type GeneratedContainer } from "../../test-support/configs.ts";
import { readTree, tempDir } from "../../test-support/fixtures.ts";
import { NIXJS_BIN, ROOT_SYNTH, runScript } from "../../test-support/spawn.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
/** A project directory holding `homelab.config.ts` (an ES module package, as a user's repo). */
function project(source: string): string {
  const t = tempDir("nixjs-e2e-");
  cleanups.push(t.cleanup);
  writeFileSync(join(t.dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(t.dir, "homelab.config.ts"), source);
  mkdirSync(join(t.dir, "server"));
  writeFileSync(join(t.dir, "server", "hardware-configuration.nix"), HARDWARE_MODULE);
  return t.dir;
}
const synthIn = (dir: string, args: string[] = [], env: Record<string, string> = {}) => runScript(ROOT_SYNTH, args, { cwd: dir, env });
const generated = (dir: string) => readTree(join(dir, "server"), (p) => p === ".nixjs-manifest.json" || p === "hardware-configuration.nix");

/** Deterministic shuffle (a fixed-seed LCG): the same "random" order on every run. */
function shuffled(xs: GeneratedContainer[]): GeneratedContainer[] {
  const out = [...xs];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("synth of a real config", () => {
  it("writes a tree whose every file parses with nix-instantiate, and --check passes right after", () => {
    const dir = project(generatedConfig(5));
    const r = synthIn(dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const tree = generated(dir);
    expect(tree.size).toBeGreaterThan(5);
    for (const [path, text] of tree) expect(text.startsWith("#"), `${path} starts with its header comment`).toBe(true);
    parseAll([...tree.values()]);
    expect(synthIn(dir, ["--check"]).code).toBe(0);
  });

  it("is deterministic: two runs, any declaration order, time zone or locale give the same bytes", () => {
    const a = project(generatedConfig(12));
    const b = project(generatedConfig(12, shuffled));
    const c = project(generatedConfig(12, (xs) => [...xs].reverse()));
    expect(synthIn(a).code).toBe(0);
    expect(synthIn(b, [], { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" }).code).toBe(0);
    expect(synthIn(c, [], { TZ: "America/Los_Angeles", LC_ALL: "de_DE.UTF-8" }).code).toBe(0);
    const tree = readTree(join(a, "server"));
    expect(readTree(join(b, "server"))).toEqual(tree);
    expect(readTree(join(c, "server"))).toEqual(tree);
    // A second run into the same directory changes no byte.
    expect(synthIn(a).stdout).toMatch(/^synth: 0 written, \d+ unchanged, 0 removed/m);
    expect(readTree(join(a, "server"))).toEqual(tree);
  });

  it("removing a container from the config removes exactly its files", () => {
    const dir = project(generatedConfig(4));
    expect(synthIn(dir).code).toBe(0);
    const before = generated(dir);
    writeFileSync(join(dir, "homelab.config.ts"), generatedConfig(4, (xs) => xs.filter((x) => x.name !== "app2")));
    const check = synthIn(dir, ["--check"]);
    expect(check.code).toBe(1);
    expect(synthIn(dir).code).toBe(0);
    const after = generated(dir);
    const removed = [...before.keys()].filter((p) => !after.has(p));
    expect(removed.length).toBeGreaterThan(0);
    for (const path of removed) expect(path).toMatch(/(^|\/)app2(\.nix$|\/)/);
    for (const path of before.keys()) if (/(^|\/)app2(\.nix$|\/)/.test(path)) expect(after.has(path)).toBe(false);
    // Files it lists as differing are exactly the removed and the changed ones.
    const changed = [...after].filter(([p, t]) => before.get(p) !== t).map(([p]) => p);
    const listed = check.stdout.split("\n").filter((l) => l.startsWith("  differs ")).map((l) => l.split(" ")[3]!.replace(/^server\//, ""));
    expect(listed.sort()).toEqual([...removed, ...changed, ".nixjs-manifest.json"].sort());
  });

  it("the command word `synth` is optional: `synth` and no word write the same bytes", () => {
    // The built `nixjs` bin is compared with these sources in test/packaging/.
    const a = project(generatedConfig(3));
    const b = project(generatedConfig(3));
    expect(synthIn(a).code).toBe(0);
    const named = synthIn(b, ["synth"]);
    expect(named.stderr).toBe("");
    expect(named.code).toBe(0);
    expect(readTree(join(b, "server"))).toEqual(readTree(join(a, "server")));
    expect(synthIn(b, ["check"]).code).toBe(0);
  });

  it("a validation error writes nothing and names the call site", () => {
    const source = generatedConfig(2).replace('localAddress: "10.20.0.5"', 'localAddress: "10.20.0.3"');
    const dir = project(source);
    const r = synthIn(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Errors \(\d+\)$/m);
    expect(r.stderr).toMatch(/at homelab\.config\.ts:\d+:\d+/);
    expect(r.stderr).toContain("nothing was written");
    expect(readTree(dir).has("server/flake.nix")).toBe(false);
  });
});
