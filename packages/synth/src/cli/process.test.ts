/**
 * The real command in child processes: `synth.ts` under tsx (as `npx tsx synth` runs it),
 * loading real config files, and two synths racing for one output directory.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { genFiles, readTree, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";
import { spawn } from "node:child_process";
import { FIXTURE_CLI, FROM_SOURCES, ROOT_SYNTH, runAndKillAt, runScript } from "../../test-support/spawn.ts";

const cwd = tempDirsPerTest();
/** No raw stack: no "    at fn (file:line)" frames. */
const STACK_FRAME = /^ {4}at (.+ \()?(file:\/\/|\/|node:)/m;

describe("loading the config", () => {
  it("a config file that does not exist is an error (exit 2)", () => {
    const dir = cwd();
    const r = runScript(ROOT_SYNTH, [], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: config file not found: homelab.config.ts (pass another with --config <file>, or start a new one with `nixjs init`)\n");
  });

  it("a config that throws is reported with its line, without a raw stack (exit 2)", () => {
    const dir = cwd();
    writeFileSync(join(dir, "homelab.config.ts"), 'const port: number = 1;\nif (port) throw new Error("no such host");\nexport default {};\n');
    const r = runScript(ROOT_SYNTH, [], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: homelab.config.ts could not be loaded: Error: no such host\n  at homelab.config.ts:2:17\n");
    expect(existsSync(join(dir, "server"))).toBe(false);
  });

  it("a builder's input error (anything with diagnostics) is printed as validation errors (exit 1)", () => {
    const dir = cwd();
    writeFileSync(
      join(dir, "bad.config.ts"),
      [
        "class HomelabInputError extends Error {",
        '  override name = "HomelabInputError";',
        '  builder = \'container("immich")\';',
        '  diagnostics = [{ severity: "error", code: "invalid-value", subject: { kind: "call", builder: "container", label: \'container("immich")\', name: "immich" }, path: ["ports", 0], message: "expected a port 1–65535, got 70000", site: "bad.config.ts:9:1" }];',
        "}",
        "throw new HomelabInputError();",
      ].join("\n"),
    );
    const r = runScript(ROOT_SYNTH, ["--config", "bad.config.ts"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        "Errors (1)",
        "  container immich",
        '    error[invalid-value] container("immich").ports[0]: expected a port 1–65535, got 70000',
        "      at bad.config.ts:9:1",
        "synth stopped: 1 error, 0 warnings in bad.config.ts; nothing was written",
        "",
      ].join("\n"),
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("a config without a homelab default export, or that does not compile, is an error (exit 2)", () => {
    const dir = cwd();
    writeFileSync(join(dir, "a.ts"), "export default { kind: 'container' };\n");
    expect(runScript(ROOT_SYNTH, ["--config", "a.ts"], { cwd: dir }).stderr).toBe(
      'error: a.ts has a default export that is not a homelab (an object of kind "container"); it must `export default homelab({ … })`\n',
    );
    writeFileSync(join(dir, "b.ts"), "export const x = 1;\n");
    expect(runScript(ROOT_SYNTH, ["--config", "b.ts"], { cwd: dir }).stderr).toContain("b.ts has no default export");
    writeFileSync(join(dir, "c.ts"), "export default {{;\n");
    const broken = runScript(ROOT_SYNTH, ["--config", "c.ts"], { cwd: dir });
    expect(broken.code).toBe(2);
    // esbuild's message; the column counts from 1, as editors do.
    expect(broken.stderr).toBe('error: c.ts could not be compiled: Expected identifier but found "{"\n  at c.ts:1:17\n');
    expect(broken.stderr).not.toMatch(STACK_FRAME);
  });

  it("an unknown option is a usage error from the real command too (exit 2)", () => {
    const r = runScript(ROOT_SYNTH, ["--frobnicate"], { cwd: cwd() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--frobnicate'");
  });
});

describe("two synths at once", () => {
  const config: FakeConfig = { files: genFiles({ "flake.nix": "{ v1 }\n", "containers/a.nix": "{ a }\n" }) };
  const next: FakeConfig = { files: genFiles({ "flake.nix": "{ v2 }\n", "containers/b.nix": "{ b }\n" }) };

  it("a synth SIGKILLed while holding the lock leaves it stale; the next synth takes it over and says so", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config });
    const before = readTree(join(dir, "server"));
    writeFileSync(join(dir, "next.json"), JSON.stringify(next));
    const env = { NIXJS_TEST_FIXTURE: join(dir, "next.json") };
    // Killed before its third disk change: it holds the lock and has begun staging.
    const { killed, run } = await runAndKillAt(FIXTURE_CLI, [], { cwd: dir, env, pauseAt: 3 });
    expect(killed).toBe(true);
    const holderPid = Number(/^nixjs-paused 3 (\d+)/m.exec(run.stderr)?.[1]);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(true);
    expect(readTree(join(dir, "server"), (p) => p.startsWith(".nixjs.lock") || p.startsWith(".nixjs-staging"))).toEqual(before);

    const after = await runCli([], { cwd: dir, config: next });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(`note: took over the lock of a synth that is no longer running (pid ${holderPid} on `);
    expect(readTree(join(dir, "server")).get("flake.nix")).toBe(next.files["flake.nix"]);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(false);
  });

  it("cannot interleave: while one synth holds the lock, a second exits 2 naming its pid and writes nothing", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config });
    writeFileSync(join(dir, "next.json"), JSON.stringify(next));
    const env = { NIXJS_TEST_FIXTURE: join(dir, "next.json") };
    const child = spawn(process.execPath, [...FROM_SOURCES, FIXTURE_CLI], {
      cwd: dir,
      env: { PATH: process.env["PATH"], NO_COLOR: "1", ...env, NIXJS_INTERNAL_PAUSE_AT: "4" },
    });
    try {
      const pid = await new Promise<number>((resolve) => {
        let err = "";
        child.stderr.setEncoding("utf8").on("data", (t: string) => {
          err += t;
          const m = /^nixjs-paused 4 (\d+)/m.exec(err);
          if (m) resolve(Number(m[1]));
        });
      });
      const before = readTree(join(dir, "server"));
      const second = await runCli([], { cwd: dir, config: { files: genFiles({ "flake.nix": "{ third }\n" }) } });
      expect(second.code).toBe(2);
      expect(readTree(join(dir, "server"))).toEqual(before);
      expect(second.stderr).toMatch(new RegExp(`^error: server/\\.nixjs\\.lock is held by another synth \\(pid ${pid} on .+\\); wait for it to finish`, "m"));
      const json = JSON.parse((await runCli(["--json", "--check"], { cwd: dir, config })).stdout);
      expect(json).toMatchObject({ status: "locked", exitCode: 2, lock: { path: "server/.nixjs.lock", holder: { pid } } });
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.on("close", r));
    }
  });
});
