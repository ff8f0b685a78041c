/**
 * Benchmark of the command (`npx tsx packages/synth/bench/synth.bench.ts`): wall time of
 * `npx tsx synth` on the root config and on a generated 1,000-container config, next to
 * `npx tsx` running an empty file (the floor: node, npx and tsx starting), all measured in
 * the same run, several times each; the table shows medians and ratios to the floor.
 * Targets (issue 4): root config within 1.5× the floor; 1,000 containers under 2 s. The
 * generated config sits in a scratch project that is an ES module package like the
 * repository; one more row times it in a CommonJS package (see `bigProject`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generatedConfig } from "../test-support/configs.ts";

const RUNS = Number(process.env["BENCH_RUNS"] ?? "7");
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "nixjs-bench-"));
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

interface Case {
  readonly name: string;
  readonly cwd: string;
  /** The arguments after `npx tsx`; called once per timed run. */
  readonly args: () => readonly string[];
}

/**
 * A first synth writes into a directory that never existed, a new one for every run; nothing
 * is deleted until the benchmark ends. Deleting the previous output right before (as this
 * benchmark once did) measures ext4 rather than synth: for about 30 s after a file is
 * deleted, ext4 skips its inode when allocating a new one (`recently_deleted()`), and every
 * allocation rescans all the skipped ones, so creating 1,003 files after deleting 1,003
 * costs ≈ 0.2–0.8 ms each instead of ≈ 0.03 ms (seen with `perf`). A fresh checkout has no
 * such inodes. Dirty data of earlier runs is flushed before each run (`sync`), untimed, so
 * that synth's own flush does not write it back.
 */
function freshDir(base: string): () => string {
  let n = 0;
  return () => {
    spawnSync("sync");
    return `${base}-${n++}`;
  };
}

/** One timed run of a case. */
function timeOnce(c: Case): { ms: number; error?: string } {
  const args = c.args();
  const start = performance.now();
  const r = spawnSync(npx, ["tsx", ...args], { cwd: c.cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - start;
  if (r.status === 0) return { ms };
  return { ms, error: (r.stderr.split("\n").find((l) => l.startsWith("error")) ?? `exit ${r.status}`).slice(0, 80) };
}

/**
 * Round-robin: every round runs every case once, so that a burst of load on the machine
 * slows all cases alike instead of one; the first round is a warm-up (tsx's transform
 * cache, the page cache) and is not counted.
 */
function measure(cases: readonly Case[]): { median: number; error?: string }[] {
  const times = cases.map(() => [] as number[]);
  const errors: (string | undefined)[] = cases.map(() => undefined);
  for (let round = 0; round <= RUNS; round++) {
    cases.forEach((c, i) => {
      const { ms, error } = timeOnce(c);
      if (error) errors[i] = error;
      if (round > 0) times[i]!.push(ms);
    });
  }
  return times.map((t, i) => {
    const sorted = [...t].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return errors[i] ? { median, error: errors[i] } : { median };
  });
}

writeFileSync(join(scratch, "empty.ts"), "");
/**
 * A scratch project holding the generated config. `esm: true` gives it a `package.json` with
 * `"type": "module"`, as the repository's own (so it runs like the root config); without it,
 * tsx compiles the config as CommonJS, which `require`s a second copy of `@nixjs/homelab` and
 * the printer (the config's) beside synth's ES modules.
 */
function bigProject(name: string, esm: boolean): string {
  const dir = join(scratch, name);
  spawnSync("mkdir", ["-p", dir]);
  if (esm) writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
  writeFileSync(join(dir, "homelab.config.ts"), generatedConfig(1000));
  return dir;
}
const big = bigProject("big", true);
const bigCjs = bigProject("big-cjs", false);
const rootOut = join(scratch, "root-server");
const freshRoot = freshDir(join(scratch, "root-first"));
// npx finds tsx from the repository, so every case runs there, with absolute paths.
const synthArgs = (dir: string, out = join(dir, "server")): string[] => ["synth", "--config", join(dir, "homelab.config.ts"), "--out", out];
const freshBig = freshDir(join(big, "first"));
const freshBigCjs = freshDir(join(bigCjs, "first"));
const cases: Case[] = [
  { name: "`npx tsx` empty file (floor)", cwd: repo, args: () => [join(scratch, "empty.ts")] },
  { name: "`npx tsx synth --help`", cwd: repo, args: () => ["synth", "--help"] },
  ...(existsSync(join(repo, "homelab.config.ts"))
    ? [
        { name: "root config, first synth", cwd: repo, args: () => ["synth", "--out", freshRoot()] },
        { name: "root config, re-synth (no change)", cwd: repo, args: () => ["synth", "--out", rootOut] },
        { name: "root config, `--check`", cwd: repo, args: () => ["synth", "--check", "--out", rootOut] },
      ]
    : []),
  { name: "1,000 containers, first synth", cwd: repo, args: () => synthArgs(big, freshBig()) },
  { name: "1,000 containers, re-synth (no change)", cwd: repo, args: () => synthArgs(big) },
  { name: "1,000 containers, `--check`", cwd: repo, args: () => [...synthArgs(big), "--check"] },
  {
    name: "1,000 containers, first synth, config compiled as CommonJS (no `\"type\": \"module\"`)",
    cwd: repo,
    args: () => synthArgs(bigCjs, freshBigCjs()),
  },
];

const results = measure(cases);
const floor = results[0]!.median;
const rows = cases.map((c, i) => {
  const { median, error } = results[i]!;
  return `| ${c.name} | ${median.toFixed(0)} | ${(median / floor).toFixed(2)}× | ${error ? `FAILED: ${error}` : "ok"} |`;
});
if (!existsSync(join(repo, "homelab.config.ts"))) rows.push("| root config | n/a | | no `homelab.config.ts` in the repository root yet |");

/** Where the time of one synth goes, phase by phase, in fresh processes (median per phase). */
function phases(config: string, tag: string): { files: number; rows: [string, number][] } {
  const runs: Record<string, number>[] = [];
  let files = 0;
  for (let i = 0; i <= RUNS; i++) {
    const out = join(scratch, `phases-${tag}-${i}`); // new, as for a first synth above
    spawnSync("sync");
    const r = spawnSync(process.execPath, ["--conditions=@nixjs/source", "--import", "tsx", join(here, "phases.ts"), config, out], { cwd: here, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    const parsed = JSON.parse(r.stdout) as { files: number; times: Record<string, number> };
    files = parsed.files;
    if (i > 0) runs.push(parsed.times);
  }
  const names = Object.keys(runs[0]!);
  return { files, rows: names.map((n) => [n, runs.map((x) => x[n]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!]) };
}
const phaseTables = [
  ...(existsSync(join(repo, "homelab.config.ts")) ? [["root config", join(repo, "homelab.config.ts"), "root"] as const] : []),
  ["1,000 containers", join(big, "homelab.config.ts"), "big"] as const,
].map(([name, config, tag]) => ({ name, ...phases(config, tag) }));
rmSync(scratch, { recursive: true, force: true });

console.log(`synth benchmark: median of ${RUNS} rounds (after one warm-up round), node ${process.version}\n`);
console.log("| case | wall time (ms) | vs. floor | status |");
console.log("| --- | ---: | ---: | --- |");
for (const row of rows) console.log(row);
for (const table of phaseTables) {
  console.log(`\nPhases of one synth, ${table.name} (${table.files} files; in-process, fresh process each run, median ms):\n`);
  console.log("| phase | ms |");
  console.log("| --- | ---: |");
  for (const [name, ms] of table.rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
}
