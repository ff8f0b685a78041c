import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixNode } from "../ast/index.ts";
import { print, type PrintOptions } from "../print/index.ts";
import { nixExpr, nixFile } from "../../test-support/ast-arbitraries.ts";
import { cloneTree } from "../../test-support/clone.ts";
import { data, type Data } from "../../test-support/data-arbitraries.ts";
import { checkBatches } from "../../test-support/fc-options.ts";
import { reference } from "../../test-support/reference.ts";
import { overlongLines } from "../../test-support/width.ts";
import { toNix } from "../to-nix/index.ts";

/**
 * Properties (issue 2, item 4): printing is deterministic, and the width limit holds except
 * for unbreakable tokens (see `testing/width.ts` for the exact rule). No Nix needed.
 */
const trees: fc.Arbitrary<NixNode> = fc.oneof(nixExpr(5), nixFile(4));

/** The same data with every object's keys inserted in reverse order. */
function reversed(value: Data): Data {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return (value as readonly Data[]).map(reversed);
  const out: Record<string, Data | undefined> = {};
  for (const key of Object.keys(value).reverse()) {
    const v = (value as Record<string, Data | undefined>)[key];
    Object.defineProperty(out, key, { value: v === undefined ? v : reversed(v), enumerable: true });
  }
  return out;
}

function expectWithinWidth(tree: NixNode, options: PrintOptions = {}): void {
  const printed = print(tree, options);
  const bad = overlongLines(printed, options.width ?? 100);
  expect(bad, `printed as:\n${printed}\nreference:\n${reference(tree)}`).toEqual([]);
}

describe("printing is deterministic", () => {
  it("same tree, same bytes; an equal tree made of other objects, same bytes", () => {
    checkBatches(fc.array(trees, { minLength: 100, maxLength: 100 }), 10, (batch) => {
      for (const tree of batch) {
        const first = print(tree);
        expect(print(tree)).toBe(first);
        expect(print(cloneTree(tree))).toBe(first);
      }
    });
  });

  it("toNix output does not depend on the order keys were declared in", () => {
    checkBatches(fc.array(data(5), { minLength: 100, maxLength: 100 }), 10, (batch) => {
      for (const value of batch) expect(print(toNix(reversed(value)))).toBe(print(toNix(value)));
    });
  });
});

describe("printed text is well-formed", () => {
  it("ends with exactly one newline and starts with no blank line", () => {
    checkBatches(fc.array(trees, { minLength: 100, maxLength: 100 }), 5, (batch) => {
      for (const tree of batch) {
        const printed = print(tree);
        expect(printed.endsWith("\n") && !printed.endsWith("\n\n"), printed).toBe(true);
        expect(printed.startsWith("\n"), printed).toBe(false);
      }
    });
  });
});

describe("the width limit holds except for unbreakable tokens", () => {
  it("arbitrary trees at the default width", () => {
    checkBatches(fc.array(trees, { minLength: 100, maxLength: 100 }), 10, (batch) => batch.forEach((t) => expectWithinWidth(t)));
  });

  it("arbitrary data at the default width", () => {
    checkBatches(fc.array(data(5), { minLength: 100, maxLength: 100 }), 10, (batch) =>
      batch.forEach((v) => expectWithinWidth(toNix(v))),
    );
  });

  it("other widths and indentations", () => {
    const options = fc.record({ width: fc.constantFrom(40, 60, 80), indent: fc.constantFrom(2, 4) });
    checkBatches(fc.array(fc.tuple(trees, options), { minLength: 100, maxLength: 100 }), 5, (batch) =>
      batch.forEach(([t, o]) => expectWithinWidth(t, o)),
    );
  });
});

describe("depth", () => {
  it("toNix and print handle 10,000 levels of nesting (no stack overflow)", () => {
    let list: unknown = 1;
    let object: unknown = 1;
    for (let i = 0; i < 10_000; i++) {
      list = [list];
      object = { a: object, b: i % 2 === 0 };
    }
    const printedList = print(toNix(list));
    expect(printedList.split("[").length - 1).toBe(10_000);
    expect(printedList.split("]").length - 1).toBe(10_000);
    const printedObject = print(toNix(object));
    expect(printedObject.split("{").length - 1).toBe(10_000);
    expect(print(toNix(object, { collapse: false }))).toBe(printedObject);
  });
});
