/**
 * Hostile trees, through the command (in this process; `containment.spawn.test.ts` runs it as
 * a child): planted symbolic links, manifests and journals, with and without --force. Each
 * asserts the exit code, the message, and that nothing outside the output directory changed
 * (a fingerprint of a sibling directory: contents, modes, link targets).
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256 } from "../hash.ts";
import { serializeManifest } from "../manifest.ts";
import { JOURNAL_FILE, STAGING_DIR } from "../paths.ts";
import { serializeJournal } from "../write/journal-format.ts";
import { fingerprint } from "../../test-support/fingerprint.ts";
import { agenixSecretFile, gen, genFiles, readTree, runCli, tempDirsPerTest, type FakeConfig } from "../../test-support/fixtures.ts";

const scratch = tempDirsPerTest("nixjs-contain-");
const config: FakeConfig = {
  files: genFiles({
    "flake.nix": "{ flake }\n",
    "host.nix": "{ host }\n",
    "containers/immich.nix": "{ immich }\n",
    "containers/caddy/routes/n8n.nix": "{ route }\n",
  }),
};
const hash = (text: string) => sha256(Buffer.from(text));

/** A project whose `server/` synth wrote from `config`, beside `outside/`: files, a mode, a link. */
async function project(): Promise<{ dir: string; server: string; outside: string; before: string[] }> {
  const dir = realpathSync(scratch());
  expect((await runCli([], { cwd: dir, config })).code).toBe(0);
  const outside = join(dir, "outside");
  mkdirSync(join(outside, "sub"), { recursive: true });
  writeFileSync(join(outside, "precious.txt"), "precious\n");
  writeFileSync(join(outside, "immich.nix"), gen("{ immich }\n"));
  writeFileSync(join(outside, "sub/script.sh"), "#!/bin/sh\n");
  chmodSync(join(outside, "sub/script.sh"), 0o750);
  symlinkSync("../precious.txt", join(outside, "sub/link"));
  return { dir, server: join(dir, "server"), outside, before: fingerprint(outside) };
}

/** Adds entries to the manifest synth wrote. */
function addToManifest(server: string, entries: Record<string, string>): void {
  const doc = JSON.parse(readFileSync(join(server, ".nixjs-manifest.json"), "utf8")) as { files: Record<string, { sha256: string }> };
  const files = new Map(Object.entries(doc.files).map(([p, e]) => [p, e.sha256]));
  for (const [path, text] of Object.entries(entries)) files.set(path, hash(text));
  writeFileSync(join(server, ".nixjs-manifest.json"), serializeManifest(files));
}

const CONTAINMENT = "nixjs never writes or deletes through a symbolic link inside its output directory, even with --force";

describe("a symbolic link where synth would write or delete is refused, --force or not", () => {
  it("a linked directory and a manifest entry below it with the true hash: nothing is deleted there", async () => {
    for (const force of [[], ["--force"]]) {
      const { dir, server, outside, before } = await project();
      symlinkSync(outside, join(server, "link"));
      addToManifest(server, { "link/precious.txt": "precious\n", "link/immich.nix": gen("{ immich }\n"), "link/sub/script.sh": "#!/bin/sh\n" });
      const tree = fingerprint(server);
      const r = await runCli(force, { cwd: dir, config });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        [
          "Refused to touch 1 file in server/ (nothing was written):",
          `  refused[symlink] server/link: link is a symbolic link (to ${outside}); ${CONTAINMENT}: .nixjs-manifest.json lists link/immich.nix, link/precious.txt, link/sub/script.sh as generated, to delete. To go on, replace the link with a real directory, or remove the entries below it from .nixjs-manifest.json if they are not nixjs's`,
          "",
        ].join("\n"),
      );
      expect(fingerprint(outside)).toEqual(before);
      expect(fingerprint(server)).toEqual(tree);
    }
  });

  it("server/containers swapped for a link to another directory: nothing is written, deleted or overwritten there", async () => {
    for (const force of [[], ["--force"]]) {
      const { dir, server, outside, before } = await project();
      rmSync(join(server, "containers"), { recursive: true });
      symlinkSync(outside, join(server, "containers"));
      const changed = { files: { ...config.files, "containers/immich.nix": gen("{ immich v2 }\n"), "containers/new.nix": gen("{ new }\n") } };
      const r = await runCli(force, { cwd: dir, config: changed });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`refused[symlink] server/containers: containers is a symbolic link (to ${outside}); ${CONTAINMENT}: it would write containers/caddy/routes/n8n.nix, containers/immich.nix, containers/new.nix.`);
      expect(fingerprint(outside)).toEqual(before);
      // --check and --dry-run say the same (exit 2), and write nothing either.
      for (const mode of ["--check", "--dry-run"]) {
        const check = await runCli([mode], { cwd: dir, config: changed });
        expect(check.code).toBe(2);
        expect(check.stderr).toContain("refused[symlink] server/containers");
      }
      // Removing a file synth wrote there: the deletion is refused too.
      const { "containers/immich.nix": _gone, ...fewer } = config.files;
      expect((await runCli(force, { cwd: dir, config: { files: fewer } })).code).toBe(2);
      expect(fingerprint(outside)).toEqual(before);
    }
  });

  it("a generated file, the manifest or the lock that is itself a link: refused, and its target untouched", async () => {
    const { dir, server, outside, before } = await project();
    rmSync(join(server, "host.nix"));
    symlinkSync(join(outside, "precious.txt"), join(server, "host.nix"));
    let r = await runCli(["--force"], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refused[symlink] server/host.nix: host.nix is a symbolic link (to ${join(outside, "precious.txt")}); ${CONTAINMENT}: it would write a file there. To go on, remove the link (nixjs then writes the file in its place)`);
    rmSync(join(server, "host.nix"));

    renameSync(join(server, ".nixjs-manifest.json"), join(outside, "manifest.json"));
    symlinkSync(join(outside, "manifest.json"), join(server, ".nixjs-manifest.json"));
    const withManifest = fingerprint(outside);
    r = await runCli(["--force"], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refused[symlink] server/.nixjs-manifest.json: .nixjs-manifest.json is a symbolic link");
    expect(fingerprint(outside)).toEqual(withManifest);
    rmSync(join(server, ".nixjs-manifest.json"));
    renameSync(join(outside, "manifest.json"), join(server, ".nixjs-manifest.json"));

    symlinkSync(join(outside, "precious.txt"), join(server, ".nixjs.lock"));
    r = await runCli([], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: server/.nixjs.lock is a symbolic link (to ${join(outside, "precious.txt")}); nixjs never reads, writes or deletes through a symbolic link inside its output directory, even with --force. Replace it with a real directory or file, or move it out of server/, then run synth again\n`);
    rmSync(join(server, ".nixjs.lock"));

    symlinkSync(outside, join(server, STAGING_DIR));
    r = await runCli([], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: server/.nixjs-staging is a symbolic link (to ${outside})`);
    const check = await runCli(["--check"], { cwd: dir, config });
    expect(check.stderr).toContain(`error: server/.nixjs-staging is a symbolic link (to ${outside})`);
    expect(fingerprint(outside)).toEqual(before);
    rmSync(join(server, STAGING_DIR));
    expect((await runCli([], { cwd: dir, config })).code).toBe(0);
  });

  it("a dangling link where a generated file goes, and a link to inside the tree, are refused as well", async () => {
    const { dir, server } = await project();
    rmSync(join(server, "flake.nix"));
    symlinkSync(join(server, "nowhere"), join(server, "flake.nix"));
    rmSync(join(server, "containers/caddy"), { recursive: true });
    symlinkSync(".", join(server, "containers/caddy"));
    const r = await runCli(["--force"], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refused[symlink] server/containers/caddy: containers/caddy is a symbolic link (to .)");
    expect(r.stderr).toContain(`refused[symlink] server/flake.nix: flake.nix is a symbolic link (to ${join(server, "nowhere")})`);
    expect(existsSync(join(server, "nowhere"))).toBe(false);
  });
});

describe("the manifest and the journal are only claims", () => {
  it("a manifest listing a hand-written file with its true hash does not make synth delete it; --force keeps it", async () => {
    const { dir, server } = await project();
    writeFileSync(join(server, "hardware-configuration.nix"), "{ hand-written }\n");
    addToManifest(server, { "hardware-configuration.nix": "{ hand-written }\n" });
    const r = await runCli([], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refused[not-generated] server/hardware-configuration.nix: hardware-configuration.nix is listed in .nixjs-manifest.json as generated, but it does not start with `# Generated by nixjs`");
    const forced = await runCli(["--force"], { cwd: dir, config });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("  kept server/hardware-configuration.nix (no nixjs header: kept, and dropped from the manifest because of --force)\n");
    expect(readFileSync(join(server, "hardware-configuration.nix"), "utf8")).toBe("{ hand-written }\n");
    expect(readFileSync(join(server, ".nixjs-manifest.json"), "utf8")).not.toContain("hardware");
    expect((await runCli(["--check"], { cwd: dir, config })).code).toBe(0);
  });

  it("a planted journal whose entries stay inside the tree does not make synth overwrite a hand-written file", async () => {
    const { dir, server } = await project();
    writeFileSync(join(server, "hardware-configuration.nix"), "{ hand-written }\n");
    mkdirSync(join(server, STAGING_DIR));
    writeFileSync(join(server, STAGING_DIR, "f0"), gen("{ evil }\n"));
    const journal = {
      staging: "12345",
      deletions: [{ path: "host.nix", sha256: hash(config.files["host.nix"]!) }],
      pruneDirs: [],
      renames: [{ from: "f0", to: "hardware-configuration.nix", sha256: hash(gen("{ evil }\n")), replaces: hash("{ hand-written }\n") }],
    };
    writeFileSync(join(server, STAGING_DIR, JOURNAL_FILE), serializeJournal(journal));
    const tree = fingerprint(server);
    const check = await runCli(["--check"], { cwd: dir, config });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("error: an interrupted synth is pending in server/, but nixjs will not finish it:\n  server/.nixjs-staging/journal.json was not written in this staging directory (it was copied, checked out or planted), so nixjs will not apply it\n");
    const dry = await runCli(["--dry-run"], { cwd: dir, config });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain("was not written in this staging directory");
    const r = await runCli(["--force"], { cwd: dir, config });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("server/.nixjs-staging/journal.json was not written in this staging directory");
    expect(r.stderr).toContain("delete server/.nixjs-staging/ to abandon it and run synth again");
    expect(fingerprint(server)).toEqual(tree);
    rmSync(join(server, STAGING_DIR), { recursive: true });
    expect((await runCli([], { cwd: dir, config })).code).toBe(0);
    expect(readFileSync(join(server, "hardware-configuration.nix"), "utf8")).toBe("{ hand-written }\n");
  });
});

describe("legitimate links still work", () => {
  it("the output directory itself may be a link, and so may a directory above it", async () => {
    const dir = realpathSync(scratch());
    mkdirSync(join(dir, "elsewhere/real-server"), { recursive: true });
    symlinkSync(join(dir, "elsewhere/real-server"), join(dir, "server"));
    expect((await runCli([], { cwd: dir, config })).code).toBe(0);
    expect(readTree(join(dir, "elsewhere/real-server")).get("flake.nix")).toBe(config.files["flake.nix"]);
    expect(lstatSync(join(dir, "server")).isSymbolicLink()).toBe(true);
    symlinkSync("elsewhere", join(dir, "gen"));
    const nested = await runCli(["--out", "gen/server"], { cwd: dir, config });
    expect(nested.code).toBe(0);
    expect(nested.stdout).toContain("in gen/server/");
    expect(existsSync(join(dir, "elsewhere/server/flake.nix"))).toBe(true);
    expect((await runCli(["--check"], { cwd: dir, config })).code).toBe(0);
  });

  it("a user's own links elsewhere in the tree are left alone, by every synth", async () => {
    const { dir, server, outside, before } = await project();
    symlinkSync(join(outside, "precious.txt"), join(server, "hardware-configuration.nix"));
    symlinkSync(join(outside, "sub"), join(server, "local"));
    const { "containers/caddy/routes/n8n.nix": _gone, ...fewer } = config.files;
    expect((await runCli([], { cwd: dir, config: { files: { ...fewer, "host.nix": gen("{ host 2 }\n") } } })).code).toBe(0);
    expect((await runCli(["--force"], { cwd: dir, config })).code).toBe(0);
    expect((await runCli(["--check"], { cwd: dir, config })).code).toBe(0);
    expect(readlinkSync(join(server, "hardware-configuration.nix"))).toBe(join(outside, "precious.txt"));
    expect(readlinkSync(join(server, "local"))).toBe(join(outside, "sub"));
    expect(fingerprint(outside)).toEqual(before);
  });

  it("a secret behind a link is neither followed nor reported missing", async () => {
    const { dir, server, outside } = await project();
    symlinkSync(outside, join(server, "secrets"));
    const secrets = [agenixSecretFile("jwt", "secrets/jwt.age", "homelab.config.ts:3:1"), agenixSecretFile("db", "keys/db.age", "homelab.config.ts:4:1")];
    const r = await runCli([], { cwd: dir, config: { ...config, secrets } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("jwt");
    expect(r.stderr).toContain("server/keys/db.age does not exist yet");
  });
});
