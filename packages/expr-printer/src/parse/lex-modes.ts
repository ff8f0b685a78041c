import { PATH_CHAR, is } from "./chars.ts";
import { M, type Lexer } from "./lexer.ts";
import { matchPath } from "./lex-scan.ts";
import { T } from "./tokens.ts";

/*
 * The lexer modes inside literals: `"…"`, `''…''` and a path after an interpolation. Each
 * sets the lexer's current token, as flex's rules of that start condition do.
 */

/** The escape `\c` of a `"…"` string (and `''\c`): `n`, `r`, `t`, else `c` itself. */
function unescape(c: string): string {
  return c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : c;
}

function unterminated(lx: Lexer, what: string, close: string): never {
  const at = lx.opened[lx.opened.length - 1] ?? lx.pos;
  return lx.fail(at, `unterminated ${what}: no closing ${close} before the end of the input`);
}

/**
 * In `"…"`: the closing quote, `${`, or a run of text (`STR`), unescaped: `\c` escapes,
 * CR and CRLF read as LF, `$` is text unless followed by `{`, and a `$` followed by another
 * character takes it along as text (so `$${` is text).
 */
export function lexString(lx: Lexer): void {
  const s = lx.src;
  const start = lx.pos;
  const c = s.charCodeAt(start);
  if (c === 0x22) {
    lx.pop();
    lx.opened.pop();
    return lx.token(T.QUOTE, start, start + 1);
  }
  if (c === 0x24 && s.charCodeAt(start + 1) === 0x7b) {
    lx.push(M.DEFAULT);
    return lx.token(T.DOLLAR_CURLY, start, start + 2);
  }
  let out = "";
  let from = start;
  let i = start;
  for (;;) {
    if (i >= s.length) unterminated(lx, "string", "'\"'");
    const d = s.charCodeAt(i);
    if (d === 0x22) break;
    if (d === 0x5c) {
      if (i + 1 >= s.length) unterminated(lx, "string", "'\"'");
      out += s.slice(from, i) + unescape(s[i + 1] as string);
      i += 2;
      from = i;
    } else if (d === 0x24) {
      const e = s.charCodeAt(i + 1);
      if (e === 0x7b) break;
      // `$` before `"` or `\` is text on its own; before anything else it takes that along.
      i += e === 0x22 || e === 0x5c || i + 1 >= s.length ? 1 : e === 0x0d ? 1 : 2;
    } else if (d === 0x0d) {
      out += `${s.slice(from, i)}\n`;
      i += s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      from = i;
    } else i++;
  }
  lx.text = from === start ? s.slice(start, i) : out + s.slice(from, i);
  lx.token(T.STR, start, i);
}

/**
 * In `''…''`: the closing `''`, `${`, or one `IND_STR`: a run of text (`indentable`: its
 * spaces count for the indentation), or one escape (`'''`, `''$`, `''\c`) or a lone `$` or
 * `'` — these are not indentation, and each is a token of its own, as in Nix.
 */
export function lexIndented(lx: Lexer): void {
  const s = lx.src;
  const start = lx.pos;
  if (start >= s.length) unterminated(lx, "indented string", '"\'\'"');
  const c = s.charCodeAt(start);
  const next = s.charCodeAt(start + 1);
  if (c === 0x27 && next === 0x27) {
    const e = s.charCodeAt(start + 2);
    if (e === 0x27) return escape(lx, "''", start, 3);
    if (e === 0x24) return escape(lx, "$", start, 3);
    if (e === 0x5c && start + 3 < s.length) {
      const cp = s.codePointAt(start + 3) as number;
      const ch = String.fromCodePoint(cp);
      return escape(lx, unescape(ch), start, 3 + ch.length);
    }
    lx.pop();
    lx.opened.pop();
    return lx.token(T.IND_CLOSE, start, start + 2);
  }
  if (c === 0x24) {
    if (next === 0x7b) {
      lx.push(M.DEFAULT);
      return lx.token(T.DOLLAR_CURLY, start, start + 2);
    }
    if (next === 0x27 || start + 1 >= s.length) return escape(lx, "$", start, 1);
  }
  if (c === 0x27 && (next === 0x24 || start + 1 >= s.length)) return escape(lx, "'", start, 1);
  let i = start;
  for (;;) {
    const d = s.charCodeAt(i);
    if (i >= s.length) break;
    if (d === 0x24) {
      const e = s.charCodeAt(i + 1);
      if (e === 0x7b || e === 0x27 || i + 1 >= s.length) break;
      i += 2;
    } else if (d === 0x27) {
      const e = s.charCodeAt(i + 1);
      if (e === 0x27 || e === 0x24 || i + 1 >= s.length) break;
      i += 2;
    } else i++;
  }
  lx.text = s.slice(start, i);
  lx.indentable = true;
  lx.token(T.IND_STR, start, i);
}

function escape(lx: Lexer, text: string, start: number, length: number): void {
  lx.text = text;
  lx.indentable = false;
  lx.token(T.IND_STR, start, start + length);
}

/**
 * In a path, after its first token: `${`, more path text (`STR`), or the end of the path
 * (`PATH_END`, zero width). A path may not end with `/` ("path has a trailing slash").
 */
export function lexInPath(lx: Lexer, afterSlash: boolean): void {
  const s = lx.src;
  const start = lx.pos;
  if (s.charCodeAt(start) === 0x24 && s.charCodeAt(start + 1) === 0x7b) {
    lx.setMode(M.INPATH);
    lx.push(M.DEFAULT);
    return lx.token(T.DOLLAR_CURLY, start, start + 2);
  }
  // The longest of {PATH}, {PATH_SEG} and {PATH_CHAR}+.
  const path = matchPath(s, start, true);
  let end = start + path.length;
  let j = start;
  while (is(s.charCodeAt(j), PATH_CHAR)) j++;
  if (j > end) end = j;
  if (s.charCodeAt(j) === 0x2f && j + 1 > end) end = j + 1;
  if (end > start) {
    lx.text = s.slice(start, end);
    lx.setMode(s.charCodeAt(end - 1) === 0x2f ? M.INPATH_SLASH : M.INPATH);
    return lx.token(T.STR, start, end);
  }
  if (afterSlash) lx.fail(start, "path has a trailing slash");
  lx.pop();
  lx.token(T.PATH_END, start, start);
}
