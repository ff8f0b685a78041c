import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openRoot } from "../contain/root.ts";
import { acquireLock, releaseLock } from "../write/lock.ts";
import { synth } from "../synth.ts";
import { fakeSynthesize, gen, genFiles, readTree, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";
import { HELP, helpText, SYNTH_HELP } from "./help.ts";

const cwd = tempDirsPerTest();
const config: FakeConfig = {
  files: genFiles({ "flake.nix": "{ }\n", "containers/a.nix": "{ a }\n" }),
  diagnostics: [{ severity: "warning", code: "route-no-auth", subject: { kind: "container", name: "a" }, path: ["containers", "a", "routes", 0], message: "no auth", site: "homelab.config.ts:5:3" }],
};
const ESC = "\u001b[";

describe("the command's output", () => {
  it("--help lists every command; <command> --help documents its options and exit codes; --version prints the version", async () => {
    const help = await runCli(["--help"], { cwd: cwd() });
    expect(help).toEqual({ code: 0, stdout: HELP, stderr: "" });
    for (const command of ["init [dir]", "synth", "check", "diff", "watch"]) expect(HELP).toMatch(new RegExp(`^  ${command.replace("[", "\\[").replace("]", "\\]")} `, "m"));
    expect(HELP).toMatch(/Exit codes:\n  0 .*\n  1 .*\n  2 /);
    const synthHelp = await runCli(["synth", "--help"], { cwd: cwd() });
    expect(synthHelp).toEqual({ code: 0, stdout: SYNTH_HELP, stderr: "" });
    for (const option of ["--config <file>", "--out <dir>", "--check", "--dry-run", "--json", "--force", "--strict", "--quiet", "--help", "--version"]) {
      expect(SYNTH_HELP).toContain(option);
    }
    expect(SYNTH_HELP).toMatch(/Exit codes:\n  0 .*\n  1 .*\n  2 /);
    for (const command of ["init", "check", "diff", "watch"] as const) {
      const r = await runCli([command, "--help"], { cwd: cwd() });
      expect(r).toEqual({ code: 0, stdout: helpText(command), stderr: "" });
      expect(r.stdout).toMatch(new RegExp(`^Usage: nixjs ${command} `));
      expect(r.stdout).toMatch(/Exit codes:\n  0 /);
      expect((await runCli(["help", command], { cwd: cwd() })).stdout).toBe(r.stdout);
    }
    expect((await runCli(["--version"], { cwd: cwd() })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("a usage error exits 2 and writes nothing", async () => {
    const dir = cwd();
    const r = await runCli(["--nope"], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: Unknown option '--nope'");
    expect(r.stderr).toContain("--help");
    expect(existsSync(join(dir, "server"))).toBe(false);
    const json = await runCli(["--json", "--nope"], { cwd: dir, config });
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "usage-error", exitCode: 2, error: { kind: "usage" } });
  });

  it("--dry-run shows the plan and writes nothing", async () => {
    const dir = cwd();
    const r = await runCli(["--dry-run"], { cwd: dir, config });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  would create server/containers/a.nix\n  would create server/flake.nix\n");
    expect(r.stdout).toMatch(/^dry run: 2 to write, 0 unchanged, 0 to remove in server\/; nothing written/m);
    expect(existsSync(join(dir, "server"))).toBe(false);
  });

  it("--json prints one document with the diagnostics and the file plan, and nothing else", async () => {
    const dir = cwd();
    const r = await runCli(["--json"], { cwd: dir, config, tty: true });
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain(ESC);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      version: 1, status: "ok", exitCode: 0, mode: "write", config: "homelab.config.ts", out: "server",
      diagnostics: config.diagnostics,
      files: [{ path: "containers/a.nix", action: "create" }, { path: "flake.nix", action: "create" }],
      manifest: { path: ".nixjs-manifest.json", changed: true },
      refusals: [],
      summary: { written: 2, unchanged: 0, removed: 0 },
    });
    expect(doc.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const check = JSON.parse((await runCli(["--json", "--check"], { cwd: dir, config: { files: genFiles({ "flake.nix": "{ }\n" }) } })).stdout);
    expect(check).toMatchObject({ status: "drift", exitCode: 1, files: [{ path: "containers/a.nix", action: "delete" }, { path: "flake.nix", action: "unchanged" }] });
  });

  it("colours only on a terminal, and never with NO_COLOR", async () => {
    const plain = await runCli(["--dry-run"], { cwd: cwd(), config });
    expect(plain.stdout + plain.stderr).not.toContain(ESC);
    const tty = await runCli(["--dry-run"], { cwd: cwd(), config, tty: true });
    expect(tty.stdout).toContain(`${ESC}32mwould create${ESC}39m`);
    expect(tty.stderr).toContain(`${ESC}33mwarning[route-no-auth]${ESC}39m`);
    const noColor = await runCli(["--dry-run"], { cwd: cwd(), config, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout + noColor.stderr).not.toContain(ESC);
  });

  it("--quiet prints nothing on success, only errors otherwise", async () => {
    const dir = cwd();
    expect(await runCli(["--quiet"], { cwd: dir, config })).toEqual({ code: 0, stdout: "", stderr: "" });
    const bad = await runCli(["-q"], { cwd: dir, config: { files: {}, diagnostics: [{ severity: "error", code: "pool-exhausted", subject: { kind: "homelab" }, path: [], message: "bad", site: "homelab.config.ts:1:1" }, ...config.diagnostics!] } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("error[pool-exhausted] bad");
    expect(bad.stderr).not.toContain("no auth");
  });

  it("a second synth while one holds the lock exits 2, naming the holder, and writes nothing", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config });
    const before = readTree(join(dir, "server"));
    const root = openRoot(join(dir, "server"), "server");
    const attempt = await acquireLock(root);
    if (attempt.kind !== "acquired") throw new Error("no lock");
    try {
      const r = await runCli([], { cwd: dir, config: { files: genFiles({ "flake.nix": "{ other }\n" }) } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: server/.nixjs.lock is held by another synth (pid ${process.pid} on `);
      expect(readTree(join(dir, "server"), (p) => p === ".nixjs.lock")).toEqual(before);
      expect((await runCli(["--check"], { cwd: dir, config })).code).toBe(2);
    } finally {
      await releaseLock(root, attempt.lock);
    }
    expect((await runCli([], { cwd: dir, config })).code).toBe(0);
  });

  it("diagnostics are reported before anything is written", async () => {
    const dir = cwd();
    const seen: boolean[] = [];
    const result = await synth({
      cwd: dir,
      synthesize: fakeSynthesize(config),
      onDiagnostics: (diagnostics) => seen.push(diagnostics.length === 1 && !existsSync(join(dir, "server"))),
    });
    expect(result.status).toBe("ok");
    expect(seen).toEqual([true]);
    expect(existsSync(join(dir, "server/flake.nix"))).toBe(true);
  });

  it("the lock is gone after every kind of run", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config });
    await runCli(["--check"], { cwd: dir, config });
    await runCli([], { cwd: dir, config: { files: { "flake.nix": gen("x") }, diagnostics: [] } }).catch(() => undefined);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(false);
    expect(existsSync(join(dir, "server/.nixjs-staging"))).toBe(false);
    expect(readFileSync(join(dir, "server/flake.nix"), "utf8")).toBe(gen("x"));
  });
});
