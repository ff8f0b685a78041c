import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { Golden } from "../../test-support/golden/check.ts";
import { print } from "../print/index.ts";
import { parse } from "./index.ts";

/*
 * `print(parse(text)) === text` for every text the printer wrote: the generated trees of the
 * repository, the printer's golden module, and the expected outputs of its golden tests.
 */

/**
 * Goldens whose text has parentheses around a node the parser does not give back: the
 * int64 minimum (no literal: `(-9223372036854775807 - 1)` is a subtraction, printed bare at
 * the top) and `raw` text (parenthesised whatever it holds: `(x)` reads back as `x`).
 */
const NOT_READ_BACK = new Set(["int64 min has no literal", "raw text is parenthesised below a full expression"]);

// The golden test files hand their goldens to `goldenTests`: instead of the printer's checks,
// each golden becomes a test that its expected text reads back (under the file's own suite).
vi.mock("../../test-support/golden/check.ts", async () => {
  const vitest = await import("vitest");
  const printer = await import("../print/index.ts");
  const parser = await import("./index.ts");
  return {
    goldenTests: (list: readonly Golden[]) => {
      for (const g of list) {
        if (NOT_READ_BACK.has(g.name)) continue;
        vitest.it(`reads back: ${g.name}`, () => {
          vitest.expect(printer.print(parser.parse(g.expected, { unplacedComments: "error" }), g.options)).toBe(g.expected);
        });
      }
    },
  };
});
await import("../print/golden-collections.test.ts");
await import("../print/golden-control.test.ts");
await import("../print/golden-functions.test.ts");
await import("../print/golden-literals.test.ts");
await import("../print/golden-nixfmt.test.ts");

const root = fileURLToPath(new URL("../../../..", import.meta.url));

function nixFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".nix"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const generated = [
  ...readdirSync(join(root, "examples"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => nixFiles(join(root, "examples", e.name, "server"))),
  ...nixFiles(join(root, "test/golden/root-server")),
  join(root, "packages/expr-printer/test-support/golden/module.nix"),
];

describe("print(parse(text)) is the text, for every file the printer wrote", () => {
  it("finds the generated files", () => {
    expect(generated.length).toBeGreaterThan(20);
  });
  for (const file of generated) {
    it(relative(root, file), () => {
      const text = readFileSync(file, "utf8");
      expect(print(parse(text, { unplacedComments: "error" }))).toBe(text);
    });
  }
  it("the goldens not read back differ only by those parentheses", () => {
    expect(print(parse("(-9223372036854775807 - 1)\n"))).toBe("-9223372036854775807 - 1\n");
    expect(print(parse("[\n  (1 + 2)\n  (f (x))\n]\n"))).toBe("[\n  (1 + 2)\n  (f x)\n]\n");
  });
});
