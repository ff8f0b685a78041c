/**
 * `nixjs init`, in process: the files it writes, that it never overwrites one, its usage
 * errors. That each template's config synthesises into a working NixOS system is checked in
 * test/templates.test.ts, and the whole path through the packed packages in test/packaging/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTree, runCli, tempDirsPerTest } from "../../../test-support/fixtures.ts";
import { packageName } from "../init/scaffold.ts";
import { packageRoot } from "../package-root.ts";

const cwd = tempDirsPerTest("nixjs-init-");
const FILES = ["package.json", "tsconfig.json", "homelab.config.ts", ".gitignore", "README.md"];
const version = (pkg: string): string => (JSON.parse(readFileSync(join(packageRoot(), "..", pkg, "package.json"), "utf8")) as { version: string }).version;

describe("nixjs init", () => {
  it("writes a new repository into a new directory, and says what to do next", async () => {
    const dir = cwd();
    const r = await runCli(["init", "My Lab"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(join(dir, "My Lab")).sort()).toEqual([...FILES].sort());
    expect(r.stdout).toBe(
      [
        "Created a nixjs homelab (template nspawn-traefik) in My Lab/:",
        ...FILES.map((f) => `  ${f}`),
        "",
        "Next:",
        '  cd "My Lab"',
        "  npm install",
        "  npm run synth      # writes server/; warns about each secret to create",
        "",
        "Then README.md: your keys, the secrets, the hardware configuration and the first deploy.",
        "",
      ].join("\n"),
    );
  });

  it("package.json: an ES module package, private, the four scripts, the nixjs packages at their versions", async () => {
    const dir = cwd();
    expect((await runCli(["init"], { cwd: dir })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(manifest).toEqual({
      name: packageName(dir.split("/").pop()!),
      version: "0.1.0",
      private: true,
      description: expect.any(String),
      type: "module",
      scripts: { synth: "nixjs synth", check: "nixjs check", diff: "nixjs diff", watch: "nixjs watch", typecheck: "tsc" },
      devDependencies: {
        "@nixjs/expr-printer": `^${version("expr-printer")}`,
        "@nixjs/homelab": `^${version("homelab")}`,
        "@nixjs/synth": `^${version("synth")}`,
        "@types/node": "^20.12.0",
        typescript: "^5.9.3",
      },
    });
  });

  it("the config is the template's; tsconfig checks it strictly and emits nothing; .gitignore keeps server/", async () => {
    for (const template of ["nspawn-traefik", "podman-caddy"]) {
      const dir = cwd();
      expect((await runCli(["init", "--template", template], { cwd: dir })).code).toBe(0);
      expect(readFileSync(join(dir, "homelab.config.ts"), "utf8")).toBe(readFileSync(join(packageRoot(), "templates", template, "homelab.config.ts"), "utf8"));
      const tsconfig = readFileSync(join(dir, "tsconfig.json"), "utf8");
      for (const setting of ['"strict": true', '"exactOptionalPropertyTypes": true', '"noUncheckedIndexedAccess": true', '"noEmit": true', '"types": ["node"]']) {
        expect(tsconfig).toContain(setting);
      }
      const gitignore = readFileSync(join(dir, ".gitignore"), "utf8").split("\n");
      expect(gitignore).toEqual(expect.arrayContaining(["node_modules/", ".nixjs-staging/", ".nixjs.lock*"]));
      expect(gitignore).not.toContain("server/");
      const readme = readFileSync(join(dir, "README.md"), "utf8");
      for (const step of ["npm install", "recipients", ".age", "hardware-configuration.nix", "git add server/", "nix flake lock", "nixos-rebuild switch --flake ./server#server", "flakes"]) {
        expect(readme, step).toContain(step);
      }
    }
  });

  it("never overwrites a file: it names every one that exists, writes nothing and exits 2", async () => {
    const dir = cwd();
    writeFileSync(join(dir, "README.md"), "mine\n");
    writeFileSync(join(dir, "package.json"), "{}\n");
    mkdirSync(join(dir, "node_modules"));
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        "error: nixjs init never overwrites a file, and these exist in .:",
        "  package.json",
        "  README.md",
        "Nothing was written. It would have written: package.json, tsconfig.json, homelab.config.ts, .gitignore, README.md.",
        "Start in an empty directory, e.g. `nixjs init my-homelab`.",
        "",
      ].join("\n"),
    );
    expect(readTree(dir)).toEqual(new Map([["README.md", "mine\n"], ["package.json", "{}\n"]]));
    // A second init over a complete one changes nothing either.
    const full = cwd();
    await runCli(["init"], { cwd: full });
    const before = readTree(full);
    expect((await runCli(["init", "--template", "podman-caddy"], { cwd: full })).code).toBe(2);
    expect(readTree(full)).toEqual(before);
  });

  it("a file where the directory should be is an error (exit 2); an unknown template a usage error", async () => {
    const dir = cwd();
    writeFileSync(join(dir, "lab"), "");
    expect(await runCli(["init", "lab"], { cwd: dir })).toEqual({ code: 2, stdout: "", stderr: "error: lab exists and is not a directory\n" });
    const r = await runCli(["init", "x", "--template", "nope"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown template 'nope' (the templates are nspawn-traefik, podman-caddy)\nRun `nixjs init --help` for usage.\n");
    expect(existsSync(join(dir, "x"))).toBe(false);
  });

  it("package names: from the directory's name, valid for npm", () => {
    expect(packageName("My Homelab!")).toBe("my-homelab");
    expect(packageName("lab")).toBe("lab");
    expect(packageName("___")).toBe("homelab");
    expect(packageName("Übung 2")).toBe("ubung-2");
  });
});
