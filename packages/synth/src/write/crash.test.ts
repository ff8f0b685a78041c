/**
 * The crash test: a real synth (the production command, with a stand-in config stage) runs in
 * a child process and is SIGKILLed before each of its disk changes in turn — every point, not
 * a sample. After every kill each file must be entirely old or entirely new (never torn, never
 * a staging name in the tree); a `--check` then changes nothing (not even the lock) and reports
 * a committed synth as pending; and after the recovery that the next writing synth runs first,
 * the whole tree must be the old tree or the new tree, exactly.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRoot } from "../contain/root.ts";
import { JOURNAL_FILE, STAGING_DIR } from "../paths.ts";
import { genFiles, readTree, runCli, tempDir, type FakeConfig } from "../../test-support/fixtures.ts";
import { bundled } from "../../test-support/bundled.ts";
import { FIXTURE_CLI, runAndKillAt, runScript } from "../../test-support/spawn.ts";
import { recover } from "./journal.ts";
import { acquireLock, releaseLock } from "./lock.ts";

/** The command with its stand-in config stage, bundled: a few hundred starts, ≈ 0.15 s each. */
let cli = FIXTURE_CLI;
beforeAll(async () => {
  cli = await bundled(FIXTURE_CLI);
});

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function scratch(): string {
  const t = tempDir("nixjs-crash-");
  temps.push(t.cleanup);
  return t.dir;
}

const oldConfig: FakeConfig = {
  files: genFiles({
    "flake.nix": "{ old flake }\n",
    "host.nix": "{ old host }\n",
    "containers/immich.nix": "{ immich }\n",
    "containers/gone/index.nix": "{ gone }\n",
    "containers/gone/options.nix": "{ gone options }\n",
    "secrets/secrets.nix": "{ rules }\n",
  }),
};
/** More than `syncFiles`' threshold of staged files, so the one-`syncfs` path is swept too. */
const extra = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`containers/extra/e${i}.nix`, `{ extra ${i} }\n`]));
const newConfig: FakeConfig = {
  files: genFiles({
    ...extra,
    "flake.nix": "{ new flake, a longer text than before so that a torn write would show }\n",
    "host.nix": "{ old host }\n",
    "containers/immich.nix": "{ immich v2 }\n",
    "containers/caddy/routes/n8n.nix": "{ new route }\n",
    "containers/vaultwarden.nix": "{ vaultwarden }\n",
    "secrets/secrets.nix": "{ rules }\n",
  }),
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
      const { killed, operation } = await runAndKillAt(cli, [], {
        cwd: dir, pauseAt, env: { NIXJS_TEST_FIXTURE: join(dir, "fixture.json") },
      });
      if (!killed) {
        expect(readTree(join(dir, "server"), transient)).toEqual(newTree);
        break;
      }
      const label = `killed before disk change ${pauseAt} (${operation.replaceAll(dir, "")})`;
      assertEachFileOldOrNew(readTree(join(dir, "server"), transient), oldTree, newTree, label);

      // --check only reads: it neither recovers nor takes the lock, and says what is pending.
      const server = join(dir, "server");
      const leftAsKilled = readTree(server);
      const pending = existsSync(join(server, STAGING_DIR, JOURNAL_FILE));
      const staged = existsSync(join(server, STAGING_DIR));
      const check = await runCli(["--check"], { cwd: dir, config: newConfig });
      expect(readTree(server), label).toEqual(leftAsKilled);
      if (pending) {
        expect(check.code, label).toBe(1);
        expect(check.stderr, label).toMatch(/^note: an interrupted synth is pending in server\/: .*; run synth to complete it \(--check changed nothing\)$/m);
      }

      // The recovery the next writing synth runs first (the same code, in this process).
      const root = openRoot(server, "server");
      const lock = await acquireLock(root);
      if (lock.kind !== "acquired") throw new Error(`${label}: the lock is held`);
      const recovery = await recover(root);
      await releaseLock(root, lock.lock);
      const recovered = readTree(server, transient);
      const which = recovered.size === newTree.size && [...newTree].every(([p, t]) => recovered.get(p) === t) ? "new" : "old";
      expect(recovered, label).toEqual(which === "new" ? newTree : oldTree);
      expect(recovery.kind, label).toBe(pending ? "rolled-forward" : staged ? "discarded" : "clean");
      expect(readdirSync(server).filter(transient), label).toEqual([]);
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
      expect((await runAndKillAt(cli, [], { cwd: dir, pauseAt: firstCommitted, env })).killed).toBe(true);
      // The next synth recovers first; with the same config it has nothing else to write.
      const recovery = await runAndKillAt(cli, [], { cwd: dir, pauseAt, env });
      if (!recovery.killed) {
        expect(recovery.run.code).toBe(0);
        expect(recovery.run.stderr).toContain("note: finished an interrupted synth in server/");
        expect(readTree(join(dir, "server"), transient)).toEqual(newTree);
        break;
      }
      kills++;
      const label = `recovery killed before disk change ${pauseAt} (${recovery.operation.replaceAll(dir, "")})`;
      assertEachFileOldOrNew(readTree(join(dir, "server"), transient), oldTree, newTree, label);
      expect((await runCli([], { cwd: dir, config: newConfig })).code, label).toBe(0);
      expect(readTree(join(dir, "server"), transient), label).toEqual(newTree);
      expect((await runCli(["--check"], { cwd: dir, config: newConfig })).code, label).toBe(0);
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
  const traced = runScript(cli, [], { cwd: dir, env: { ...env, NIXJS_INTERNAL_TRACE_OPS: "1" } });
  expect(traced.code).toBe(0);
  const ops = [...traced.stderr.matchAll(/^nixjs-op (\d+) (.*)$/gm)];
  const commit = ops.find((m) => / -> .*\/journal\.json @/.test(m[2]!));
  if (commit === undefined) throw new Error(`no journal rename among ${ops.length} disk changes`);
  const point = Number(commit[1]) + 1;
  const probe = await oldProject();
  expect((await runAndKillAt(cli, [], { cwd: probe, pauseAt: point, env: { NIXJS_TEST_FIXTURE: join(probe, "fixture.json") } })).killed).toBe(true);
  expect(existsSync(join(probe, "server", STAGING_DIR, JOURNAL_FILE))).toBe(true);
  return point;
}
