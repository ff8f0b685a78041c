import type { NixFile } from "../ast/index.ts";
import { NixParseError } from "./errors.ts";
import { Parser } from "./parser.ts";

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * What to do with a comment the AST has no place for (one inside an expression, after the
   * last binding or element, or on the same line after a token, such as `a = 1; # note`):
   * `"drop"` it (the default) or fail with a `NixParseError` at the comment. Comments at
   * the top of the file and on their own lines before a binding or list element are always
   * kept.
   * @example parse("[ 1 # one\n]", { unplacedComments: "error" }) // throws NixParseError
   */
  readonly unplacedComments?: "drop" | "error";
}

/**
 * Parses Nix source text (the language of Nix 2.8) into the AST the builders make — the
 * inverse of `print`: `parse(print(tree))` is `tree`, up to what `print` normalises, and
 * `print(parse(text))` is `text` for any text `print` wrote. Comments at the top of the file
 * become `header`; comments on their own lines and blank lines before a binding or list
 * element become its trivia; other comments are dropped (see `unplacedComments`).
 *
 * Everything Nix 2.8 rejects is rejected (syntax errors, duplicate attributes and formals,
 * dynamic names in `let`/`inherit`, invalid numbers, trailing slashes…), with a
 * {@link NixParseError} saying where (1-based line and column) and what was expected. Free
 * variables are not an error (Nix reports them only for a closed expression). A few
 * constructs have no node: a URI literal is a string and the legacy `let { … }` is
 * `(rec { … }).body`, as Nix reads them; a path with interpolations is `path + "rest"`;
 * `__curPos`, the legacy `f or` argument, NUL characters and lone UTF-16 surrogates are
 * errors. Nesting depth is limited by memory only: the parser does not recurse.
 * @example parse("{ a = 1; }").body // attrs node with one binding
 * @example print(parse("# header\n[ 1 2 ]\n")) // "# header\n[\n  1\n  2\n]\n"
 */
export function parse(text: string, options: ParseOptions = {}): NixFile {
  checkText(text);
  return new Parser(text, { unplacedComments: options.unplacedComments ?? "drop" }).run();
}

/**
 * NUL: Nix 2.8 stops reading at a NUL, so the rest of the text would silently mean nothing;
 * a lone surrogate has no UTF-8 encoding, so the text could not be a Nix file.
 */
function checkText(text: string): void {
  const nul = text.indexOf("\0");
  if (nul !== -1) throw new NixParseError(text, nul, "NUL character (U+0000): Nix source cannot contain one");
  if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = text.charCodeAt(i + 1);
    if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      i++;
      continue;
    }
    throw new NixParseError(text, i, `lone UTF-16 surrogate U+${c.toString(16).toUpperCase()}: the text is not valid Unicode`);
  }
}

export { NixParseError };
