// Mutation testing (StrykerJS, vitest runner). `pnpm mutate:synth` mutates synth's disk code
// (write/, plan/, paths.ts, manifest.ts); another folder: `STRYKER_TARGET=<preset or folder>
// pnpm mutate`, e.g. `STRYKER_TARGET=packages/homelab/src/validate/checks pnpm mutate`. While
// iterating, mutate one file: `pnpm mutate:synth --mutate packages/synth/src/write/journal.ts`.
// Slow on 2 cores: a whole synth run takes tens of minutes.

/** Named targets: the files to mutate and the test files that may kill their mutants. */
const PRESETS = {
  synth: {
    mutate: [
      "packages/synth/src/write/**/*.ts",
      "packages/synth/src/plan/**/*.ts",
      "packages/synth/src/contain/**/*.ts",
      "packages/synth/src/paths.ts",
      "packages/synth/src/manifest.ts",
      "packages/synth/src/header.ts",
    ],
    // Tests that run synth in a child process (the crash test, process.test, *.spawn.test,
    // e2e/) are left out: a mutant is active only in Stryker's own test process, so they
    // cannot kill one, and they take minutes.
    testFiles: ["packages/synth/src/*.test.ts", "packages/synth/src/!(e2e)/**/!(crash|process|*.spawn).test.ts"],
  },
  checks: { mutate: ["packages/homelab/src/validate/checks/**/*.ts"], testFiles: ["packages/homelab/src/**/*.test.ts"] },
  lexical: { mutate: ["packages/expr-printer/src/lexical/**/*.ts"], testFiles: ["packages/expr-printer/src/**/*.test.ts"] },
};

/** A preset's name, or a folder: its files are mutated, its package's tests run. */
function target(name) {
  if (name in PRESETS) return PRESETS[name];
  const folder = name.replace(/\/+$/, "");
  const pkg = /^packages\/[^/]+/.exec(folder)?.[0];
  if (pkg === undefined) throw new Error(`STRYKER_TARGET=${name}: expected a preset (${Object.keys(PRESETS).join(", ")}) or a folder under packages/`);
  return { mutate: [`${folder}/**/*.ts`], testFiles: [`${pkg}/src/**/*.test.ts`] };
}

const chosen = target(process.env.STRYKER_TARGET ?? "synth");

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // pnpm's strict node_modules hides the runner from Stryker's own plugin lookup: load it by path.
  plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.mjs", related: false },
  mutate: [...chosen.mutate, "!**/*.test.ts", "!**/test-support/**"],
  testFiles: chosen.testFiles,
  coverageAnalysis: "perTest",
  disableTypeChecks: false,
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: ".stryker-tmp",
  // Slow file-system tests on a busy 2-core machine: a generous margin before "timeout".
  timeoutMS: 20_000,
};
