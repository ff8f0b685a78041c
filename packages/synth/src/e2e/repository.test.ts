/**
 * The repository's own configs: the root `homelab.config.ts` (seed 000's server) and every
 * `examples/<name>/homelab.config.ts`. Their committed `server/` trees must be exactly what
 * synth writes (the golden check, read-only: nothing is written into the repository), and
 * the root config synthesises into a fresh directory with every file parsing as Nix.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAll } from "@nixjs/testkit";
import type { Homelab } from "@nixjs/homelab";
import { afterEach, describe, expect, it } from "vitest";
import { openRoot } from "../contain/root.ts";
import { readDisk } from "../plan/disk.ts";
import { hasDrift, planTree } from "../plan/plan.ts";
import { synthesizeLab } from "../pipeline/synthesize.ts";
import { renderOptionsFor } from "../synth.ts";
import { readTree, tempDir } from "../../test-support/fixtures.ts";
import { REPO_ROOT, ROOT_SYNTH, runScript } from "../../test-support/spawn.ts";

const examples = readdirSync(join(REPO_ROOT, "examples"))
  .filter((name) => existsSync(join(REPO_ROOT, "examples", name, "homelab.config.ts")))
  .sort();
/**
 * Each config with its committed tree, as the command names them from the repository root
 * (`out`, which the files' header lines name), and where the tree is committed (`dir`). The
 * root config's tree is not committed as `server/` (the README's first command writes it on
 * a fresh clone); its golden copy, reviewed by eye, is `test/golden/root-server/`.
 */
const committed = [
  { config: "homelab.config.ts", out: "server", dir: "test/golden/root-server" },
  ...examples.map((name) => ({
    config: `examples/${name}/homelab.config.ts`,
    out: `examples/${name}/server`,
    dir: `examples/${name}/server`,
  })),
];

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe("the root homelab.config.ts", () => {
  it("synthesises into a fresh directory; every file parses; a second run and --check change nothing", () => {
    const t = tempDir("nixjs-root-");
    cleanups.push(t.cleanup);
    const out = join(t.dir, "server");
    const first = runScript(ROOT_SYNTH, ["--out", out], { cwd: REPO_ROOT });
    expect(first.stderr).not.toMatch(/^error/m);
    expect(first.code).toBe(0);
    const tree = readTree(out, (p) => p === ".nixjs-manifest.json");
    for (const path of ["flake.nix", "secrets/secrets.nix"]) expect(tree.has(path), path).toBe(true);
    parseAll([...tree.values()]);
    expect(runScript(ROOT_SYNTH, ["--out", out], { cwd: REPO_ROOT }).stdout).toMatch(/^synth: 0 written, \d+ unchanged, 0 removed/m);
    expect(runScript(ROOT_SYNTH, ["--check", "--out", out], { cwd: REPO_ROOT }).code).toBe(0);

    // The same bytes in another time zone and locale.
    const before = readTree(out);
    rmSync(out, { recursive: true });
    expect(runScript(ROOT_SYNTH, ["--out", out], { cwd: REPO_ROOT, env: { TZ: "Asia/Kolkata", LC_ALL: "tr_TR.UTF-8" } }).code).toBe(0);
    expect(readTree(out)).toEqual(before);
  });
});

describe("committed trees (the root golden and examples/*/server/)", () => {
  it("there are the root tree, both seeds' examples, the proxy zoo, the impermanent NAS and the fleet", () => {
    expect(examples).toEqual(["fleet", "impermanent-nas", "nspawn-traefik-service", "podman-media", "proxy-zoo"]);
    for (const { config, dir } of committed) expect(existsSync(join(REPO_ROOT, dir)), `${dir} (from ${config})`).toBe(true);
  });

  it.each(committed)("$dir is exactly what synth writes from $config", async ({ config, out, dir }) => {
    const module = (await import(pathToFileURL(join(REPO_ROOT, config)).href)) as { default: Homelab | Promise<Homelab> };
    const result = synthesizeLab(await module.default, renderOptionsFor(config, out));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const disk = await readDisk(openRoot(join(REPO_ROOT, dir), dir), result.files.keys());
    const plan = planTree(result.files, disk, { force: true });
    const drift = plan.changes.filter((c) => c.kind !== "unchanged").map((c) => `${c.kind} ${c.path}`);
    const regenerate = config === "homelab.config.ts" ? `npx tsx synth && rm -rf ${dir} && cp -r server ${dir}` : `npx tsx synth --config ${config} --out ${out}`;
    expect(drift, `review the change, then: ${regenerate}`).toEqual([]);
    expect(plan.manifest.changed, `${dir}/.nixjs-manifest.json is out of date`).toBe(false);
    expect(hasDrift(plan)).toBe(false);
  });
});
