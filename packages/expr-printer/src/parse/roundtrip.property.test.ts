import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixFile } from "../ast/index.ts";
import { node } from "../build/node.ts";
import { NixValueError } from "../errors.ts";
import { print, type PrintOptions } from "../print/index.ts";
import { data, fcOptions, nixFile, printedForm, typedExpr } from "../../test-support/index.ts";

import { toNix } from "../to-nix/index.ts";
import { INT64_MIN, pathForm } from "../lexical/index.ts";
import { parse } from "./index.ts";

/** `print`, or undefined for the trees the printer refuses (a duplicate attribute, …). */
function printed(tree: NixFile, options?: PrintOptions): string | undefined {
  try {
    return print(tree, options);
  } catch (error) {
    if (error instanceof NixValueError) return undefined;
    throw error;
  }
}

/**
 * Whether the tree has a leaf that reads back as another kind of node, laid out otherwise:
 * `raw` text (parenthesised below a full expression), the int64 minimum
 * (`(-9223372036854775807 - 1)`, a subtraction) and a path a literal cannot hold
 * (`./. + "/a b"`, an addition).
 */
function hasRewrittenLeaf(value: unknown): boolean {
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v !== "object" || v === null) continue;
    const kind = (v as { kind?: unknown }).kind;
    if (kind === "raw" || (kind === "int" && (v as { value: bigint }).value === INT64_MIN)) return true;
    if (kind === "path" && pathForm((v as { path: string }).path).kind === "concat") return true;
    todo.push(...Object.values(v));
  }
  return false;
}

/**
 * parse(print(t)) is t up to what `print` normalises (`printedForm` lists it), and printing
 * the parsed tree gives the same text back (but for the leaves of `hasRewrittenLeaf`).
 */
function roundTrips(tree: NixFile, options?: PrintOptions): void {
  const text = printed(tree, options);
  if (text === undefined) return;
  const parsed = parse(text, { unplacedComments: "error" });
  expect(parsed, text).toEqual(printedForm(tree));
  if (!hasRewrittenLeaf(tree)) expect(print(parsed, options)).toBe(text);
}

describe("parse(print(t)) is t, up to what print normalises", () => {
  it("random trees of every node kind, adversarial names, strings, paths and comments", () => {
    fc.assert(fc.property(nixFile(5), (t) => roundTrips(t)), fcOptions(3000));
  });

  it("at other widths and indentations", () => {
    const layout = fc.record({ width: fc.integer({ min: 1, max: 120 }), indent: fc.integer({ min: 0, max: 8 }) });
    fc.assert(fc.property(nixFile(4), layout, (t, options) => roundTrips(t, options)), fcOptions(1000));
  });

  it("well-typed expressions (operators of every level mixed)", () => {
    const typed = fc.constantFrom("int", "bool", "string", "list", "attrs" as const).chain((type) => typedExpr(type, 5));
    fc.assert(fc.property(typed, (e) => roundTrips(node({ kind: "file", header: [], body: e }))), fcOptions(1000));
  });

  it("plain data converted by toNix", () => {
    fc.assert(fc.property(data(), (d) => roundTrips(node({ kind: "file", header: [], body: toNix(d) }))), fcOptions(500));
  });
});
