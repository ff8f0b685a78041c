import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gen, genFiles, readTree, runCli, tempDirsPerTest, TEST_HEADER, type FakeConfig } from "../../test-support/fixtures.ts";

const cwd = tempDirsPerTest();

const v1: FakeConfig = {
  files: genFiles({
    "flake.nix": "{ flake = 1; }\n",
    "host.nix": "{ host = 1; }\n",
    "containers/immich.nix": "{ immich = 1; }\n",
    "containers/authelia.nix": "{ authelia = 1; }\n",
  }),
};
const header = TEST_HEADER.trimEnd();
const generated = (tree: Map<string, string>) => [...tree.keys()].filter((p) => p !== ".nixjs-manifest.json");

describe("synth then --check", () => {
  it("writes the tree and a manifest; --check right after exits 0 and prints no diff", async () => {
    const dir = cwd();
    const first = await runCli([], { cwd: dir, config: v1 });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^synth: 4 written, 0 unchanged, 0 removed in server\/ \(\d+\.\d\d s\)$/m);
    const tree = readTree(join(dir, "server"));
    expect(generated(tree)).toEqual(["containers/authelia.nix", "containers/immich.nix", "flake.nix", "host.nix"]);
    for (const [path, text] of Object.entries(v1.files)) expect(tree.get(path)).toBe(text);
    expect(tree.get(".nixjs-manifest.json")).toContain('"containers/immich.nix"');

    const check = await runCli(["--check"], { cwd: dir, config: v1 });
    expect(check).toMatchObject({ code: 0, stderr: "" });
    expect(check.stdout).toMatch(/^check: server\/ is up to date \(4 files\)/);

    const again = await runCli([], { cwd: dir, config: v1 });
    expect(again.stdout).toMatch(/^synth: 0 written, 4 unchanged, 0 removed/m);
    expect(readTree(join(dir, "server"))).toEqual(tree);
  });

  it("--check exits 1 after a config change, listing exactly the changed files, with a unified diff", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: v1 });
    const v2 = { files: { ...v1.files, "host.nix": gen("{ host = 2; }\n"), "containers/vaultwarden.nix": gen("{ vw = 1; }\n") } };
    const check = await runCli(["--check"], { cwd: dir, config: v2 });
    expect(check.code).toBe(1);
    const listed = check.stdout.split("\n").filter((l) => l.startsWith("  differs "));
    expect(listed).toEqual([
      "  differs server/containers/vaultwarden.nix (missing)",
      "  differs server/host.nix (out of date)",
      "  differs server/.nixjs-manifest.json (manifest)",
    ]);
    expect(check.stdout).toContain(
      ["--- a/server/host.nix", "+++ b/server/host.nix", "@@ -1,2 +1,2 @@", ` ${header}`, "-{ host = 1; }", "+{ host = 2; }", ""].join("\n"),
    );
    expect(check.stdout).toContain(["--- /dev/null", "+++ b/server/containers/vaultwarden.nix", "@@ -0,0 +1,2 @@", `+${header}`, "+{ vw = 1; }", ""].join("\n"));
    expect(check.stderr).toMatch(/^check: server\/ differs .* \(2 to write, 0 to remove\)/m);
    // --check wrote nothing.
    expect(readTree(join(dir, "server")).get("host.nix")).toBe(gen("{ host = 1; }\n"));
  });

  it("--check shows removals, and files edited by hand, as drift", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: v1 });
    writeFileSync(join(dir, "server/flake.nix"), gen("{ flake = 1; } # tweak\n"));
    const { "containers/immich.nix": _gone, ...rest } = v1.files;
    const check = await runCli(["--check"], { cwd: dir, config: { files: rest } });
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n").filter((l) => l.startsWith("  differs "))).toEqual([
      "  differs server/containers/immich.nix (no longer generated)",
      "  differs server/flake.nix (edited by hand)",
      "  differs server/.nixjs-manifest.json (manifest)",
    ]);
    expect(check.stdout).toContain(["--- a/server/containers/immich.nix", "+++ /dev/null", "@@ -1,2 +0,0 @@", `-${header}`, "-{ immich = 1; }"].join("\n"));
    expect(check.stdout).toContain(["-{ flake = 1; } # tweak", "+{ flake = 1; }"].join("\n"));
  });

  it("--check of a missing output directory reports every file missing and creates nothing", async () => {
    const dir = cwd();
    const check = await runCli(["--check", "--out", "out/tree"], { cwd: dir, config: v1 });
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n").filter((l) => l.startsWith("  differs "))).toHaveLength(5);
    expect(readTree(dir).size).toBe(0);
  });

  it("--check --quiet prints only the list of differing files, on stderr", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: v1 });
    const check = await runCli(["--check", "--quiet"], { cwd: dir, config: { files: { ...v1.files, "flake.nix": gen("x\n") } } });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("");
    expect(check.stderr).toContain("  differs server/flake.nix (out of date)");
    expect(check.stderr).not.toContain("@@");
    const ok = await runCli(["--check", "--quiet"], { cwd: dir, config: v1 });
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("the output directory name in a nested --out is used in listings and diffs", async () => {
    const dir = cwd();
    mkdirSync(join(dir, "examples/x"), { recursive: true });
    await runCli(["--out", "examples/x/server"], { cwd: dir, config: v1 });
    const check = await runCli(["--check", "--out", "examples/x/server"], { cwd: dir, config: { files: { ...v1.files, "flake.nix": gen("x\n") } } });
    expect(check.stdout).toContain("--- a/examples/x/server/flake.nix");
  });
});
