import fc from "fast-check";
import { describe, it } from "vitest";
import { nixExpr, nixFile } from "../../test-support/ast-arbitraries.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { expectSameStructure } from "../../test-support/structure.ts";

/**
 * Property (issue 2, item 4): every printed tree parses, and Nix parses it to the same
 * structure as the independent, fully parenthesised reference rendering of the tree
 * (`testing/reference.ts`). The `--parse` texts are compared after `normalizeParse`, which
 * equates the two spellings of one string (`''…''` chunks vs `"…"`) and of one path
 * (`./a/b` vs `./. + "/a/b"`); string and path values themselves are checked by evaluation
 * in `lexical/*.test.ts` and by the round-trip property.
 */
describe("print(tree) parses to the tree's structure (real Nix --parse)", () => {
  it("arbitrary expressions: every node kind, random nesting, adversarial names, strings, paths", () => {
    checkBatches(fc.array(nixExpr(5), { minLength: 200, maxLength: 200 }), 10, expectSameStructure);
  });

  it("arbitrary files: header comments and comments on bindings and list items", () => {
    checkBatches(fc.array(nixFile(4), { minLength: 150, maxLength: 150 }), 4, expectSameStructure);
  });
});
