import { asListSource, NixError, nixParse, parseAll, type RunOptions } from "@nixjs/testkit";
import { splitParsedList } from "./parse-normal.ts";

/**
 * `nix-instantiate --parse` of every source, with one Nix call: the `--parse` text of each
 * (as an element of a list, so wrapped in one pair of parentheses). When a source does not
 * parse, throws the testkit's `NixBatchError` naming it.
 * @example parseEach(["1 + 2", "[ ]"]) // ["((1 + 2))", "([ ])"]
 */
export function parseEach(sources: readonly string[], options?: RunOptions): string[] {
  let out: string;
  try {
    out = nixParse(asListSource(sources), options);
  } catch (error) {
    if (error instanceof NixError) parseAll(sources, options);
    throw error;
  }
  const items = splitParsedList(out);
  if (items === undefined || items.length !== sources.length) {
    throw new Error(`expected a list of ${sources.length} parsed items, got: ${out.slice(0, 2000)}`);
  }
  return items;
}
