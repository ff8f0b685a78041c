/**
 * `pnpm bench`: runs every benchmark in its own Node process (so one cannot warm or pollute
 * another's heap and JIT), one after the other, and prints their markdown reports. Each
 * benchmark measures itself against a baseline taken in the same run and reports ratios,
 * so figures from different machines compare.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

const benches = [
  "packages/expr-printer/bench/print.bench.ts",
  "packages/expr-printer/bench/parse.bench.ts",
  "packages/homelab/bench/validate.bench.ts",
  "packages/synth/bench/synth.bench.ts",
];

let failed = false;
for (const bench of benches) {
  if (!existsSync(`${root}/${bench}`)) {
    console.error(`missing benchmark: ${bench}`);
    failed = true;
    continue;
  }
  console.log(`\n## ${bench}\n`);
  const result = spawnSync(process.execPath, ["--conditions=@nixjs/source", "--import", "tsx", bench], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
