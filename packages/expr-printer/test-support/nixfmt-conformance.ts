import { pathToFileURL } from "node:url";
import fc from "fast-check";
import type { NixNode } from "../src/ast/index.ts";
import { print } from "../src/print/index.ts";
import { nixExpr, nixFile } from "./ast-arbitraries.ts";
import { formatWithNixfmt, nixfmtFromEnv, type NixfmtResult } from "./nixfmt.ts";
import { reference } from "./reference.ts";
import { shrinkCandidates } from "./shrink.ts";

/**
 * Conformance of `print` with the real nixfmt: random syntax trees (the project's own
 * arbitraries: expressions, and files with header comments and comments on bindings and
 * items) printed at width 100, then formatted by nixfmt, all in one nixfmt process. A tree
 * conforms when nixfmt leaves its printed text byte for byte as it is (a fixed point).
 *
 * Run it to explore (it prints the smallest failing cases, shrunk):
 * `NIXFMT=/abs/path/nixfmt npx tsx packages/expr-printer/test-support/nixfmt-conformance.ts --runs 2000`
 */

/** The seed of the conformance test and of the CLI's default run. */
export const CONFORMANCE_SEED = 20_260_521;

/** The trees checked: expressions up to 5 levels deep, and whole files up to 4. */
export const conformanceTrees: fc.Arbitrary<NixNode> = fc.oneof(nixExpr(5), nixFile(4));

/** A tree whose printed text nixfmt changes (or cannot parse). */
export interface Mismatch {
  readonly tree: NixNode;
  readonly printed: string;
  /** nixfmt's text, or its error message when it could not parse ours. */
  readonly nixfmt: string;
  readonly parseError: boolean;
}

/** The outcome of a conformance run. */
export interface ConformanceReport {
  readonly total: number;
  readonly conforming: number;
  /** Failing cases, smallest printed text first. */
  readonly mismatches: readonly Mismatch[];
  /**
   * Cases left out of the rate, where nixfmt itself is not idempotent: the printed text is
   * exactly nixfmt's own output for the tree written on as few lines as possible (printed at
   * an unbounded width), and nixfmt changes that output again.
   */
  readonly unstable: readonly Mismatch[];
}

/**
 * The share of fixed points, the cases where nixfmt is not idempotent left out.
 * @example conformanceRate(conformance("/abs/nixfmt", 2000)) // 1
 */
export function conformanceRate(report: ConformanceReport): number {
  const counted = report.total - report.unstable.length;
  return counted === 0 ? 1 : report.conforming / counted;
}

function mismatch(tree: NixNode, printed: string, result: NixfmtResult): Mismatch | undefined {
  if (result.ok) return result.text === printed ? undefined : { tree, printed, nixfmt: result.text, parseError: false };
  return { tree, printed, nixfmt: result.error, parseError: true };
}

/** Width at which a tree prints on as few lines as the syntax allows. */
const UNBOUNDED = 1_000_000;

/**
 * Prints every tree and compares with nixfmt's output, with one nixfmt process for all (and
 * one more for the failing cases, to tell those where nixfmt is not idempotent).
 * @example checkTrees("/abs/nixfmt", [n.list([1, 2])]).conforming // 1
 */
export function checkTrees(binary: string, trees: readonly NixNode[], width = 100): ConformanceReport {
  const printed = trees.map((t) => print(t, { width }));
  const results = formatWithNixfmt(binary, printed, width);
  const failing: Mismatch[] = [];
  trees.forEach((tree, i) => {
    const m = mismatch(tree, printed[i] as string, results[i] as NixfmtResult);
    if (m !== undefined) failing.push(m);
  });
  const laidOut = failing.filter((m) => !m.parseError);
  const own = formatWithNixfmt(binary, laidOut.map((m) => print(m.tree, { width: UNBOUNDED })), width);
  const unstable = laidOut.filter((m, i) => {
    const r = own[i];
    return r !== undefined && r.ok && r.text === m.printed;
  });
  const mismatches = failing.filter((m) => !unstable.includes(m));
  mismatches.sort((a, b) => a.printed.length - b.printed.length);
  return { total: trees.length, conforming: trees.length - failing.length, mismatches, unstable };
}

/**
 * `runs` random trees from `seed` (deterministic: same seed, same trees), checked.
 * @example conformance("/abs/nixfmt", 1000).conforming / 1000 // ≥ 0.99
 */
export function conformance(binary: string, runs: number, seed = CONFORMANCE_SEED, width = 100): ConformanceReport {
  return checkTrees(binary, fc.sample(conformanceTrees, { numRuns: runs, seed }), width);
}

function printable(tree: NixNode, width: number): string | undefined {
  try {
    return print(tree, { width });
  } catch {
    return undefined;
  }
}

/**
 * Shrinks a failing case: repeatedly replaces it by its smallest one-step-smaller variant
 * (see `shrink.ts`) that still fails the same way, checking each step's variants with one
 * nixfmt process, until none fails.
 * @example shrinkMismatch("/abs/nixfmt", report.mismatches[0])
 */
export function shrinkMismatch(binary: string, found: Mismatch, maxSteps = 200, width = 100): Mismatch {
  let best = found;
  for (let step = 0; step < maxSteps; step++) {
    const seen = new Set<string>();
    const trees: NixNode[] = [];
    for (const candidate of shrinkCandidates(best.tree)) {
      const text = printable(candidate, width);
      if (text === undefined || text.length > best.printed.length || seen.has(text) || text === best.printed) continue;
      seen.add(text);
      trees.push(candidate);
    }
    if (trees.length === 0) return best;
    const next = checkTrees(binary, trees, width).mismatches.find((m) => m.parseError === found.parseError);
    if (next === undefined) return best;
    best = next;
  }
  return best;
}

/**
 * A failing case for a reader: the tree (reference rendering), our text, nixfmt's.
 * @example console.log(describeMismatch(report.mismatches[0]))
 */
export function describeMismatch(m: Mismatch): string {
  const fence = (s: string): string => s.replace(/\n$/, "").replace(/^/gm, "  | ");
  return [
    `tree:   ${reference(m.tree).slice(0, 2000)}`,
    `print:\n${fence(m.printed)}`,
    `${m.parseError ? "nixfmt error" : "nixfmt"}:\n${fence(m.nixfmt)}`,
  ].join("\n");
}

/**
 * Options of the command line: `--runs N`, `--seed S`, `--width W`, `--show K` (cases shown),
 * `--no-shrink`.
 */
function cliOptions(args: readonly string[]): { runs: number; seed: number; width: number; show: number; shrink: boolean } {
  const value = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    const v = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${name} needs a whole number`);
    return v;
  };
  return {
    runs: value("--runs", 1000),
    seed: value("--seed", CONFORMANCE_SEED),
    width: value("--width", 100),
    show: value("--show", 10),
    shrink: !args.includes("--no-shrink"),
  };
}

function main(): void {
  const binary = nixfmtFromEnv();
  if (typeof binary !== "string") {
    console.error(`nixfmt conformance: ${binary.reason}`);
    process.exitCode = 2;
    return;
  }
  const { runs, seed, width, show, shrink } = cliOptions(process.argv.slice(2));
  const report = conformance(binary, runs, seed, width);
  const counted = report.total - report.unstable.length;
  const rate = (100 * conformanceRate(report)).toFixed(2);
  console.log(`${report.conforming}/${counted} trees are nixfmt fixed points (${rate} %), seed ${seed}, width ${width}`);
  console.log(`${report.unstable.length} left out: nixfmt is not idempotent on them (see ConformanceReport.unstable)`);
  for (const m of report.unstable.slice(0, show)) console.log(`\nnixfmt not idempotent:\n${describeMismatch(m)}`);
  const shown = new Set<string>();
  for (const m of report.mismatches) {
    if (shown.size >= show) break;
    const small = shrink ? shrinkMismatch(binary, m, 200, width) : m;
    // Different random trees often shrink to the same case: show each once.
    if (shown.has(small.printed)) continue;
    shown.add(small.printed);
    console.log(`\n#${shown.size} (printed ${m.printed.length} chars, shrunk to ${small.printed.length})\n${describeMismatch(small)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
