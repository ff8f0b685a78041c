/**
 * Child script of synth.bench.ts: one synth of `argv[2]` (a config) into `argv[3]` (an output
 * directory, which should not exist), timing each phase in this fresh process; prints JSON.
 * Run as `node --import tsx phases.ts <config> <out>`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [configPath, outDir] = process.argv.slice(2) as [string, string];
const times: Record<string, number> = {};
let t = performance.now();
const lap = (name: string): void => {
  const now = performance.now();
  times[name] = now - t;
  t = now;
};

const synthCore = await import("../src/synth.ts");
const { readDisk } = await import("../src/plan/disk.ts");
const { planTree } = await import("../src/plan/plan.ts");
const { commitPlan } = await import("../src/write/commit.ts");
const { acquireLock, releaseLock } = await import("../src/write/lock.ts");
const { createOutDir } = await import("../src/contain/out-dir.ts");
lap("import synth");
const homelab = await import("@nixjs/homelab");
const { print } = await import("@nixjs/expr-printer");
lap("import @nixjs/homelab + printer");
const lab = ((await import(pathToFileURL(configPath).href)) as { default: Parameters<typeof homelab.validate>[0] }).default;
lap("evaluate the config");
homelab.validate(lab);
lap("validate");
// As synth does: validated above, so render does not validate again.
const rendered = homelab.render(lab, { ...synthCore.renderOptionsFor("homelab.config.ts", "server"), assumeValid: true });
lap("render");
const files = new Map([...rendered].map(([path, file]) => [path, print(file)]));
lap("print");
const root = createOutDir(outDir, "server");
const lock = await acquireLock(root);
if (lock.kind !== "acquired") throw new Error("locked");
const plan = planTree(files, await readDisk(root, files.keys()));
lap("read disk + plan");
await commitPlan(root, plan, lock.lock);
await releaseLock(root, lock.lock);
lap("stage + commit + apply");
process.stdout.write(`${JSON.stringify({ files: files.size, times })}\n`);
