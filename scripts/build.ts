/**
 * `pnpm build` (all public packages) or `pnpm build <package>…`; also each package's
 * `build` and `prepack` scripts. Writes `packages/<name>/dist/`: the declarations (`tsc -b` of
 * the package's `tsconfig.build.json`, one `.d.ts` per source file) and the JavaScript, bundled
 * by esbuild into ES modules, one per entry point of `exports` (split into shared chunks along
 * the code's dynamic imports, so a command loads only what it runs), with source maps.
 *
 * Why a bundler and not `tsc`'s own emit (one `.js` per source file): measured on the root
 * config, the built `nixjs synth --check` took 972 ms with tsc's 234 files against 821 ms
 * bundled (and `node -e 0` 165 ms), in the same run; Node 20 resolves, reads and compiles every
 * ES module separately, and synth's own work is ~50 ms. See the README's Performance section.
 *
 * Dependencies stay imports, declared in each package.json, with one exception: zod's runtime
 * is bundled into `@nixjs/homelab` (its 95 modules, loaded separately, were the largest part
 * of a synth's start: 424 against 456 ms, `node -e 0` 108 ms, same run). zod stays a
 * dependency, at the exact version bundled, because homelab's declarations use its types; its
 * licence is shipped beside the bundle (`dist/THIRD-PARTY-LICENSES.txt`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

/** The public packages, dependencies first. */
export const PUBLIC_PACKAGES = ["expr-printer", "homelab", "synth"] as const;
type PackageName = (typeof PUBLIC_PACKAGES)[number];

/** Dependencies whose runtime is bundled into a package instead of imported (see above). */
const BUNDLED: Partial<Record<PackageName, readonly string[]>> = { homelab: ["zod"] };

interface Manifest {
  readonly name: string;
  readonly exports: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

/**
 * The JavaScript entry points of a package: every `exports` entry whose `@nixjs/source`
 * condition names a source file, keyed by its `import` target without `./dist/` and `.js`;
 * for `@nixjs/synth`, also the command (`dist/cli.js`, which `bin/nixjs.js` runs).
 * @example entryPoints("homelab") // { index: ".../src/index.ts", "testing/index": ".../src/testing/index.ts" }
 */
export function entryPoints(pkg: PackageName): Record<string, string> {
  const dir = join(ROOT, "packages", pkg);
  const manifest = readManifest(pkg);
  const entries: Record<string, string> = {};
  for (const target of Object.values(manifest.exports)) {
    if (typeof target === "string") continue;
    const source = target["@nixjs/source"];
    const output = target["import"];
    if (source === undefined || output === undefined) continue;
    entries[output.replace(/^\.\/dist\//, "").replace(/\.js$/, "")] = join(dir, source);
  }
  if (pkg === "synth") entries["cli"] = join(dir, "src/cli/entry.ts");
  return entries;
}

function readManifest(pkg: PackageName): Manifest {
  return JSON.parse(readFileSync(join(ROOT, "packages", pkg, "package.json"), "utf8")) as Manifest;
}

/** Declarations of `pkg` (and, through project references, of the packages it uses). */
function buildDeclarations(pkg: PackageName): void {
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", join(ROOT, "packages", pkg, "tsconfig.build.json")], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`tsc -b failed for ${pkg} (exit ${r.status})`);
}

/**
 * Bundles one package: its own modules inlined, every dependency (other `@nixjs` packages
 * included) left as an import, so that one copy of each is loaded however many packages use it.
 */
async function bundle(pkg: PackageName): Promise<void> {
  const manifest = readManifest(pkg);
  const dir = join(ROOT, "packages", pkg);
  const bundled = BUNDLED[pkg] ?? [];
  const external = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})].filter((d) => !bundled.includes(d));
  await build({
    entryPoints: entryPoints(pkg),
    outdir: join(dir, "dist"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // Node's own resolution, not a bundler's: no `module` field, no browser builds.
    mainFields: ["main"],
    conditions: [],
    sourcemap: "linked",
    sourcesContent: true,
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
    plugins: [...(bundled.includes("zod") ? [zodBundled(dir)] : []), noUndeclaredImports(manifest, external, bundled)],
  });
  if (bundled.length > 0) writeFileSync(join(dir, "dist", "THIRD-PARTY-LICENSES.txt"), thirdPartyLicenses(manifest.name, bundled));
}

/**
 * `src/schema/zod.ts` loads zod's CommonJS build with `require` at run time (fastest under
 * tsx, which runs the sources); in the build it becomes a plain import, which esbuild bundles.
 */
function zodBundled(dir: string): Plugin {
  return {
    name: "zod-bundled",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]schema[\\/]zod\.ts$/ }, () => ({
        contents: 'export { z } from "zod";\nexport type * as Zod from "zod";\n',
        loader: "ts",
        resolveDir: join(dir, "src", "schema"),
      }));
    },
  };
}

/** The licences of the dependencies bundled into `name`, as their packages ship them. */
function thirdPartyLicenses(name: string, bundled: readonly string[]): string {
  const parts = bundled.map((dep) => {
    const root = dirname(require.resolve(`${dep}/package.json`, { paths: [join(ROOT, "packages", name.replace("@nixjs/", ""))] }));
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    return `${dep} ${version} (bundled into dist/)\n\n${readFileSync(join(root, "LICENSE"), "utf8").trim()}\n`;
  });
  return `${name} bundles the code of these packages:\n\n${parts.join("\n---\n\n")}`;
}

/** Fails the build on an import of a package the manifest does not declare. */
function noUndeclaredImports(manifest: Manifest, declared: readonly string[], bundled: readonly string[]): Plugin {
  return {
    name: "no-undeclared-imports",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:")) return undefined;
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0]!;
        if (declared.includes(name)) return { path: args.path, external: true };
        // A bundled dependency, or a module inside one: esbuild resolves it.
        if (bundled.includes(name) || !args.importer.includes(`${join(ROOT, "packages")}`)) return undefined;
        return { errors: [{ text: `${manifest.name} imports "${args.path}", which its package.json does not declare` }] };
      });
    },
  };
}

/**
 * Builds `pkg` from scratch: `dist/` and the declarations' build info are removed first, so
 * nothing of a deleted or renamed source file survives in what is published.
 * @example await buildPackage("homelab")
 */
export async function buildPackage(pkg: PackageName): Promise<void> {
  rmSync(join(ROOT, "packages", pkg, "dist"), { recursive: true, force: true });
  rmSync(join(ROOT, ".tsbuild", `${pkg}.build.tsbuildinfo`), { force: true });
  buildDeclarations(pkg);
  await bundle(pkg);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(PUBLIC_PACKAGES as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`unknown package: ${unknown.join(", ")} (one of ${PUBLIC_PACKAGES.join(", ")})`);
    process.exit(2);
  }
  const packages = asked.length === 0 ? [...PUBLIC_PACKAGES] : (asked as PackageName[]);
  for (const pkg of packages) {
    const start = performance.now();
    await buildPackage(pkg);
    if (!existsSync(join(ROOT, "packages", pkg, "dist", "index.js"))) throw new Error(`${pkg}: no dist/index.js`);
    console.log(`built @nixjs/${pkg} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}
