import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixExpr, NixNode } from "../../ast/index.ts";
import { n, node, type NixInput } from "../../build/index.ts";
import { NixValueError } from "../../errors.ts";
import { nixExpr, nixFile } from "../../../test-support/ast-arbitraries.ts";
import { data } from "../../../test-support/data-arbitraries.ts";
import { checkBatches } from "../../../test-support/fc-options.ts";
import { adversarialText, linesText } from "../../../test-support/text.ts";
import { toNix } from "../../to-nix/index.ts";
import { printWith, type PrintOptions } from "../index.ts";

/**
 * The direct emitter (`direct/`) writes the sets and lists nixfmt always expands without
 * building docs; the general printer builds and lays out docs for everything. Both must
 * produce the same bytes for every tree, at every width and indentation, and refuse the same
 * trees. No Nix needed: the other properties check that the general printer's output is
 * right.
 */

const options: fc.Arbitrary<PrintOptions> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.record({ width: fc.integer({ min: 1, max: 120 }), indent: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ width: fc.constantFrom(1, 4, 8, 12, 20, 30) }) },
);

/** Prints with the general printer only and with the direct emitter, and compares. */
function expectSame(tree: NixNode, opts: PrintOptions): void {
  let expected: string;
  try {
    expected = printWith(tree, opts, false);
  } catch (error) {
    if (!(error instanceof NixValueError)) throw error;
    expect(() => printWith(tree, opts, true), `general: ${error.message}`).toThrow(NixValueError);
    return;
  }
  expect(printWith(tree, opts, true), `options ${JSON.stringify(opts)}\nexpected:\n${expected}`).toBe(expected);
}

/** Keys a configuration has: short and long identifiers, quoted and astral names, repeats. */
const key = fc.oneof(
  fc.constantFrom("enable", "port", "a", "b", "settings", "x".repeat(40), "y".repeat(97), "domain", "in", "a.b", "😀", "é", "/var/lib/x"),
  fc.string({ maxLength: 6 }),
);

/** Leaves of a configuration, with the awkward ones the emitter must get exactly right. */
const leafValue: fc.Arbitrary<NixInput> = fc.oneof(
  fc.oneof(adversarialText(), linesText(), fc.string({ maxLength: 120 }), fc.constantFrom("", "\n", "a\nb\n", "😀 ✓", "a\r\nb", "  lead\n  x\n", "${x}", "$")),
  fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 53, -0.5, 1e21, 1.5), fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n)),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<NixExpr>(n.id("domain"), n.id("pkgs"), n.path("./a/b"), n.path("/persist/my docs"), n.path("<nixpkgs>"), n.call("f", 1), n.op(1, "+", 2), n.str`a${n.id("b")}c`, n.indented("x\n  y\n"), n.rec({ a: 1 }), n.attrs([n.inherit(["a"])])),
);

/** Configuration-like data: nested sets, single-entry chains, lists of one, comments. */
const config: fc.Arbitrary<NixInput> = fc.letrec<{ value: NixInput }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: leafValue },
    { weight: 2, arbitrary: fc.dictionary(key, tie("value"), { maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.tuple(key, tie("value")).map(([k, v]) => [{ [k]: v }]) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom("a", "a.b", "a.c", "b", "c.d.e", "x".repeat(50)), tie("value"), fc.option(fc.constantFrom(["note"], ["two", "lines\nhere"]), { nil: undefined }), fc.boolean()), { maxLength: 4 })
        .map((entries) => n.attrs(entries.map(([path, value, comments, blank]) => n.bind(path, value, { ...(comments === undefined ? {} : { comments }), blankLineBefore: blank })))),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(tie("value"), fc.option(fc.constant(["item"]), { nil: undefined }), fc.boolean()), { maxLength: 3 })
        .map((items) => n.list(items.map(([value, comments, blank]) => (comments === undefined && !blank ? value : n.item(value, { ...(comments === undefined ? {} : { comments }), blankLineBefore: blank }))))),
    },
  ),
})).value;

describe("the direct emitter writes the general printer's bytes", () => {
  it("arbitrary expressions and files (every node kind)", () => {
    const trees = fc.oneof(nixExpr(5), nixFile(4));
    checkBatches(fc.array(fc.tuple(trees, options), { minLength: 200, maxLength: 200 }), 10, (batch) => {
      for (const [tree, opts] of batch) expectSame(tree, opts);
    });
  });

  it("toNix of arbitrary data (adversarial keys and strings, numbers at their edges)", () => {
    checkBatches(fc.array(fc.tuple(data(5), options), { minLength: 200, maxLength: 200 }), 10, (batch) => {
      for (const [value, opts] of batch) expectSame(toNix(value), opts);
    });
  });

  it("configuration-like trees: long names, one-entry chains, comments, merges, calls among data", () => {
    checkBatches(fc.array(fc.tuple(config, options), { minLength: 200, maxLength: 200 }), 10, (batch) => {
      for (const [value, opts] of batch) {
        let tree: NixExpr;
        try {
          tree = toNix(value);
        } catch (error) {
          if (error instanceof NixValueError) continue;
          throw error;
        }
        expectSame(tree, opts);
        expectSame(n.file(["header"], n.list([tree, tree])), opts);
      }
    });
  });

  it("a malformed hand-built entry is a NixValueError naming a node, never text", () => {
    const holey = node({ kind: "list", items: [undefined as unknown as NixExpr, n.int(1)] });
    const broken = [
      n.attrs([n.bind("a", holey), n.bind("b", 1)]),
      n.list([n.attrs({ x: 1, y: 2 }), n.attrs([Object.freeze({ kind: "binding", value: n.int(1) }) as never, n.bind("c", 2)])]),
    ];
    for (const tree of broken) {
      expect(() => printWith(tree, {}, true)).toThrow(NixValueError);
      expect(() => printWith(tree, {}, true)).toThrow(/malformed node/);
    }
  });

  it("a tree with one bad entry is refused with the general printer's error", () => {
    const emptyPath = Object.freeze({ kind: "binding", path: [], value: n.int(2) }) as never;
    const bad = [
      n.attrs([n.bind("a", 1), emptyPath]),
      n.attrs([n.bind("a", 1), n.bind("b", n.attrs([n.bind("c", 1), emptyPath]))]),
      n.attrs([n.bind("a", 1), n.bind("a", 2), n.bind("b", 3)]),
      n.attrs([n.bind("a", 1), n.bind("b", n.float(Number.NaN))]),
      n.attrs([n.bind("a", n.attrs({ b: 1, c: 2 })), n.bind("a.b", 2)]),
      n.list([1, n.list([n.str("a\0b"), 2])]),
      n.attrs({ x: 1, "y\0": 2 }),
      n.attrs({ x: 1, y: n.id("if") }),
      n.list([1, n.int(2n ** 64n)]),
    ];
    for (const tree of bad) {
      let expected: unknown;
      try {
        printWith(tree, {}, false);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(NixValueError);
      expect(() => printWith(tree, {}, true)).toThrow((expected as NixValueError).message);
    }
  });

  it("deep trees: 5,000 nested sets and lists, written without recursion", () => {
    let set: NixExpr = n.attrs({ leaf: 1, other: "x" });
    let list: NixExpr = n.list([1, 2]);
    for (let i = 0; i < 5000; i++) {
      set = n.attrs({ a: set, b: i });
      list = n.list([list, i]);
    }
    for (const tree of [set, list]) expect(printWith(tree, {}, true)).toBe(printWith(tree, {}, false));
  });
});
