/**
 * Test-only helpers of `@nixjs/expr-printer` (not part of the package's public API): AST and
 * data arbitraries for fast-check, the independent reference renderer, and the Nix-backed
 * comparisons the property tests use. Import from here in any test of the workspace.
 */
export { BINDER_NAMES, nixExpr, nixFile, staticName, VARIABLE_NAMES } from "./ast-arbitraries.ts";
export { cloneTree } from "./clone.ts";
export { data, deep, numbers, type Data } from "./data-arbitraries.ts";
export { checkBatches, fcOptions } from "./fc-options.ts";
export { parseEach } from "./nix-batch.ts";
export { printedForm } from "./printed-form.ts";
export { nixSource } from "./source-arbitraries.ts";
export { formatWithNixfmt, nixfmtFromEnv, type NixfmtResult } from "./nixfmt.ts";
export {
  checkTrees,
  conformance,
  conformanceRate,
  describeMismatch,
  shrinkMismatch,
  type ConformanceReport,
  type Mismatch,
} from "./nixfmt-conformance.ts";
export { shrinkCandidates } from "./shrink.ts";
export { normalizeParse, splitParsedList } from "./parse-normal.ts";
export { reference, referenceString } from "./reference.ts";
export { renderDoubleQuoted, renderIndented } from "./render-strings.ts";
export { expectSameStructure, printOrExplain } from "./structure.ts";
export { adversarialParts, adversarialText, INTERPOLATION, linesText, TRICKY_PIECES } from "./text.ts";
export { typedExpr, type NixType } from "./typed-arbitraries.ts";
export { evaluateAgainst, exactJson, expectedTags, type Tagged } from "./value-check.ts";
export { overlongLines, type OverlongLine } from "./width.ts";
