/**
 * Benchmark: print a large generated homelab configuration (≥ 5 MB of Nix) and compare with
 * `JSON.stringify(sameData, null, 2)` measured in the same run. Prints a markdown table.
 * Run: `npx tsx packages/expr-printer/bench/print.bench.ts` (optional: target MB, iterations).
 */
import { print, toNix } from "../src/index.ts";
import { homelabData } from "./homelab-data.ts";

const targetMb = Number(process.argv[2] ?? "5");
const iterations = Number(process.argv[3] ?? "7");
const WARMUP = 2;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall time (ms) of `fn` over `iterations` runs after `WARMUP` warm-up runs. */
function measure(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

// Sized so that the *Nix* output is at least targetMb (Nix text is a bit smaller than JSON).
const data = homelabData(targetMb * 1_250_000);
const ast = toNix(data);
const nix = print(ast);
const json = JSON.stringify(data, null, 2);

const tJson = measure(() => JSON.stringify(data, null, 2));
const tPrint = measure(() => print(ast));
const tBoth = measure(() => print(toNix(data)));

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const mb = (n: number): string => (n / 1e6).toFixed(2);
const rate = (size: number, ms: number): string => `${(size / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
const row = (name: string, size: number, ms: number): string =>
  `| ${name} | ${mb(size)} MB | ${ms.toFixed(1)} ms | ${rate(size, ms)} | ${(ms / tJson).toFixed(2)}× |`;

console.log(`Node ${process.version}, median of ${iterations} runs after ${WARMUP} warm-up runs\n`);
console.log("| step | output | time | throughput | vs JSON.stringify |");
console.log("|---|---|---|---|---|");
console.log(row("`JSON.stringify(data, null, 2)`", bytes(json), tJson));
console.log(row("`print(ast)`", bytes(nix), tPrint));
console.log(row("`print(toNix(data))`", bytes(nix), tBoth));
console.log(`\nTarget: print(ast) ≤ 3× JSON.stringify → ${tPrint / tJson <= 3 ? "met" : "not met"} (${(tPrint / tJson).toFixed(2)}×).`);
