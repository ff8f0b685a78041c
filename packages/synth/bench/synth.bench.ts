/**
 * Benchmark of the command (`npx tsx packages/synth/bench/synth.bench.ts`): wall time of
 * `npx tsx synth` on the root config and on a generated 1,000-container config, next to
 * `npx tsx` running an empty file (the floor: node, npx and tsx starting), all measured in
 * the same run, several times each; the table shows medians and ratios to the floor.
 * Targets (issue 4): root config within 1.5× the floor; 1,000 containers under 2 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generatedConfig } from "../src/test-support/configs.ts";

const RUNS = Number(process.env["BENCH_RUNS"] ?? "7");
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "nixjs-bench-"));
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

interface Case {
  readonly name: string;
  readonly cwd: string;
  readonly args: readonly string[];
  /** Run before each timed run, untimed (e.g. delete the output to time a first synth). */
  readonly reset?: () => void;
}

/** Deletes a tree and flushes the deletion, so its write-back does not land in the next timing. */
function removeAndSettle(path: string): void {
  rmSync(path, { recursive: true, force: true });
  spawnSync("sync");
}

/** One timed run of a case. */
function timeOnce(c: Case): { ms: number; error?: string } {
  c.reset?.();
  const start = performance.now();
  const r = spawnSync(npx, ["tsx", ...c.args], { cwd: c.cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
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
const big = join(scratch, "big");
rmSync(big, { recursive: true, force: true });
spawnSync("mkdir", ["-p", big]);
writeFileSync(join(big, "homelab.config.ts"), generatedConfig(1000));
const rootOut = join(scratch, "root-server");
// npx finds tsx from the repository, so every case runs there, with absolute paths.
const bigArgs = ["synth", "--config", join(big, "homelab.config.ts"), "--out", join(big, "server")];
const cases: Case[] = [
  { name: "`npx tsx` empty file (floor)", cwd: repo, args: [join(scratch, "empty.ts")] },
  { name: "`npx tsx synth --help`", cwd: repo, args: ["synth", "--help"] },
  ...(existsSync(join(repo, "homelab.config.ts"))
    ? [
        { name: "root config, first synth", cwd: repo, args: ["synth", "--out", rootOut], reset: () => removeAndSettle(rootOut) },
        { name: "root config, re-synth (no change)", cwd: repo, args: ["synth", "--out", rootOut] },
        { name: "root config, `--check`", cwd: repo, args: ["synth", "--check", "--out", rootOut] },
      ]
    : []),
  { name: "1,000 containers, first synth", cwd: repo, args: [...bigArgs], reset: () => removeAndSettle(join(big, "server")) },
  { name: "1,000 containers, re-synth (no change)", cwd: repo, args: [...bigArgs] },
  { name: "1,000 containers, `--check`", cwd: repo, args: [...bigArgs, "--check"] },
];

const results = measure(cases);
const floor = results[0]!.median;
const rows = cases.map((c, i) => {
  const { median, error } = results[i]!;
  return `| ${c.name} | ${median.toFixed(0)} | ${(median / floor).toFixed(2)}× | ${error ? `FAILED: ${error}` : "ok"} |`;
});
if (!existsSync(join(repo, "homelab.config.ts"))) rows.push("| root config | n/a | | no `homelab.config.ts` in the repository root yet |");

/** Where the time of one synth goes, phase by phase, in fresh processes (median per phase). */
function phases(config: string): { files: number; rows: [string, number][] } {
  const runs: Record<string, number>[] = [];
  let files = 0;
  for (let i = 0; i <= RUNS; i++) {
    const out = join(scratch, `phases-${i}`);
    removeAndSettle(out);
    const r = spawnSync(process.execPath, ["--import", "tsx", join(here, "phases.ts"), config, out], { cwd: here, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    const parsed = JSON.parse(r.stdout) as { files: number; times: Record<string, number> };
    files = parsed.files;
    if (i > 0) runs.push(parsed.times);
  }
  const names = Object.keys(runs[0]!);
  return { files, rows: names.map((n) => [n, runs.map((x) => x[n]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!]) };
}
const phaseTables = [
  ...(existsSync(join(repo, "homelab.config.ts")) ? [["root config", join(repo, "homelab.config.ts")] as const] : []),
  ["1,000 containers", join(big, "homelab.config.ts")] as const,
].map(([name, config]) => ({ name, ...phases(config) }));
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
