/*
 * Character classes of the Nix lexer (ASCII only: every other character is an invalid token
 * outside strings and comments), as bit flags in one table.
 */

/** `[a-zA-Z_]`: starts an identifier. */
export const ID_START = 1;
/** `[a-zA-Z0-9_'-]`: continues an identifier. */
export const ID_CHAR = 2;
/** `[a-zA-Z0-9._+-]`: PATH_CHAR. */
export const PATH_CHAR = 4;
/** `[a-zA-Z0-9%/?:@&=+$,_.!~*'-]`: after the colon of a URI. */
export const URI_CHAR = 8;
/** `[a-zA-Z0-9+.-]`: the scheme of a URI, after its first letter. */
export const SCHEME_CHAR = 16;
/** `[0-9]` */
export const DIGIT = 32;
/** `[a-zA-Z]` */
export const ALPHA = 64;

const TABLE = new Uint8Array(128);

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    TABLE[c] = (TABLE[c] ?? 0) | flag;
  }
}

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const LETTERS = LOWER + LOWER.toUpperCase();
const DIGITS = "0123456789";
mark(LETTERS, ALPHA | ID_START | ID_CHAR | PATH_CHAR | URI_CHAR | SCHEME_CHAR);
mark(DIGITS, DIGIT | ID_CHAR | PATH_CHAR | URI_CHAR | SCHEME_CHAR);
mark("_", ID_START | ID_CHAR | PATH_CHAR | URI_CHAR);
mark("'", ID_CHAR | URI_CHAR);
mark("-", ID_CHAR | PATH_CHAR | URI_CHAR | SCHEME_CHAR);
mark(".+", PATH_CHAR | URI_CHAR | SCHEME_CHAR);
mark("%/?:@&=$,!~*", URI_CHAR);

/** The class flags of a UTF-16 code unit (0 beyond ASCII and past the end of the text). */
export function charClass(c: number): number {
  return TABLE[c] ?? 0;
}

/** Whether code unit `c` has class `flag`. */
export function is(c: number, flag: number): boolean {
  return ((TABLE[c] ?? 0) & flag) !== 0;
}
