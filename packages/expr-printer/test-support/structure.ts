import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { NixNode } from "../src/ast/index.ts";
import { print } from "../src/print/index.ts";
import { parseEach } from "./nix-batch.ts";
import { normalizeParse } from "./parse-normal.ts";
import { reference } from "./reference.ts";

/**
 * The directory relative paths resolve against: this one (it exists, and is deep enough that
 * `../..` never reaches `/`, where relative and absolute paths would look alike). `--parse`
 * never reads the paths, so nothing is created.
 */
const dir = (): string => fileURLToPath(new URL(".", import.meta.url));

const wrap = (source: string): string => `with { }; (\n${source}\n)`;

/** `print`, with the tree (as its reference rendering) added to any error. */
export function printOrExplain(tree: NixNode): string {
  try {
    return print(tree);
  } catch (error) {
    if (error instanceof Error) error.message += `\nwhile printing the tree rendered as:\n${reference(tree)}`;
    throw error;
  }
}

/**
 * Asserts that Nix parses every printed tree to the same structure as the tree's reference
 * rendering (`--parse` texts compared after `normalizeParse`), with one Nix call for all.
 * Free variables are bound by `with { };`; relative paths resolve against one directory.
 *
 * Nix 2.8 shows the bindings of a set or `let` ordered by the addresses of their interned
 * names, which depend on allocation order: parsing each printed tree right before its
 * reference rendering in the same process makes both use the same interned names, hence the
 * same order.
 * @example expectSameStructure([n.neg(n.call(n.path("./a"), 1))])
 */
export function expectSameStructure(trees: readonly NixNode[]): void {
  const printed = trees.map(printOrExplain);
  const sources = trees.flatMap((t, i) => [wrap(printed[i] as string), wrap(reference(t))]);
  const parsed = parseEach(sources, { cwd: dir() });
  trees.forEach((tree, i) => {
    const context = `tree ${i}, printed as:\n${printed[i]}\nreference:\n${reference(tree)}\n`;
    expect(normalizeParse(parsed[2 * i] as string), context).toBe(normalizeParse(parsed[2 * i + 1] as string));
  });
}
