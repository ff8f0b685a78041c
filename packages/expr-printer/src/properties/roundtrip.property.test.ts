import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixNode } from "../ast/index.ts";
import { print } from "../print/index.ts";
import { reference } from "../../test-support/reference.ts";
import { data, deep, type Data } from "../../test-support/data-arbitraries.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { evaluateAgainst, expectedTags } from "../../test-support/value-check.ts";
import { toNix } from "../to-nix/index.ts";

/**
 * Property (issue 2, item 4): for arbitrary JSON-like values, the printed Nix evaluates to
 * exactly the value. Hundreds of values per Nix call; floats compared inside Nix, everything
 * else (types, strings, integers, keys) exactly.
 */
function roundTrips(render: (tree: NixNode) => string, values: readonly Data[], collapse = true): void {
  const printed = values.map((v) => render(toNix(v, { collapse })));
  const results = evaluateAgainst(values, printed);
  results.forEach(([equal, tags], i) => {
    const context = `value ${i}, printed as:\n${printed[i]}`;
    expect(tags, context).toEqual(expectedTags(values[i] as Data));
    expect(equal, context).toBe(true);
  });
}

const batch = (arb: fc.Arbitrary<Data>, size: number): fc.Arbitrary<Data[]> =>
  fc.array(arb, { minLength: size, maxLength: size });

describe("toNix + reference renderer round-trip (checks toNix and the harness, without the printer)", () => {
  it("arbitrary values", () => {
    checkBatches(batch(data(4), 300), 4, (values) => roundTrips(reference, values));
  });
});

describe("print(toNix(v)) evaluates back to v (real Nix)", () => {
  it("arbitrary JSON-like values with adversarial strings, keys and numbers", () => {
    checkBatches(batch(data(4), 300), 10, (values) => roundTrips(print, values));
  });

  it("the same without collapsing attribute paths", () => {
    checkBatches(batch(data(4), 300), 3, (values) => roundTrips(print, values, false));
  });

  it("deep nesting (hundreds of levels of lists and single-member objects)", () => {
    checkBatches(batch(deep(400), 40), 3, (values) => roundTrips(print, values));
  });
});
