import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatWithNixfmt, nixfmtFromEnv } from "../../test-support/nixfmt.ts";
import { conformance, conformanceRate, describeMismatch, shrinkMismatch } from "../../test-support/nixfmt-conformance.ts";

/**
 * The real nixfmt 1.4.0 judges the layout: printed trees must be nixfmt fixed points
 * (`nixfmt -w 100` leaves them byte for byte as they are). The binary is found through the
 * environment variable `NIXFMT` (an absolute path; `.ci/run` sets it when
 * `../shared/tools/nixfmt/nixfmt` exists). nixfmt is deterministic: the same text gives the
 * same output (it needs libgmp and libffi at run time, nothing else).
 */

const repo = fileURLToPath(new URL("../../../..", import.meta.url));
const found = nixfmtFromEnv();
const skipped = typeof found === "string" ? undefined : found.reason;
if (skipped !== undefined) console.warn(`\n*** nixfmt conformance tests SKIPPED: ${skipped} ***\n`);
const binary = typeof found === "string" ? found : "";

/** Random trees checked, and the share that must be fixed points. */
const RUNS = 2000;
const MIN_RATE = 0.99;

/** Every `.nix` file below `dir`, sorted. */
function nixFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".nix"))
    .sort()
    .map((f) => join(dir, f));
}

/** The trees synth writes into the repository (see `test/committed-trees.test.ts`). */
function generatedFiles(): string[] {
  const examples = readdirSync(join(repo, "examples"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(repo, "examples", d.name, "server"));
  return [...examples, join(repo, "test/golden/root-server")].flatMap(nixFiles);
}

describe.skipIf(skipped !== undefined)(
  `print lays Nix out as nixfmt 1.4.0 does${skipped === undefined ? "" : ` — SKIPPED: ${skipped}`}`,
  () => {
    it(`at least ${MIN_RATE * 100} % of ${RUNS} seeded random trees are nixfmt fixed points`, () => {
      const report = conformance(binary, RUNS);
      // Left out of the rate: trees where nixfmt itself is not idempotent (our text is its
      // own output for the tree on one line, and it changes that output again).
      const rate = conformanceRate(report);
      // The smallest failing cases, shrunk, say what to fix.
      const examples = report.mismatches.slice(0, 3).map((m) => describeMismatch(shrinkMismatch(binary, m, 30)));
      const counted = report.total - report.unstable.length;
      const summary = `${report.conforming}/${counted} fixed points (${(rate * 100).toFixed(2)} %; ${report.unstable.length} left out where nixfmt is not idempotent)`;
      expect(rate, `${summary}; smallest failing cases:\n\n${examples.join("\n\n")}`).toBeGreaterThanOrEqual(MIN_RATE);
      // The class left out stays rare.
      expect(report.unstable.length, summary).toBeLessThanOrEqual(RUNS / 200);
    });

    it("every generated file of the repository is a nixfmt fixed point", () => {
      const files = generatedFiles();
      expect(files.length).toBeGreaterThan(0);
      const texts = files.map((f) => readFileSync(f, "utf8"));
      const results = formatWithNixfmt(binary, texts);
      const changed = files.filter((_, i) => {
        const r = results[i];
        return r === undefined || !r.ok || r.text !== texts[i];
      });
      expect(changed.map((f) => f.slice(repo.length))).toEqual([]);
    });
  },
);

