/**
 * `parse`: Nix source text (the language of Nix 2.8, the lexer and grammar of its
 * `lexer.l` and `parser.y`) to the AST of this package — the inverse of `print`.
 *
 * How it is built: `lexer.ts` (+ `lex-modes.ts`, `lex-scan.ts`, `chars.ts`) is flex's
 * longest-match lexer with its mode stack; the parser (`parser.ts`) keeps an explicit stack
 * of frames (`expr.ts` operators by precedence, `simple.ts`, `bindings.ts`, `list.ts`,
 * `literals.ts`, `control.ts`, `formals.ts`, `attr-path.ts`) instead of recursing, so any
 * nesting depth parses; `indentation.ts` is Nix's `stripIndentation`; `defs.ts` checks
 * duplicate attributes as Nix's `addAttr` does; `trivia.ts` reads comments back.
 *
 * Nix constructs without a node of their own:
 * - a URI literal (`http://x.org`, `x:y`) is a string, as Nix reads it;
 * - the legacy `let { …; body = e; }` is `(rec { …; body = e; }).body`, Nix's own reading;
 * - a path with interpolations, `./a/${x}.nix`, is `./a + "/${x}.nix"` (the same path when
 *   the interpolated values are strings; a path value interpolated into a path literal
 *   would be spliced there, but copied to the store in the string);
 * - `-` right before a nonzero number literal is a negative literal (`-5` is `int(-5)`, as
 *   the printer writes it); parentheses are dropped (the printer adds those it needs);
 * - `true`, `false`, `null` are the literal nodes (Nix reads them as variables that a
 *   binding could shadow);
 * - errors: `__curPos` (its value is its own position), the legacy `f or` (a variable named
 *   `or`, which the AST cannot print).
 * Also rejected although Nix 2.8 reads them: NUL (Nix stops reading there) and lone UTF-16
 * surrogates (no UTF-8 for them). Free variables are not reported (Nix does so only when it
 * parses a closed file; that is scope analysis, not syntax).
 */
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
