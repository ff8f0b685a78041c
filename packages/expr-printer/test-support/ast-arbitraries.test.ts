import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nixExpr, nixFile } from "./ast-arbitraries.ts";
import { fcOptions } from "./fc-options.ts";
import { parseEach } from "./nix-batch.ts";
import { reference } from "./reference.ts";

describe("AST arbitraries and the reference renderer", () => {
  it("generate only valid Nix: every reference rendering parses (under `with { };`)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nixExpr(5), nixFile(3)), { minLength: 300, maxLength: 300 }), (trees) => {
        const parsed = parseEach(trees.map((t) => `with { }; ${reference(t)}`));
        expect(parsed).toHaveLength(trees.length);
      }),
      fcOptions(3),
    );
  });

  it("cover every expression kind", () => {
    const kinds = new Set<string>();
    for (const tree of fc.sample(nixExpr(3), { numRuns: 2000, seed: 1 })) kinds.add(tree.kind);
    expect([...kinds].sort()).toEqual(
      ["apply", "assert", "attrs", "binary", "bool", "float", "hasAttr", "if", "indentedString", "int", "lambda", "let", "list", "null", "path", "raw", "searchPath", "select", "string", "unary", "with", "ident"].sort(),
    );
  });
});
