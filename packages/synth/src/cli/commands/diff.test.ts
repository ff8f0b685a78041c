/**
 * `nixjs diff`, in process with stand-in configs (the pipeline after the config stage is the
 * real one); the real bin's `diff` runs in test/packaging/.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gen, genFiles, readTree, runCli, tempDirsPerTest, TEST_HEADER, type FakeConfig } from "../../../test-support/fixtures.ts";

const cwd = tempDirsPerTest();
const ESC = "\u001b[";
const v1: FakeConfig = { files: genFiles({ "flake.nix": "{ flake = 1; }\n", "host.nix": "{ host = 1; }\n" }) };
const v2: FakeConfig = { files: genFiles({ "flake.nix": "{ flake = 1; }\n", "containers/a.nix": "{ a = 1; }\n" }) };
/** The header line every generated file starts with, as a diff line with its `prefix`. */
const header = (prefix: string): string => `${prefix}${TEST_HEADER.trimEnd()}`;

describe("nixjs diff", () => {
  it("before any synth: every file as created, exit 0, nothing written", async () => {
    const dir = cwd();
    const r = await runCli(["diff"], { cwd: dir, config: v1 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "--- /dev/null", "+++ b/server/flake.nix", "@@ -0,0 +1,2 @@", header("+"), "+{ flake = 1; }",
        "--- /dev/null", "+++ b/server/host.nix", "@@ -0,0 +1,2 @@", header("+"), "+{ host = 1; }", "",
      ].join("\n"),
    );
    expect(r.stderr).toMatch(/^diff: 2 files differ in server\/ \(2 to write, 0 to remove\) \(\d+\.\d\d s\)\n$/);
    expect(existsSync(join(dir, "server"))).toBe(false);
  });

  it("after a synth: nothing to show (exit 0); after a change: the change, removals included (still exit 0)", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: v1 });
    const before = readTree(join(dir, "server"));
    const same = await runCli(["diff"], { cwd: dir, config: v1 });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe("");
    expect(same.stderr).toMatch(/^diff: server\/ is up to date \(2 files\) \(\d+\.\d\d s\)\n$/);

    const changed = await runCli(["diff"], { cwd: dir, config: v2 });
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe(
      [
        "--- /dev/null", "+++ b/server/containers/a.nix", "@@ -0,0 +1,2 @@", header("+"), "+{ a = 1; }",
        "--- a/server/host.nix", "+++ /dev/null", "@@ -1,2 +0,0 @@", header("-"), "-{ host = 1; }", "",
      ].join("\n"),
    );
    expect(changed.stderr).toMatch(/^diff: 2 files differ in server\/ \(1 to write, 1 to remove\)/);
    // diff never writes; `check` (the CI gate) exits 1 on the same difference.
    expect(readTree(join(dir, "server"))).toEqual(before);
    expect((await runCli(["check"], { cwd: dir, config: v2 })).code).toBe(1);
  });

  it("a file edited by hand: its diff, and a note that synth refuses to overwrite it", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: v1 });
    writeFileSync(join(dir, "server/host.nix"), gen("{ host = 1; } # mine\n"));
    const r = await runCli(["diff"], { cwd: dir, config: v1 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(["--- a/server/host.nix", "+++ b/server/host.nix", "@@ -1,2 +1,2 @@", header(" "), "-{ host = 1; } # mine", "+{ host = 1; }"].join("\n"));
    expect(r.stderr).toContain("note: server/host.nix was edited by hand; synth refuses to touch it unless given --force\n");
    expect((await runCli(["diff", "-q"], { cwd: dir, config: v1 })).stderr).not.toContain("note:");
  });

  it("colours the diff only on a terminal, and never with NO_COLOR", async () => {
    expect((await runCli(["diff"], { cwd: cwd(), config: v1 })).stdout).not.toContain(ESC);
    const tty = await runCli(["diff"], { cwd: cwd(), config: v1, tty: true });
    expect(tty.stdout).toContain(`${ESC}32m+{ flake = 1; }${ESC}39m`);
    expect(tty.stdout).toContain(`${ESC}1m+++ b/server/flake.nix${ESC}22m`);
    const noColor = await runCli(["diff"], { cwd: cwd(), config: v1, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout + noColor.stderr).not.toContain(ESC);
  });

  it("validation errors: printed, exit 1, no diff", async () => {
    const bad: FakeConfig = {
      files: {},
      diagnostics: [{ severity: "error", code: "pool-exhausted", subject: { kind: "homelab" }, path: [], message: "bad", site: "homelab.config.ts:1:1" }],
    };
    const r = await runCli(["diff", "--out", "out"], { cwd: cwd(), config: bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[pool-exhausted] bad");
    expect(r.stderr).toContain("synth stopped: 1 error, 0 warnings in homelab.config.ts; nothing was written");
  });

  it("--strict makes warnings errors (exit 1)", async () => {
    const warned: FakeConfig = {
      ...v1,
      diagnostics: [{ severity: "warning", code: "route-no-auth", subject: { kind: "container", name: "a" }, path: [], message: "no auth", site: "homelab.config.ts:5:3" }],
    };
    expect((await runCli(["diff"], { cwd: cwd(), config: warned })).code).toBe(0);
    expect((await runCli(["diff", "--strict"], { cwd: cwd(), config: warned })).code).toBe(1);
  });
});
