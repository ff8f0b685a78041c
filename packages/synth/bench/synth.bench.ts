/**
 * Benchmark of the command (`pnpm bench`, or `node --conditions=@nixjs/source --import tsx
 * packages/synth/bench/synth.bench.ts`): wall time of `nixjs synth` as a user runs it — the
 * packed packages installed with npm into a scratch project, the bin run as `npm run` runs it
 * (`node_modules/.bin/nixjs`) — on the root config and on a generated 1,000-container config,
 * against two baselines measured in the same run: `node -e 0` (Node starting) and `npx tsx`
 * running an empty file (the floor of the repository's own `npx tsx synth`). Every case runs
 * several times, round-robin; the table shows medians and ratios.
 *
 * Targets (issue 9): the installed `nixjs synth` on the root config within 0.5× of `npx tsx`
 * running an empty file; reported too, its ratio to `node -e 0` (stretch: within 4×).
 * Issue 12: a generated fleet of 50 hosts × 20 containers (as many containers as the
 * single-host case, spread over hosts, with cross-host routes, deploy outputs and defaults)
 * synthesises in under 3 s; reported with its ratio to the 1,000-container case of the same run.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { packAndInstall } from "../test-support/packed-install.ts";
import { fleetHostNames, generatedConfig, generatedFleetConfig, HARDWARE_MODULE } from "../test-support/configs.ts";

const RUNS = Number(process.env["BENCH_RUNS"] ?? "9");
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

console.error("synth benchmark: packing and installing the packages (npm)…");
const install = packAndInstall();
const scratch = install.root;
const project = install.project;
const nixjs = join(project, "node_modules/.bin/nixjs");
copyFileSync(join(repo, "homelab.config.ts"), join(project, "homelab.config.ts"));
mkdirSync(join(project, "server"));
copyFileSync(join(repo, "test/golden/root-server/hardware-configuration.nix"), join(project, "server/hardware-configuration.nix"));
writeFileSync(join(project, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
writeFileSync(join(scratch, "empty.ts"), "");

/**
 * A project beside the installed one (its node_modules are found above it) holding the
 * generated 1,000-container config, as an ES module package or, without `"type"`, CommonJS.
 */
function bigProject(name: string, esm: boolean): string {
  const dir = join(project, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(esm ? { private: true, type: "module" } : { private: true })}\n`);
  // The generated config imports the workspace's sources by URL; here, the installed package.
  writeFileSync(join(dir, "homelab.config.ts"), generatedConfig(1000).replace(/from "file:[^"]+"/, 'from "@nixjs/homelab"'));
  // The machine's hardware module, which the config lists and users copy beside the tree.
  mkdirSync(join(dir, "server"));
  writeFileSync(join(dir, "server", "hardware-configuration.nix"), HARDWARE_MODULE);
  return dir;
}
const big = bigProject("big", true);
const bigCjs = bigProject("big-cjs", false);

/** The fleet's shape: 50 hosts × 20 containers, as many containers as the single-host case. */
const FLEET = { hosts: 50, perHost: 20 } as const;

/** A project beside the installed one holding the generated fleet, with every host's hardware module and secret. */
function fleetProject(name: string): string {
  const dir = join(project, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
  writeFileSync(join(dir, "homelab.config.ts"), generatedFleetConfig(FLEET.hosts, FLEET.perHost).replace(/from "file:[^"]+"/, 'from "@nixjs/homelab"'));
  writeUserFiles(join(dir, "server"));
  return dir;
}
/** Each fleet host's hardware module (under `hosts/<host>/`) and encrypted secret, which the user keeps there. */
function writeUserFiles(server: string): void {
  mkdirSync(join(server, "secrets"), { recursive: true });
  for (const host of fleetHostNames(FLEET.hosts)) {
    mkdirSync(join(server, "hosts", host), { recursive: true });
    writeFileSync(join(server, "hosts", host, "hardware-configuration.nix"), HARDWARE_MODULE);
    writeFileSync(join(server, "secrets", `app-${host}.age`), "");
  }
}
const fleet = fleetProject("fleet");

interface Case {
  readonly name: string;
  readonly cwd: string;
  /** The command; called once per timed run. */
  readonly argv: () => readonly string[];
}

/**
 * A first synth writes into a directory that never existed, a new one for every run; nothing
 * is deleted until the benchmark ends. Deleting the previous output right before measures ext4
 * rather than synth: for about 30 s after a file is deleted, ext4 skips its inode when
 * allocating a new one (`recently_deleted()`), and every allocation rescans all the skipped
 * ones (seen with `perf`). Dirty data of earlier runs is flushed before each run (`sync`),
 * untimed, so that synth's own flush does not write it back.
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
  const [command, ...args] = c.argv();
  const start = performance.now();
  const r = spawnSync(command!, args, { cwd: c.cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - start;
  if (r.status === 0) return { ms };
  return { ms, error: (r.stderr.split("\n").find((l) => l.startsWith("error")) ?? `exit ${r.status}`).slice(0, 80) };
}

/**
 * Round-robin: every round runs every case once, so that a burst of load on the machine
 * slows all cases alike instead of one; the first round is a warm-up (the page cache, tsx's
 * transform cache) and is not counted.
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

const freshRoot = freshDir(join(project, "first"));
const freshBig = freshDir(join(big, "first"));
const freshBigCjs = freshDir(join(bigCjs, "first"));
const freshFleetDir = freshDir(join(fleet, "first"));
/** A fresh output directory for the fleet, with the files a user keeps there. */
const freshFleet = (): string => {
  const dir = freshFleetDir();
  writeUserFiles(dir);
  return dir;
};
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
spawnSync(nixjs, ["synth", "-q"], { cwd: project });
spawnSync(nixjs, ["synth", "-q"], { cwd: big });
spawnSync(nixjs, ["synth", "-q"], { cwd: fleet });
const fromSources = join(scratch, "from-sources");
spawnSync(npx, ["tsx", "synth", "-q", "--out", fromSources], { cwd: repo });

const cases: Case[] = [
  { name: "`node -e 0` (baseline)", cwd: project, argv: () => [process.execPath, "-e", "0"] },
  { name: "`npx tsx` empty file (baseline)", cwd: repo, argv: () => [npx, "tsx", join(scratch, "empty.ts")] },
  { name: "`nixjs --help`", cwd: project, argv: () => [nixjs, "--help"] },
  { name: "root config, first synth", cwd: project, argv: () => [nixjs, "synth", "--out", freshRoot()] },
  { name: "root config, re-synth (nothing changes)", cwd: project, argv: () => [nixjs, "synth"] },
  { name: "root config, `nixjs check`", cwd: project, argv: () => [nixjs, "check"] },
  { name: "root config, `npx nixjs check` (npx's own start included)", cwd: project, argv: () => [npx, "nixjs", "check"] },
  { name: "root config, re-synth from the repository's sources (`npx tsx synth`)", cwd: repo, argv: () => [npx, "tsx", "synth", "--out", fromSources] },
  { name: "1,000 containers, first synth", cwd: big, argv: () => [nixjs, "synth", "--out", freshBig()] },
  { name: "1,000 containers, re-synth (nothing changes)", cwd: big, argv: () => [nixjs, "synth"] },
  { name: "1,000 containers, `nixjs check`", cwd: big, argv: () => [nixjs, "check"] },
  { name: "1,000 containers, first synth, CommonJS package (no `\"type\"`)", cwd: bigCjs, argv: () => [nixjs, "synth", "--out", freshBigCjs()] },
  { name: `fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers, first synth`, cwd: fleet, argv: () => [nixjs, "synth", "--out", freshFleet()] },
  { name: `fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers, re-synth (nothing changes)`, cwd: fleet, argv: () => [nixjs, "synth"] },
  { name: `fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers, \`nixjs check\``, cwd: fleet, argv: () => [nixjs, "check"] },
];
/** Where the cases the targets read are, by name (so adding a case moves nothing). */
const caseIndex = (name: string): number => cases.findIndex((c) => c.name === name);

const results = measure(cases);
const [nodeFloor, tsxFloor] = [results[0]!.median, results[1]!.median];

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
writeFileSync(join(big, "phases.config.ts"), generatedConfig(1000));
writeFileSync(join(fleet, "phases.config.ts"), generatedFleetConfig(FLEET.hosts, FLEET.perHost));
const phaseTables = [
  ["root config", join(repo, "homelab.config.ts"), "root"] as const,
  // phases.ts runs the sources: the config imports them too (by URL), not the installed copy.
  ["1,000 containers", join(big, "phases.config.ts"), "big"] as const,
  [`fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers`, join(fleet, "phases.config.ts"), "fleet"] as const,
].map(([name, config, tag]) => ({ name, ...phases(config, tag) }));
rmSync(scratch, { recursive: true, force: true });

console.log(`synth benchmark: median of ${RUNS} rounds (after one warm-up round), node ${process.version}; the installed packages (npm), bin run directly\n`);
console.log("| case | wall time (ms) | vs `node -e 0` | vs `npx tsx` empty | status |");
console.log("| --- | ---: | ---: | ---: | --- |");
cases.forEach((c, i) => {
  const { median, error } = results[i]!;
  console.log(`| ${c.name} | ${median.toFixed(0)} | ${(median / nodeFloor).toFixed(2)}× | ${(median / tsxFloor).toFixed(2)}× | ${error ? `FAILED: ${error}` : "ok"} |`);
});
const rootCheck = results[caseIndex("root config, `nixjs check`")]!.median;
console.log(`\nTarget: root config (\`nixjs check\`) within 0.5× of \`npx tsx\` empty: ${(rootCheck / tsxFloor).toFixed(2)}× (${rootCheck / tsxFloor <= 0.5 ? "met" : "NOT met"}); vs \`node -e 0\`: ${(rootCheck / nodeFloor).toFixed(2)}× (stretch 4×: ${rootCheck / nodeFloor <= 4 ? "met" : "not met"}).`);
const single = results[caseIndex("1,000 containers, first synth")]!.median;
const fleetFirst = results[caseIndex(`fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers, first synth`)]!.median;
console.log(`Target (issue 12): a fleet of ${FLEET.hosts} hosts × ${FLEET.perHost} containers, first synth, under 3 s: ${(fleetFirst / 1000).toFixed(2)} s (${fleetFirst < 3000 ? "met" : "NOT met"}); ${(fleetFirst / single).toFixed(2)}× the single host with 1,000 containers (${(single / 1000).toFixed(2)} s).`);
for (const table of phaseTables) {
  console.log(`\nPhases of one synth, ${table.name} (${table.files} files; in-process, from the sources, fresh process each run, median ms):\n`);
  console.log("| phase | ms |");
  console.log("| --- | ---: |");
  for (const [name, ms] of table.rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
}
