/**
 * The crash test: a real synth (the production command, with a stand-in config stage) runs in
 * a child process and is SIGKILLed before each of its disk changes in turn — every point, not
 * a sample. After every kill each file must be entirely old or entirely new (never torn, never
 * a staging name in the tree), and after the recovery that the next synth runs first, the
 * whole tree must be the old tree or the new tree, exactly.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JOURNAL_FILE, STAGING_DIR } from "../paths.ts";
import { readTree, runCli, tempDir, type FakeConfig } from "../../test-support/fixtures.ts";
import { FIXTURE_CLI, runAndKillAt, runScript } from "../../test-support/spawn.ts";

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function scratch(): string {
  const t = tempDir("nixjs-crash-");
  temps.push(t.cleanup);
  return t.dir;
}

const oldConfig: FakeConfig = {
  files: {
    "flake.nix": "{ old flake }\n",
    "host.nix": "{ old host }\n",
    "containers/immich.nix": "{ immich }\n",
    "containers/gone/index.nix": "{ gone }\n",
    "containers/gone/options.nix": "{ gone options }\n",
    "secrets/secrets.nix": "{ rules }\n",
  },
};
/** More than `syncFiles`' threshold of staged files, so the one-`syncfs` path is swept too. */
const extra = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`containers/extra/e${i}.nix`, `{ extra ${i} }\n`]));
const newConfig: FakeConfig = {
  files: {
    ...extra,
    "flake.nix": "{ new flake, a longer text than before so that a torn write would show }\n",
    "host.nix": "{ old host }\n",
    "containers/immich.nix": "{ immich v2 }\n",
    "containers/caddy/routes/n8n.nix": "{ new route }\n",
    "containers/vaultwarden.nix": "{ vaultwarden }\n",
    "secrets/secrets.nix": "{ rules }\n",
  },
};
/** The transient files synth keeps while it runs: never part of either tree. */
const transient = (p: string) => p === ".nixjs.lock" || p.startsWith(".nixjs.lock.stale-") || p === ".nixjs-staging";

/** A project whose server/ is the old tree (written by synth), plus a hand-written file. */
async function oldProject(): Promise<string> {
  const dir = scratch();
  expect((await runCli([], { cwd: dir, config: oldConfig })).code).toBe(0);
  mkdirSync(join(dir, "server/containers/gone/local"), { recursive: true });
  writeFileSync(join(dir, "server/hardware-configuration.nix"), "{ hand-written }\n");
  writeFileSync(join(dir, "fixture.json"), JSON.stringify(newConfig));
  return dir;
}

async function treeAfterFullRun(config: FakeConfig, base: string): Promise<Map<string, string>> {
  if (config === oldConfig) return readTree(join(base, "server"), transient);
  const dir = await oldProject();
  expect((await runCli([], { cwd: dir, config })).code).toBe(0);
  return readTree(join(dir, "server"), transient);
}

function assertEachFileOldOrNew(tree: Map<string, string>, oldTree: Map<string, string>, newTree: Map<string, string>, label: string): void {
  for (const path of new Set([...tree.keys(), ...oldTree.keys(), ...newTree.keys()])) {
    const now = tree.get(path);
    expect([oldTree.get(path), newTree.get(path)], `${label}: ${path} is ${JSON.stringify(now)}`).toContain(now);
  }
}

describe("a synth killed at any point", () => {
  it("leaves every file old or new, and after recovery the whole tree old or new", { timeout: 600_000 }, async () => {
    const reference = await oldProject();
    const oldTree = readTree(join(reference, "server"), transient);
    const newTree = await treeAfterFullRun(newConfig, reference);
    expect(newTree).not.toEqual(oldTree);
    const outcomes: string[] = [];
    for (let pauseAt = 1; pauseAt < 500; pauseAt++) {
      const dir = await oldProject();
      const { killed, operation } = await runAndKillAt(FIXTURE_CLI, [], {
        cwd: dir, pauseAt, env: { NIXJS_TEST_FIXTURE: join(dir, "fixture.json") },
      });
      if (!killed) {
        expect(readTree(join(dir, "server"), transient)).toEqual(newTree);
        break;
      }
      const label = `killed before disk change ${pauseAt} (${operation.replaceAll(dir, "")})`;
      assertEachFileOldOrNew(readTree(join(dir, "server"), transient), oldTree, newTree, label);

      // The next synth recovers first (here a --check, which writes no generated file itself).
      const check = await runCli(["--check"], { cwd: dir, config: newConfig });
      const recovered = readTree(join(dir, "server"), transient);
      const which = recovered.size === newTree.size && [...newTree].every(([p, t]) => recovered.get(p) === t) ? "new" : "old";
      expect(recovered, label).toEqual(which === "new" ? newTree : oldTree);
      expect(check.code, label).toBe(which === "new" ? 0 : 1);
      expect(readdirSync(join(dir, "server")).filter(transient), label).toEqual([]);
      outcomes.push(which);

      expect((await runCli([], { cwd: dir, config: newConfig })).code, label).toBe(0);
      expect(readTree(join(dir, "server"), transient), label).toEqual(newTree);
    }
    // The sweep crossed the commit point: some kills left the old tree, later ones the new.
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.indexOf("new")).toBeGreaterThan(0);
    expect(outcomes.slice(outcomes.indexOf("new")).every((o) => o === "new")).toBe(true);
    expect(outcomes.slice(0, outcomes.indexOf("new")).every((o) => o === "old")).toBe(true);
  });

  it("and a recovery killed at any point is finished by the next one", { timeout: 600_000 }, async () => {
    const firstCommitted = await commitPoint();
    const reference = await oldProject();
    const oldTree = readTree(join(reference, "server"), transient);
    const newTree = await treeAfterFullRun(newConfig, reference);
    let kills = 0;
    for (let pauseAt = 1; pauseAt < 500; pauseAt++) {
      const dir = await oldProject();
      const env = { NIXJS_TEST_FIXTURE: join(dir, "fixture.json") };
      // Killed just after its commit point: the journal is there, nothing applied yet.
      expect((await runAndKillAt(FIXTURE_CLI, [], { cwd: dir, pauseAt: firstCommitted, env })).killed).toBe(true);
      const recovery = await runAndKillAt(FIXTURE_CLI, ["--check"], { cwd: dir, pauseAt, env });
      if (!recovery.killed) {
        expect(recovery.run.code).toBe(0);
        break;
      }
      kills++;
      const label = `recovery killed before disk change ${pauseAt} (${recovery.operation.replaceAll(dir, "")})`;
      assertEachFileOldOrNew(readTree(join(dir, "server"), transient), oldTree, newTree, label);
      expect((await runCli(["--check"], { cwd: dir, config: newConfig })).code, label).toBe(0);
      expect(readTree(join(dir, "server"), transient), label).toEqual(newTree);
    }
    expect(kills).toBeGreaterThan(5);
  });
});

/**
 * The first disk change after the commit point (the rename that creates the journal), from a
 * traced run; checked: a kill there leaves a complete journal and nothing applied yet.
 */
async function commitPoint(): Promise<number> {
  const dir = await oldProject();
  const env = { NIXJS_TEST_FIXTURE: join(dir, "fixture.json") };
  const traced = runScript(FIXTURE_CLI, [], { cwd: dir, env: { ...env, NIXJS_INTERNAL_TRACE_OPS: "1" } });
  expect(traced.code).toBe(0);
  const ops = [...traced.stderr.matchAll(/^nixjs-op (\d+) (.*)$/gm)];
  const commit = ops.find((m) => / -> .*\/journal\.json @/.test(m[2]!));
  if (commit === undefined) throw new Error(`no journal rename among ${ops.length} disk changes`);
  const point = Number(commit[1]) + 1;
  const probe = await oldProject();
  expect((await runAndKillAt(FIXTURE_CLI, [], { cwd: probe, pauseAt: point, env: { NIXJS_TEST_FIXTURE: join(probe, "fixture.json") } })).killed).toBe(true);
  expect(existsSync(join(probe, "server", STAGING_DIR, JOURNAL_FILE))).toBe(true);
  return point;
}
