import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, isDiagnosticCode } from "./codes.ts";

/** The rows of the README's table of codes: `| \`code\` | severity | meaning |`. */
function readmeRows(): Map<string, { severity: string; summary: string }> {
  const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Diagnostics"), readme.indexOf("\n## ", readme.indexOf("## Diagnostics") + 1));
  const rows = new Map<string, { severity: string; summary: string }>();
  for (const m of section.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (.+) \|$/gm)) {
    expect(rows.has(m[1]!), `${m[1]} listed twice`).toBe(false);
    rows.set(m[1]!, { severity: m[2]!, summary: m[3]! });
  }
  return rows;
}

describe("the diagnostic code registry", () => {
  it("is what the README's table lists: every code, its severity and meaning, nothing else", () => {
    const rows = readmeRows();
    const registry = new Map(Object.entries(DIAGNOSTIC_CODES).map(([c, i]) => [c, { severity: i.severity, summary: i.summary }]));
    expect(rows.size).toBeGreaterThan(40);
    expect(rows).toEqual(registry);
  });

  it("recognises exactly the registered codes", () => {
    expect(isDiagnosticCode("port-conflict")).toBe(true);
    expect(isDiagnosticCode("toString")).toBe(false);
    expect(isDiagnosticCode("port-conflicts")).toBe(false);
  });
});
