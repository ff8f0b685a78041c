/**
 * The public packages as a user gets them: packed with `pnpm pack` (whose `prepack` builds
 * them), then installed with npm — not pnpm — from the tarballs into a fresh project outside
 * the workspace, with the TypeScript a new repository type-checks its config with. Only npm's
 * registry (or its cache, preferred) is needed; the tarballs' own dependencies come from there.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (with a trailing slash). */
export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
/** The packages users install. */
export const PUBLIC_PACKAGES = ["expr-printer", "homelab", "synth"] as const;

/** A clean environment for user commands: no pnpm or npm settings of the test run leak in. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: process.env["HOME"] ?? tmpdir(), LC_ALL: "C", NO_COLOR: "1", ...extra };
}

/** Runs a command; throws with its output when it fails (`allow` lists other accepted codes). */
export function run(command: string, args: readonly string[], cwd: string, options: { env?: NodeJS.ProcessEnv; allow?: readonly number[] } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: options.env ?? userEnv(), maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && !(options.allow ?? []).includes(r.status ?? -1)) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** pnpm as this test run has it (`pnpm test`), or the repository's pinned version through npx. */
function pnpm(): [string, string[]] {
  const execpath = process.env["npm_execpath"];
  if (execpath !== undefined && /pnpm/.test(execpath)) return [process.execPath, [execpath]];
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { packageManager: string };
  return ["npx", ["--yes", manifest.packageManager]];
}

/** Where the packed install is. */
export interface PackedInstall {
  /** The temporary folder holding everything (remove it when done). */
  readonly root: string;
  /** `<name>.tgz` of each public package. */
  readonly tarballs: Readonly<Record<(typeof PUBLIC_PACKAGES)[number], string>>;
  /** A folder with the tarballs installed by npm (and typescript, @types/node); no package.json yet. */
  readonly project: string;
}

/**
 * Packs every public package and installs the tarballs with npm into a fresh project (no
 * `package.json`: `npm install --no-save`, as `npx nixjs init` then writes one).
 * @example const install = packAndInstall(); run("npx", ["nixjs", "init"], install.project)
 */
export function packAndInstall(): PackedInstall {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "nixjs-packed-")));
  const packs = join(root, "tarballs");
  mkdirSync(packs);
  const [command, prefix] = pnpm();
  for (const pkg of PUBLIC_PACKAGES) {
    run(command, [...prefix, "pack", "--pack-destination", packs], join(REPO, "packages", pkg), { env: { ...process.env, NO_COLOR: "1" } });
  }
  const files = readdirSync(packs);
  const tarball = (pkg: string): string => join(packs, files.find((f) => f.startsWith(`nixjs-${pkg}-`) && f.endsWith(".tgz"))!);
  const tarballs = { "expr-printer": tarball("expr-printer"), homelab: tarball("homelab"), synth: tarball("synth") };
  const project = join(root, "project");
  mkdirSync(project);
  const typescript = versionIn("typescript");
  const typesNode = versionIn("@types/node");
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefer-offline", ...Object.values(tarballs), `typescript@${typescript}`, `@types/node@${typesNode}`], project);
  return { root, tarballs, project };
}

/** The version the workspace pins (root devDependencies): the test installs the same. */
function versionIn(name: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  return manifest.devDependencies[name]!;
}
