/**
 * The config compiler (esbuild): which files are the config (the module graph `nixjs watch`
 * follows), what stays an import, each file's own `import.meta`, and the errors, with lines.
 * Loading compiled configs end to end is tested through the real command (cli/*.test.ts,
 * e2e/, test/packaging/).
 */
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../test-support/fixtures.ts";
import { compileConfig } from "./compile-config.ts";

const cwd = tempDirsPerTest("nixjs-compile-");
const REPO_NODE_MODULES = fileURLToPath(new URL("../../../../node_modules", import.meta.url));
const HOMELAB_SOURCE = realpathSync(fileURLToPath(new URL("../../../homelab/src/index.ts", import.meta.url)));

/** A project with `files` (path → text), and the repository's node_modules. */
function project(files: Record<string, string>): string {
  const dir = realpathSync(cwd());
  symlinkSync(REPO_NODE_MODULES, join(dir, "node_modules"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Imports compiled code (written beside nothing: its imports are absolute). */
async function run(code: string, dir: string): Promise<Record<string, unknown>> {
  const file = join(dir, `compiled-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

describe("compileConfig", () => {
  it("bundles the config's own files (its module graph) and leaves packages as imports by absolute URL", async () => {
    const dir = project({
      "homelab.config.ts": 'import { homelab } from "@nixjs/homelab";\nimport { apps } from "./lib/apps.ts";\nimport hosts from "./hosts.json";\nexport default { homelab, apps, hosts };\n',
      "lib/apps.ts": 'import { shared } from "../shared/names";\nexport const apps: string[] = [shared];\n',
      "shared/names.ts": 'export const shared = "immich";\n',
      "hosts.json": '{ "server": "10.0.0.1" }\n',
      "unrelated.ts": "export const x = 1;\n",
    });
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    if (compiled.kind !== "compiled") throw new Error(compiled.message);
    expect(compiled.inputs).toEqual(["homelab.config.ts", "hosts.json", "lib/apps.ts", "shared/names.ts"].map((p) => join(dir, p)));
    // Inside the workspace (this test runs the sources), @nixjs/homelab is its source file.
    // (Resolved as Node resolves it, through node_modules: a copy of the repository, such as
    // Stryker's sandbox, may link to another checkout's sources; compare by file name.)
    const imported = /from "(file:\/\/[^"]+)"/.exec(compiled.code)?.[1];
    expect(imported).toMatch(/\/packages\/homelab\/src\/index\.ts$/);
    expect(readFileSync(fileURLToPath(imported!), "utf8")).toBe(readFileSync(HOMELAB_SOURCE, "utf8"));
    expect(compiled.code).not.toContain("@nixjs/homelab\"");
    expect(compiled.code).toMatch(/\/\/# sourceMappingURL=data:application\/json;base64,[A-Za-z0-9+/=]+\n$/);
    const map = JSON.parse(Buffer.from(/base64,(.+)\n$/.exec(compiled.code)![1]!, "base64").toString("utf8")) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining([pathToFileURL(join(dir, "homelab.config.ts")).href, pathToFileURL(join(dir, "lib/apps.ts")).href]));
  });

  it("an import of a file: URL stays that import, as Node reads it", async () => {
    const dir = project({ "lib/names.mjs": 'export const names = ["immich"];\n' });
    const url = pathToFileURL(join(dir, "lib/names.mjs")).href;
    writeFileSync(join(dir, "homelab.config.ts"), `import { names } from ${JSON.stringify(url)};\nexport default names;\n`);
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    if (compiled.kind !== "compiled") throw new Error(compiled.message);
    expect(compiled.code).toContain(`from ${JSON.stringify(url)}`);
    expect(compiled.inputs).toEqual([join(dir, "homelab.config.ts")]);
    expect((await run(compiled.code, dir))["default"]).toEqual(["immich"]);
  });

  it("every bundled file keeps its own import.meta.url, filename and dirname", async () => {
    const dir = project({
      "homelab.config.ts": 'import { where } from "./lib/where.ts";\nexport const config = import.meta.url;\nexport const lib = where;\n',
      "lib/where.ts": "export const where = [import.meta.url, import.meta.filename, import.meta.dirname];\n",
    });
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    if (compiled.kind !== "compiled") throw new Error(compiled.message);
    const module = await run(compiled.code, dir);
    expect(module["config"]).toBe(pathToFileURL(join(dir, "homelab.config.ts")).href);
    expect(module["lib"]).toEqual([pathToFileURL(join(dir, "lib/where.ts")).href, join(dir, "lib/where.ts"), join(dir, "lib")]);
  });

  it("a bare import that a tsconfig `paths` alias maps to the user's own file is bundled", async () => {
    const dir = project({
      "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["lib/*"] } } }\n',
      "homelab.config.ts": 'import { n } from "@lib/n.ts";\nexport default n;\n',
      "lib/n.ts": "export const n = 42;\n",
    });
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    if (compiled.kind !== "compiled") throw new Error(compiled.message);
    expect(compiled.inputs).toEqual([join(dir, "homelab.config.ts"), join(dir, "lib/n.ts")]);
    expect((await run(compiled.code, dir))["default"]).toBe(42);
  });

  it("a syntax error: its message and line (columns from 1), and the files read so far", async () => {
    const dir = project({
      "homelab.config.ts": 'import { x } from "./lib/x.ts";\nexport default x;\n',
      "lib/x.ts": "export const x = {{;\n",
    });
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    expect(compiled).toEqual({
      kind: "failed",
      message: 'Expected identifier but found "{"',
      site: "lib/x.ts:1:19",
      inputs: [join(dir, "homelab.config.ts"), join(dir, "lib/x.ts")],
    });
  });

  it("an import of a file or a package that does not exist, at the line of the import", async () => {
    const dir = project({ "homelab.config.ts": 'import "./nope.ts";\nimport pad from "left-pad-nixjs-none";\nexport default pad;\n' });
    const compiled = await compileConfig(join(dir, "homelab.config.ts"), { cwd: dir });
    expect(compiled).toEqual({
      kind: "failed",
      message: [
        "2 errors:",
        '  homelab.config.ts:1:8: Could not resolve "./nope.ts"',
        '  homelab.config.ts:2:17: cannot find package "left-pad-nixjs-none" (is it installed? npm install --save-dev left-pad-nixjs-none)',
      ].join("\n"),
      site: "homelab.config.ts:1:8",
      inputs: [join(dir, "homelab.config.ts")],
    });
  });
});
