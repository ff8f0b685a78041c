/**
 * Containment with the real command in a child process: an output directory on a kernel
 * pseudo-file system; a symbolic link swapped in while synth runs (paused at a disk change by
 * `NIXJS_INTERNAL_PAUSE_AT`, before and after its commit point); a directory that refuses
 * writes after the commit point; `--check` and `--dry-run` while an interrupted synth is
 * pending. Every time: the exit code, the message, and nothing changed outside.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fingerprint, lockDirectory } from "../../test-support/fingerprint.ts";
import { gen, genFiles, readTree, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";
import { bundled } from "../../test-support/bundled.ts";
import { FIXTURE_CLI, runAndKillAt, runPausedAt, traceOps } from "../../test-support/spawn.ts";

/** The command with its stand-in config stage, bundled (started by plain node, see bundled.ts). */
let cli = FIXTURE_CLI;
beforeAll(async () => {
  cli = await bundled(FIXTURE_CLI);
});
const scratch = tempDirsPerTest("nixjs-contain-spawn-");
const oldConfig: FakeConfig = { files: genFiles({ "flake.nix": "{ v1 }\n", "containers/a.nix": "{ a }\n", "containers/b.nix": "{ b }\n" }) };
const newConfig: FakeConfig = { files: genFiles({ "flake.nix": "{ v2 }\n", "containers/a.nix": "{ a v2 }\n", "containers/c.nix": "{ c }\n" }) };
const transient = (p: string) => p.startsWith(".nixjs.lock") || p.startsWith(".nixjs-staging");
/** A child's stderr without the test machinery's pause announcement. */
const errors = (stderr: string) => stderr.replace(/^nixjs-paused .*\n/m, "");

/** A project whose `server/` holds `oldConfig`'s tree, set to synthesise `newConfig`, beside `outside/`. */
async function project(): Promise<{ dir: string; server: string; outside: string; env: Record<string, string> }> {
  const dir = realpathSync(scratch());
  expect((await runCli([], { cwd: dir, config: oldConfig })).code).toBe(0);
  writeFileSync(join(dir, "fixture.json"), JSON.stringify(newConfig));
  const outside = join(dir, "outside");
  mkdirSync(outside);
  writeFileSync(join(outside, "a.nix"), gen("{ someone else's }\n"));
  writeFileSync(join(outside, "precious.txt"), "precious\n");
  return { dir, server: join(dir, "server"), outside, env: { NIXJS_TEST_FIXTURE: join(dir, "fixture.json") } };
}

/** The number of the first disk change matching `pattern` in a full run on a fresh copy of the project. */
async function opNumber(pattern: RegExp): Promise<number> {
  const { dir, env } = await project();
  const ops = traceOps(cli, [], { cwd: dir, env });
  const found = ops.find((o) => pattern.test(o.op));
  if (found === undefined) throw new Error(`no disk change matches ${pattern} among:\n${ops.map((o) => `${o.n} ${o.op}`).join("\n")}`);
  return found.n;
}

/** `server/containers` becomes a link to `outside` (the real directory moved aside). */
function swapForLink(server: string, outside: string): void {
  renameSync(join(server, "containers"), join(server, "containers.moved"));
  symlinkSync(outside, join(server, "containers"));
}
function swapBack(server: string): void {
  rmSync(join(server, "containers"));
  renameSync(join(server, "containers.moved"), join(server, "containers"));
}

describe("an output directory synth cannot use is refused at once", () => {
  it("under /proc (where Node's recursive mkdir never returns), and below a file: exit 2, nothing created", () => {
    const dir = scratch();
    writeFileSync(join(dir, "fixture.json"), JSON.stringify(newConfig));
    writeFileSync(join(dir, "a-file"), "");
    const env = { NIXJS_TEST_FIXTURE: join(dir, "fixture.json"), PATH: process.env["PATH"] ?? "/usr/bin:/bin", NO_COLOR: "1" };
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
    for (const mode of [[], ["--check"], ["--dry-run"]]) {
      const proc = run([...mode, "--out", "/proc/nixjs-test/server"]);
      expect(proc.signal, "killed by the time-out: it hung").toBeNull();
      expect(proc.status).toBe(2);
      expect(proc.stderr).toMatch(/^error: (\.\.\/)*proc\/nixjs-test\/server is on a proc file system \(\/proc\), a view of the kernel that holds no files of yours; choose an output directory on a real file system\n$/);
    }
    expect(run(["--out", "/sys/nixjs-test"]).stderr).toContain("is on a sysfs file system");
    const below = run(["--out", "a-file/server"]);
    expect(below.status).toBe(2);
    expect(below.stderr).toBe("error: cannot create the output directory a-file/server: a directory on its way is a file; move that file away, then run synth again (ENOTDIR)\n");
  });
});

describe("a symbolic link swapped in while synth runs", () => {
  it("before the commit point: refused, nothing written in the tree or outside", async () => {
    const pauseAt = await opNumber(/^create \.nixjs-staging\/f0$/);
    const { dir, server, outside, env } = await project();
    const before = readTree(server);
    const outsideBefore = fingerprint(outside);
    const { paused, run } = await runPausedAt(cli, [], { cwd: dir, env, pauseAt, resumeFile: join(dir, "resume") }, () => swapForLink(server, outside));
    expect(paused).toBe(true);
    expect(run.code).toBe(2);
    expect(errors(run.stderr)).toBe(
      [
        "error: the output directory changed while synth ran, so nothing was written:",
        `  server/containers/a.nix cannot be written: server/containers is a symbolic link (to ${outside})`,
        `  server/containers/c.nix cannot be written: server/containers is a symbolic link (to ${outside})`,
        `  server/containers/b.nix cannot be deleted: server/containers is a symbolic link (to ${outside})`,
        "Resolve that, then run synth again.",
        "",
      ].join("\n"),
    );
    expect(fingerprint(outside)).toEqual(outsideBefore);
    swapBack(server);
    expect(readTree(server)).toEqual(before);
    expect((await runCli([], { cwd: dir, config: newConfig })).code).toBe(0);
    expect(readTree(server, transient)).toEqual(readTree(server));
  });

  it("after the commit point: stops at the link, says what is done and what is not; the next synth finishes", async () => {
    const pauseAt = await opNumber(/^rename \.nixjs-staging\/f\d+ -> containers\/a\.nix$/);
    const { dir, server, outside, env } = await project();
    const outsideBefore = fingerprint(outside);
    const { paused, run } = await runPausedAt(cli, [], { cwd: dir, env, pauseAt, resumeFile: join(dir, "resume") }, () => swapForLink(server, outside));
    expect(paused).toBe(true);
    expect(run.code).toBe(2);
    expect(errors(run.stderr)).toBe(
      [
        `error: synth committed its changes to server/ but could not finish applying them: server/containers is a symbolic link (to ${outside}); nixjs never reads, writes or deletes through a symbolic link inside its output directory, even with --force. Replace it with a real directory or file, or move it out of server/, then run synth again`,
        "server/ is now part old, part new:",
        "  done (1): server/containers/b.nix",
        "  not done (4): server/containers/a.nix, server/containers/c.nix, server/flake.nix, server/.nixjs-manifest.json",
        "To finish: fix the cause above, then run synth again; it completes this synth first (the new files wait in server/.nixjs-staging/: do not delete it).",
        "",
      ].join("\n"),
    );
    expect(fingerprint(outside)).toEqual(outsideBefore);
    // While the link is there, the next synth refuses too, and --check only reports.
    const again = await runCli([], { cwd: dir, config: newConfig });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("server/containers/a.nix cannot be written: server/containers is a symbolic link");
    swapBack(server);
    const check = await runCli(["--check"], { cwd: dir, config: newConfig });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("note: an interrupted synth is pending in server/: 4 files to finish; run synth to complete it (--check changed nothing)\n");
    const finish = await runCli([], { cwd: dir, config: newConfig });
    expect(finish.code).toBe(0);
    expect(finish.stderr).toContain("note: finished an interrupted synth in server/");
    const tree = readTree(server, (p) => p === ".nixjs-manifest.json");
    expect(tree).toEqual(new Map(Object.entries(newConfig.files).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(readFileSync(join(server, ".nixjs-manifest.json"), "utf8")).toContain('"containers/c.nix"');
    expect(fingerprint(outside)).toEqual(outsideBefore);
  });
});

describe("a failure after the commit point", () => {
  it("a directory that refuses writes: the message names the file, the cause, the files done and not done", async () => {
    const pauseAt = await opNumber(/^rename \.nixjs-staging\/f\d+ -> containers\/a\.nix$/);
    const { dir, server, env } = await project();
    let locked: ReturnType<typeof lockDirectory> | undefined;
    try {
      const { run } = await runPausedAt(cli, [], { cwd: dir, env, pauseAt, resumeFile: join(dir, "resume") }, () => {
        locked = lockDirectory(join(server, "containers"));
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`error: synth committed its changes to server/ but could not finish applying them: cannot move a file into server/containers/a.nix: ${locked!.advice}`);
      expect(run.stderr).toContain(
        "server/ is now part old, part new:\n  done (1): server/containers/b.nix\n  not done (4): server/containers/a.nix, server/containers/c.nix, server/flake.nix, server/.nixjs-manifest.json\n",
      );
    } finally {
      locked?.undo();
    }
    expect((await runCli([], { cwd: dir, config: newConfig })).code).toBe(0);
    expect(readTree(server).get("containers/a.nix")).toBe(newConfig.files["containers/a.nix"]);
  });
});

describe("a failure before the commit point", () => {
  it("says that nothing changed; the next synth, the cause fixed, writes the tree", async () => {
    const pauseAt = await opNumber(/^mkdir \.nixjs-staging$/);
    const { dir, server, env } = await project();
    const before = readTree(server);
    let locked: ReturnType<typeof lockDirectory> | undefined;
    try {
      const { run } = await runPausedAt(cli, [], { cwd: dir, env, pauseAt, resumeFile: join(dir, "resume") }, () => {
        locked = lockDirectory(server);
      });
      expect(run.code).toBe(2);
      expect(errors(run.stderr)).toBe(
        `error: cannot create the directory server/.nixjs-staging: ${locked!.advice}${locked!.code === "EPERM" ? " (permissions, or an immutable or append-only attribute: see lsattr); fix that, then run synth again" : "; make it and the directory that holds it writable by you, then run synth again"} (${locked!.code})\n` +
          "Nothing was changed in server/: the old tree stands (the next synth discards the files staged in server/.nixjs-staging/).\n",
      );
    } finally {
      locked?.undo();
    }
    expect(readTree(server, transient)).toEqual(before);
    expect((await runCli([], { cwd: dir, config: newConfig })).code).toBe(0);
  });
});

describe("--check and --dry-run while an interrupted synth is pending", () => {
  it("read only (no lock, no recovery) and report it; the next synth completes it", async () => {
    const commit = (await opNumber(/-> \.nixjs-staging\/journal\.json$/)) + 1;
    const { dir, server, env } = await project();
    expect((await runAndKillAt(cli, [], { cwd: dir, env, pauseAt: commit })).killed).toBe(true);
    const left = fingerprint(server);
    const check = await runAndKillAt(cli, ["--check"], { cwd: dir, env, pauseAt: 1 });
    expect(check.killed, "--check made a disk change").toBe(false);
    expect(check.run.code).toBe(1);
    expect(check.run.stderr).toContain("note: an interrupted synth is pending in server/: 5 files to finish; run synth to complete it (--check changed nothing)\n");
    const dry = await runAndKillAt(cli, ["--dry-run", "--json"], { cwd: dir, env, pauseAt: 1 });
    expect(dry.killed).toBe(false);
    expect(JSON.parse(dry.run.stdout)).toMatchObject({ status: "ok", pending: { kind: "committed", files: 5 }, recovery: null });
    expect(fingerprint(server)).toEqual(left);
    expect((await runCli([], { cwd: dir, config: newConfig })).code).toBe(0);
    expect((await runCli(["--check"], { cwd: dir, config: newConfig })).code).toBe(0);
  });
});
