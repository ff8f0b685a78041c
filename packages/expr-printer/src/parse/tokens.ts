/**
 * Token kinds of the Nix 2.8 lexer (`src/libexpr/lexer.l`), as small integers: the parser
 * dispatches on them in its hot loop. `STR`, `IND_STR` and `PATH_END` only occur inside
 * strings and paths, where the lexer is in another mode.
 */
export const T = {
  EOF: 0,
  ID: 1,
  INT: 2,
  FLOAT: 3,
  PATH: 4,
  HPATH: 5,
  SPATH: 6,
  URI: 7,
  STR: 8,
  IND_STR: 9,
  DOLLAR_CURLY: 10,
  QUOTE: 11,
  IND_OPEN: 12,
  IND_CLOSE: 13,
  PATH_END: 14,
  IF: 15,
  THEN: 16,
  ELSE: 17,
  ASSERT: 18,
  WITH: 19,
  LET: 20,
  IN: 21,
  REC: 22,
  INHERIT: 23,
  OR_KW: 24,
  ELLIPSIS: 25,
  EQ: 26,
  NEQ: 27,
  LEQ: 28,
  GEQ: 29,
  AND: 30,
  OR: 31,
  IMPL: 32,
  UPDATE: 33,
  CONCAT: 34,
  PLUS: 35,
  MINUS: 36,
  STAR: 37,
  SLASH: 38,
  LT: 39,
  GT: 40,
  NOT: 41,
  QUESTION: 42,
  DOT: 43,
  COLON: 44,
  SEMI: 45,
  COMMA: 46,
  ASSIGN: 47,
  AT: 48,
  LPAREN: 49,
  RPAREN: 50,
  LBRACK: 51,
  RBRACK: 52,
  LBRACE: 53,
  RBRACE: 54,
  INVALID: 55,
} as const;

export type TokenKind = (typeof T)[keyof typeof T];

/** The nine keywords, `or` and what they lex to (an identifier otherwise). */
export const KEYWORD_TOKENS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ["if", T.IF],
  ["then", T.THEN],
  ["else", T.ELSE],
  ["assert", T.ASSERT],
  ["with", T.WITH],
  ["let", T.LET],
  ["in", T.IN],
  ["rec", T.REC],
  ["inherit", T.INHERIT],
  ["or", T.OR_KW],
]);

/** How a token kind reads in an error message (`"="`, `an identifier`, `end of input`). */
const NAMES: readonly string[] = [
  "end of input",
  "an identifier",
  "an integer",
  "a float",
  "a path",
  "a path",
  "a lookup path",
  "a URI",
  "string text",
  "string text",
  '"${"',
  "'\"'",
  '"\'\'"',
  '"\'\'"',
  "the end of the path",
  '"if"',
  '"then"',
  '"else"',
  '"assert"',
  '"with"',
  '"let"',
  '"in"',
  '"rec"',
  '"inherit"',
  '"or"',
  '"..."',
  '"=="',
  '"!="',
  '"<="',
  '">="',
  '"&&"',
  '"||"',
  '"->"',
  '"//"',
  '"++"',
  '"+"',
  '"-"',
  '"*"',
  '"/"',
  '"<"',
  '">"',
  '"!"',
  '"?"',
  '"."',
  '":"',
  '";"',
  '","',
  '"="',
  '"@"',
  '"("',
  '")"',
  '"["',
  '"]"',
  '"{"',
  '"}"',
  "an invalid character",
];

/** The name of a token kind, for "expected …" in messages. @example kindName(T.SEMI) // '";"' */
export function kindName(kind: TokenKind): string {
  return NAMES[kind] ?? "a token";
}

/**
 * A found token as a message shows it: its text for names, numbers and characters, its
 * kind for longer literals.
 * @example describeToken(T.ID, "foo") // 'identifier "foo"'
 */
export function describeToken(kind: TokenKind, text: string): string {
  switch (kind) {
    case T.ID:
      return `identifier ${JSON.stringify(text)}`;
    case T.INT:
    case T.FLOAT:
      return `number ${text}`;
    case T.PATH:
    case T.HPATH:
      return `path ${text}`;
    case T.SPATH:
      return `lookup path ${text}`;
    case T.INVALID:
      return `invalid character ${JSON.stringify(text)}`;
    default:
      return kindName(kind);
  }
}
