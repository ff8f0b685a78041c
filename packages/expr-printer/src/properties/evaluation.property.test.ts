import { evalAll } from "@nixjs/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { print } from "../print/index.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { reference } from "../../test-support/reference.ts";
import { typedExpr, type NixType } from "../../test-support/typed-arbitraries.ts";

/**
 * Property (issue 2, item 4, "evaluate where evaluation is possible"): closed, well-typed
 * trees mixing every operator with `let`, `with`, `if`, `assert`, lambdas, calls, `or`, `?`,
 * `rec`, `inherit` and interpolation evaluate to the same value printed as when rendered by
 * the fully parenthesised reference. Compared with Nix's `==` (exact: integers only).
 */
function sameValue(trees: readonly NixExpr[]): void {
  const items = trees.map((t) => `let printed = (\n${print(t)}\n); expected = (\n${reference(t)}\n); in printed == expected`);
  const results = evalAll(items);
  results.forEach((equal, i) => {
    expect(equal, `tree ${i}, printed as:\n${print(trees[i] as NixExpr)}\nreference:\n${reference(trees[i] as NixExpr)}`).toBe(true);
  });
}

describe("printed closed expressions evaluate like the reference rendering (real Nix)", () => {
  const types: readonly NixType[] = ["int", "bool", "string", "list", "attrs"];
  for (const type of types) {
    it(`${type} expressions`, () => {
      checkBatches(fc.array(typedExpr(type, 5), { minLength: 150, maxLength: 150 }), 3, sameValue);
    });
  }
});
