import type { NixNode } from "../ast/index.ts";

/** Options of {@link print}. */
export interface PrintOptions {
  /** Line width (not counting indentation), as nixfmt's `--width`. Default 100. */
  readonly width?: number;
  /** Spaces per indentation level, as nixfmt's `--indent`. Default 2. */
  readonly indent?: number;
}

/**
 * Prints a Nix expression or file as Nix source text, ending in one newline.
 * @example print(n.attrs({ enable: true })) // "{ enable = true; }\n"
 */
export function print(_node: NixNode, _options: PrintOptions = {}): string {
  throw new Error("print: not implemented yet");
}
