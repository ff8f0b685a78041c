/**
 * Benchmark: print a large generated homelab configuration (≥ 5 MB of Nix) and compare with
 * `JSON.stringify(sameData, null, 2)` measured in the same run. Prints a markdown table.
 * Run: `npx tsx packages/expr-printer/bench/print.bench.ts` (optional: target MB, rounds).
 *
 * `JSON.stringify` and `print(ast)` run alternately, so that a burst of load on the machine
 * slows both alike; medians per case. The last row prints without the direct emitter
 * (`print/direct/`): the general doc-IR path alone, for comparison.
 */
import { print, toNix } from "../src/index.ts";
import { printWith } from "../src/print/index.ts";
import { homelabData } from "./homelab-data.ts";

const targetMb = Number(process.argv[2] ?? "5");
const rounds = Number(process.argv[3] ?? "11");
const WARMUP = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// Sized so that the *Nix* output is at least targetMb (Nix text is a bit smaller than JSON).
const data = homelabData(targetMb * 1_250_000);
const ast = toNix(data);
const nix = print(ast);
const json = JSON.stringify(data, null, 2);
if (printWith(ast, {}, false) !== nix) throw new Error("the direct emitter and the general printer disagree");

/** Median wall time (ms) of each case: `rounds` rounds, each running every case once. */
function roundRobin(cases: readonly (() => unknown)[]): number[] {
  const times = cases.map(() => [] as number[]);
  for (let round = 0; round < WARMUP + rounds; round++) {
    cases.forEach((fn, i) => {
      const start = performance.now();
      fn();
      const ms = performance.now() - start;
      if (round >= WARMUP) (times[i] as number[]).push(ms);
    });
  }
  return times.map(median);
}

// The headline pair alternates, so that load on the machine hits both alike; the other cases
// (which leave much more garbage behind: a whole AST per run) are measured after it.
const [tJson, tPrint] = roundRobin([() => JSON.stringify(data, null, 2), () => print(ast)]) as [number, number];
const [tBoth] = roundRobin([() => print(toNix(data))]) as [number];
const [tToNix] = roundRobin([() => toNix(data)]) as [number];
const [tGeneral] = roundRobin([() => printWith(ast, {}, false)]) as [number];

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const mb = (n: number): string => (n / 1e6).toFixed(2);
const rate = (size: number, ms: number): string => `${(size / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

console.log(`Node ${process.version}, medians of ${rounds} runs after ${WARMUP} warm-up runs (JSON and print(ast) alternating)\n`);
console.log("| step | output | time | throughput | vs JSON.stringify |");
console.log("|---|---|---|---|---|");
const row = (name: string, size: number, ms: number): void => {
  const output = size === 0 ? "(AST)" : `${mb(size)} MB`;
  console.log(`| ${name} | ${output} | ${ms.toFixed(1)} ms | ${size === 0 ? "" : rate(size, ms)} | ${(ms / tJson).toFixed(2)}× |`);
};
row("`JSON.stringify(data, null, 2)`", bytes(json), tJson);
row("`print(ast)`", bytes(nix), tPrint);
row("`print(toNix(data))`", bytes(nix), tBoth);
row("`toNix(data)`", 0, tToNix);
row("`print(ast)`, general path only", bytes(nix), tGeneral);
console.log(`\nTarget: print(ast) ≤ 3× JSON.stringify → ${tPrint / tJson <= 3 ? "met" : "not met"} (${(tPrint / tJson).toFixed(2)}×).`);
