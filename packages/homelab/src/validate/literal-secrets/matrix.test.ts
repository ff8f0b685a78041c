import { describe, expect, test } from "vitest";
import { classifyCommandLine, classifyTemplate, classifyValue } from "./index.ts";
import type { Case, Expect, Row } from "../../../test-support/validate/literal-secrets/matrix.ts";
import { NEGATIVE } from "../../../test-support/validate/literal-secrets/matrix-negative.ts";
import { POSITIVE } from "../../../test-support/validate/literal-secrets/matrix-positive.ts";
import type { LiteralSecretFinding } from "./types.ts";

/** What the detector says for one case: the severity, and for command lines the argument index. */
function run(c: Case): { severity: Expect; index?: number; finding?: LiteralSecretFinding } {
  switch (c.kind) {
    case "value":
    case "template": {
      const finding = c.kind === "value" ? classifyValue(c.path, c.value, c.context) : classifyTemplate(c.path, c.parts, c.context);
      return finding === undefined ? { severity: "none" } : { severity: finding.severity, finding };
    }
    case "command": {
      const found = classifyCommandLine(c.args);
      const first = found[0];
      return first === undefined ? { severity: "none" } : { severity: first.finding.severity, index: first.index, finding: first.finding };
    }
  }
}

/** `note — case`, the case cut short (test names stay readable; bigints print as numbers). */
function describeCase(row: Row): string {
  const json = JSON.stringify(row.case, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  return `${row.note} — ${json.length > 120 ? `${json.slice(0, 119)}…` : json}`;
}

describe("positive matrix: literal secrets and hashes are found", () => {
  test("the matrix is broad enough", () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(150);
  });

  test.each(POSITIVE.map((row) => [describeCase(row), row] as const))("%s", (_, row) => {
    const got = run(row.case);
    expect(got.severity).toBe(row.expect);
    if (row.case.kind === "command" && row.case.index !== undefined) expect(got.index).toBe(row.case.index);
    expect(got.finding?.code).toBe(row.expect === "error" ? "secret-literal" : "secret-hash-literal");
    expect(got.finding?.fix).not.toBe("");
  });

  test("detection rate over the whole matrix is at least 95 %", () => {
    const hits = POSITIVE.filter((row) => {
      const got = run(row.case);
      return got.severity === row.expect && (row.case.kind !== "command" || row.case.index === undefined || got.index === row.case.index);
    });
    const rate = hits.length / POSITIVE.length;
    expect(rate, `${hits.length}/${POSITIVE.length}`).toBeGreaterThanOrEqual(0.95);
  });
});

describe("negative matrix: nothing is flagged", () => {
  test("the matrix is broad enough", () => {
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(100);
  });

  test.each(NEGATIVE.map((row) => [describeCase(row), row] as const))("%s", (_, row) => {
    const got = run(row.case);
    expect(got.finding?.reason).toBeUndefined();
    expect(got.severity).toBe("none");
    if (row.case.kind === "command") expect(classifyCommandLine(row.case.args)).toEqual([]);
  });
});

describe("messages never repeat the secret", () => {
  test.each(POSITIVE.map((row) => [describeCase(row), row] as const))("%s", (_, row) => {
    const got = run(row.case);
    const text = `${got.finding?.reason ?? ""} ${got.finding?.fix ?? ""}`;
    for (const secret of ["hunter2", "abc123", "s3cret", "p4ss", "supersecret"]) expect(text).not.toContain(secret);
  });
});
