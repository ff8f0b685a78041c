/**
 * Draws `docs/topology/<example>.svg` for every example (`npx tsx scripts/topology-pictures.ts`),
 * or with `--check` writes nothing and exits 1 naming the pictures that are stale or missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// `@nixjs/*` from their sources, as `synth.ts` does (no build needed).
register("./source-condition.mjs", import.meta.url);
const { examplePictures } = await import("../packages/synth/src/graph/pictures.ts");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const p of await examplePictures(root)) {
  const file = join(root, p.path);
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === p.svg) continue;
  stale.push(p.path);
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, p.svg);
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`stale: ${stale.join(", ")}\nRun: npx tsx scripts/topology-pictures.ts\n`);
  process.exitCode = 1;
} else {
  process.stderr.write(stale.length === 0 ? "topology pictures: up to date\n" : `topology pictures: wrote ${stale.join(", ")}\n`);
}
