import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@nixjs/homelab";
import { agenixSecretFile, gen, genFiles, listDirs, readTree, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";

const cwd = tempDirsPerTest();

const base: FakeConfig = {
  files: genFiles({
    "flake.nix": "{ flake }\n",
    "host.nix": "{ host }\n",
    "containers/immich.nix": "{ immich }\n",
    "containers/caddy/routes/n8n.nix": "{ route }\n",
    "secrets/secrets.nix": "{ }\n",
  }),
};
const without = (config: FakeConfig, ...paths: string[]): FakeConfig => ({
  files: Object.fromEntries(Object.entries(config.files).filter(([p]) => !paths.includes(p))),
});
const error: Diagnostic = { severity: "error", code: "address-conflict", subject: { kind: "container", name: "immich" }, path: ["containers", "immich", "localAddress"], message: "10.10.10.5 is taken", site: "homelab.config.ts:9:3" };
const warning: Diagnostic = { severity: "warning", code: "image-tag", subject: { kind: "container", name: "sonarr" }, path: ["containers", "sonarr", "image"], message: "pin a tag", site: "homelab.config.ts:12:3" };

describe("ownership", () => {
  it("removing a file from the config removes exactly that file, and directories it leaves empty", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: base });
    const before = readTree(join(dir, "server"));
    const r = await runCli([], { cwd: dir, config: without(base, "containers/caddy/routes/n8n.nix") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  deleted server/containers/caddy/routes/n8n.nix\n");
    expect(r.stdout).toMatch(/^synth: 0 written, 4 unchanged, 1 removed/m);
    const after = readTree(join(dir, "server"));
    expect([...before.keys()].filter((p) => !after.has(p))).toEqual(["containers/caddy/routes/n8n.nix"]);
    expect(listDirs(join(dir, "server"))).toEqual(["containers", "secrets"]);
    expect(after.get(".nixjs-manifest.json")).not.toContain("n8n");
  });

  it("a hand-written file in the output directory survives every synth, even beside removed files", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: base });
    mkdirSync(join(dir, "server/containers/caddy/routes"), { recursive: true });
    writeFileSync(join(dir, "server/containers/caddy/routes/mine.nix"), "{ hand-written }\n");
    writeFileSync(join(dir, "server/hardware-configuration.nix"), "{ hw }\n");
    await runCli([], { cwd: dir, config: without(base, "containers/caddy/routes/n8n.nix") });
    await runCli(["--force"], { cwd: dir, config: without(base, "containers/immich.nix") });
    expect(readFileSync(join(dir, "server/containers/caddy/routes/mine.nix"), "utf8")).toBe("{ hand-written }\n");
    expect(readFileSync(join(dir, "server/hardware-configuration.nix"), "utf8")).toBe("{ hw }\n");
    expect(readFileSync(join(dir, "server/.nixjs-manifest.json"), "utf8")).not.toMatch(/mine|hardware/);
  });

  it("a hand-edited generated file stops synth, naming it, and nothing is written; --force overwrites", async () => {
    const dir = cwd();
    await runCli([], { cwd: dir, config: base });
    writeFileSync(join(dir, "server/host.nix"), gen("{ host; edited }\n"));
    const changed = { files: { ...base.files, "host.nix": gen("{ host 2 }\n"), "flake.nix": gen("{ flake 2 }\n") } };
    const before = readTree(join(dir, "server"));
    const refused = await runCli([], { cwd: dir, config: changed });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refused[edited] server/host.nix: host.nix was edited by hand");
    expect(refused.stderr).toContain("--force");
    expect(readTree(join(dir, "server"))).toEqual(before);
    const forced = await runCli(["--force"], { cwd: dir, config: changed });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("updated server/host.nix (edited by hand; overwritten because of --force)");
    expect(readFileSync(join(dir, "server/host.nix"), "utf8")).toBe(gen("{ host 2 }\n"));
    expect((await runCli(["--check"], { cwd: dir, config: changed })).code).toBe(0);
  });

  it("refuses to overwrite an existing file it never wrote, and to delete a removed file edited by hand", async () => {
    const dir = cwd();
    mkdirSync(join(dir, "server"));
    writeFileSync(join(dir, "server/flake.nix"), "{ my own flake }\n");
    const r = await runCli([], { cwd: dir, config: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refused[unowned] server/flake.nix: flake.nix exists but was not written by nixjs");
    expect(readTree(join(dir, "server"))).toEqual(new Map([["flake.nix", "{ my own flake }\n"]]));

    const d2 = cwd();
    await runCli([], { cwd: d2, config: base });
    writeFileSync(join(d2, "server/containers/immich.nix"), gen("{ immich; tuned }\n"));
    const del = await runCli([], { cwd: d2, config: without(base, "containers/immich.nix") });
    expect(del.code).toBe(2);
    expect(del.stderr).toContain("refused[edited-removed] server/containers/immich.nix");
    expect(existsSync(join(d2, "server/containers/immich.nix"))).toBe(true);
  });

  it("never writes or deletes a .age file, and tells how to create a missing one", async () => {
    const dir = cwd();
    mkdirSync(join(dir, "server/secrets"), { recursive: true });
    writeFileSync(join(dir, "server/secrets/present.age"), "age-encrypted");
    const secrets = [agenixSecretFile("present", "secrets/present.age", "homelab.config.ts:3:1"), agenixSecretFile("jwt", "secrets/authelia-jwt.age", "homelab.config.ts:4:13")];
    const r = await runCli([], { cwd: dir, config: { ...base, secrets } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "warning[missing-secret-file] secrets.jwt: server/secrets/authelia-jwt.age does not exist yet; create it with: cd server/secrets && agenix -e authelia-jwt.age\n      at homelab.config.ts:4:13",
    );
    expect(r.stderr).not.toContain("present.age");
    expect(existsSync(join(dir, "server/secrets/authelia-jwt.age"))).toBe(false);
    await runCli([], { cwd: dir, config: { files: {} } });
    expect(readFileSync(join(dir, "server/secrets/present.age"), "utf8")).toBe("age-encrypted");
    const strict = await runCli(["--strict"], { cwd: dir, config: { ...base, secrets } });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("error[missing-secret-file]");
  });
});

describe("validation", () => {
  it("a validation error writes nothing, into a fresh or an existing tree", async () => {
    const dir = cwd();
    const fresh = await runCli([], { cwd: dir, config: { ...base, diagnostics: [error] } });
    expect(fresh.code).toBe(1);
    expect(existsSync(join(dir, "server"))).toBe(false);
    await runCli([], { cwd: dir, config: base });
    const before = readTree(join(dir, "server"));
    const r = await runCli([], { cwd: dir, config: { files: { ...base.files, "flake.nix": gen("{ changed }\n") }, diagnostics: [warning, error] } });
    expect(r.code).toBe(1);
    expect(readTree(join(dir, "server"))).toEqual(before);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        "Errors (1)",
        "  container immich",
        "    error[address-conflict] containers.immich.localAddress: 10.10.10.5 is taken",
        "      at homelab.config.ts:9:3",
        "Warnings (1)",
        "  container sonarr",
        "    warning[image-tag] containers.sonarr.image: pin a tag",
        "      at homelab.config.ts:12:3",
        "synth stopped: 1 error, 1 warning in homelab.config.ts; nothing was written",
        "",
      ].join("\n"),
    );
  });

  it("warnings do not stop synth; --strict makes them errors", async () => {
    const dir = cwd();
    expect((await runCli([], { cwd: dir, config: { ...base, diagnostics: [warning] } })).code).toBe(0);
    const strict = await runCli(["--strict", "--force"], { cwd: dir, config: { files: { "x.nix": gen("x\n") }, diagnostics: [warning] } });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("error[image-tag]");
    expect(existsSync(join(dir, "server/x.nix"))).toBe(false);
  });

  it("--check with validation errors exits 1 and writes nothing", async () => {
    const dir = cwd();
    const r = await runCli(["--check"], { cwd: dir, config: { ...base, diagnostics: [error] } });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "server"))).toBe(false);
  });
});
