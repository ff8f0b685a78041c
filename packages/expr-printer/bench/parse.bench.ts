/**
 * Benchmark: parse a large generated homelab configuration (≥ 5 MB of Nix, the text `print`
 * writes for the data of `print.bench.ts`) and compare, in the same run, with `print` of the
 * same tree and `JSON.parse` of the same data as JSON. Prints a markdown table.
 * Run: `npx tsx packages/expr-printer/bench/parse.bench.ts` (optional: target MB, rounds).
 *
 * The three cases run alternately, so that a burst of load on the machine slows all alike;
 * medians per case. `toNix(data)`, which builds the same AST from the plain data, is measured
 * after them for scale: parsing has to allocate that whole tree, printing reads it.
 */
import { parse, print, toNix } from "../src/index.ts";
import { homelabData } from "./homelab-data.ts";

const targetMb = Number(process.argv[2] ?? "5");
const rounds = Number(process.argv[3] ?? "11");
const WARMUP = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const data = homelabData(targetMb * 1_250_000);
const ast = toNix(data);
const nix = print(ast);
const json = JSON.stringify(data, null, 2);
// The parser reads back exactly what the printer wrote.
if (print(parse(nix)) !== nix) throw new Error("print(parse(text)) differs from the text");

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

const [tJson, tParse, tPrint] = roundRobin([() => JSON.parse(json), () => parse(nix), () => print(ast)]) as [number, number, number];
// Building the same tree from the plain data: what making the AST alone costs.
const [tToNix] = roundRobin([() => toNix(data)]) as [number];

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const mb = (n: number): string => (n / 1e6).toFixed(2);
const rate = (size: number, ms: number): string => `${(size / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

console.log(`Node ${process.version}, medians of ${rounds} runs after ${WARMUP} warm-up runs (the three cases alternating)\n`);
console.log("| step | input | time | throughput | vs JSON.parse | vs print |");
console.log("|---|---|---|---|---|---|");
const row = (name: string, size: number, ms: number): void => {
  console.log(`| ${name} | ${mb(size)} MB | ${ms.toFixed(1)} ms | ${rate(size, ms)} | ${(ms / tJson).toFixed(2)}× | ${(ms / tPrint).toFixed(2)}× |`);
};
row("`JSON.parse(json)`", bytes(json), tJson);
row("`parse(nix)`", bytes(nix), tParse);
row("`print(ast)` (writes the same text)", bytes(nix), tPrint);
console.log(`| \`toNix(data)\` (builds the same AST from the data) | | ${tToNix.toFixed(1)} ms | | ${(tToNix / tJson).toFixed(2)}× | ${(tToNix / tPrint).toFixed(2)}× |`);
console.log(`\nTarget: parse at least as fast as print → ${tParse <= tPrint ? "met" : "not met"} (${(tParse / tPrint).toFixed(2)}× the time of print).`);
