/**
 * A test script (say `fixture-cli.ts`, the real command with a stand-in config stage) as one
 * ES module, bundled from the sources by esbuild as `pnpm build` bundles the packages: plain
 * `node` starts it in ≈ 0.15 s, where tsx compiling ≈ 180 modules takes ≈ 1.1 s. The crash
 * test starts a few hundred of them (one per disk change it kills synth at), so this is most of
 * its time. The code is the same: the sources through the `@nixjs/source` condition.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
/**
 * Below the repository's node_modules, so that what stays an import (`vitest`, which the test
 * fixtures name, and `esbuild`, which the config loader `require`s) resolves from there.
 */
const CACHE = join(REPO, "node_modules", ".cache", "nixjs-tests");

/**
 * Bundles `script` (once per content: the file name carries its hash) and returns the path of
 * the `.mjs` to run with `node`; {@link runScript} and friends run such a path without tsx.
 * @example const cli = await bundled(FIXTURE_CLI); runScript(cli, ["--check"], { cwd })
 */
export async function bundled(script: string): Promise<string> {
  const result = await build({
    entryPoints: [script],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@nixjs/source"],
    external: ["vitest", "esbuild"],
    // A CommonJS dependency bundled into an ES module still calls `require` for built-ins.
    banner: { js: 'import { createRequire as __nixjsRequire } from "node:module"; const require = __nixjsRequire(import.meta.url);' },
    plugins: [zodAsImport()],
    logLevel: "error",
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(CACHE, `${basename(script, ".ts")}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  mkdirSync(CACHE, { recursive: true });
  try {
    if (readFileSync(file).equals(code)) return file;
  } catch {
    // Not there yet.
  }
  // Written beside and renamed: test files bundling at the same time never see half a file.
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  return file;
}

/**
 * `src/schema/zod.ts` loads zod with `require` at run time (fastest under tsx); bundled, it is
 * a plain import that esbuild includes (as scripts/build.ts does for the published build).
 */
function zodAsImport(): Plugin {
  return {
    name: "zod-as-import",
    setup(b) {
      b.onLoad({ filter: /[\\/]homelab[\\/]src[\\/]schema[\\/]zod\.ts$/ }, (args) => ({
        contents: 'export { z } from "zod";\n',
        loader: "ts",
        resolveDir: join(args.path, ".."),
      }));
    },
  };
}
