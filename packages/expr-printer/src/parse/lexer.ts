import { ALPHA, DIGIT, ID_CHAR, PATH_CHAR, charClass, is } from "./chars.ts";
import { NixParseError } from "./errors.ts";
import { lexIndented, lexInPath, lexString } from "./lex-modes.ts";
import { floatValue, intValue } from "./lex-numbers.ts";
import { matchPath, matchUri, scanNumber } from "./lex-scan.ts";
import { KEYWORD_TOKENS, T, type TokenKind } from "./tokens.ts";

/** Lexer modes (flex start conditions). `INITIAL` is the bottom of the stack only. */
export const M = { INITIAL: 0, DEFAULT: 1, STRING: 2, IND: 3, INPATH: 4, INPATH_SLASH: 5 } as const;

/**
 * The Nix 2.8 lexer, one token at a time, with flex's rules: longest match, the earlier
 * rule on a tie, and a stack of modes (`{` and `${` push the default mode, `}` pops;
 * strings, indented strings and paths with interpolations have modes of their own). The
 * current token is in the public fields; `advance()` moves to the next one.
 */
export class Lexer {
  readonly src: string;
  /** Where scanning resumes: the end of the current token. */
  pos = 0;
  kind: TokenKind = T.EOF;
  start = 0;
  end = 0;
  /** The end of the previous token: comments and blank lines lie in `prevEnd … start`. */
  prevEnd = 0;
  /** Identifier, path, URI, lookup path (without `<>`): the source text; `STR`/`IND_STR`: the text. */
  text = "";
  /** `INT` */
  int = 0n;
  /** `FLOAT` */
  float = 0;
  /** `IND_STR`: a plain run of text, whose spaces count as indentation (not an escape). */
  indentable = false;
  /** Recently seen identifiers by hash, and their token kinds (see `word`). */
  private readonly words: (string | undefined)[] = new Array<string | undefined>(WORDS);
  private readonly wordKinds = new Uint8Array(WORDS);
  /** Start offsets of every comment skipped so far. */
  readonly comments: number[] = [];
  /** The mode stack, and the offsets where the open strings started (for messages). */
  private readonly modes: number[] = [M.INITIAL];
  readonly opened: number[] = [];

  constructor(src: string) {
    this.src = src;
  }

  fail(offset: number, reason: string): never {
    throw new NixParseError(this.src, offset, reason);
  }

  get mode(): number {
    return this.modes[this.modes.length - 1] as number;
  }

  push(mode: number): void {
    this.modes.push(mode);
  }

  pop(): void {
    if (this.modes.length > 1) this.modes.pop();
  }

  setMode(mode: number): void {
    this.modes[this.modes.length - 1] = mode;
  }

  /** Moves to the next token. */
  advance(): void {
    this.prevEnd = this.end;
    const mode = this.mode;
    if (mode <= M.DEFAULT) this.lexDefault();
    else if (mode === M.STRING) lexString(this);
    else if (mode === M.IND) lexIndented(this);
    else lexInPath(this, mode === M.INPATH_SLASH);
  }

  /** Sets the current token: `kind` from `start` to `end`. */
  token(kind: TokenKind, start: number, end: number): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.pos = end;
  }

  /** Skips whitespace and comments from `pos`; returns the offset after them. */
  skipTrivia(from: number, record: boolean): number {
    const s = this.src;
    let i = from;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) i++;
      else if (c === 0x23) {
        if (record) this.comments.push(i);
        i++;
        for (let d = s.charCodeAt(i); i < s.length && d !== 0x0a && d !== 0x0d; d = s.charCodeAt(++i));
      } else if (c === 0x2f && s.charCodeAt(i + 1) === 0x2a) {
        const close = s.indexOf("*/", i + 2);
        if (close === -1) this.fail(i, 'unterminated comment: "/*" without "*/"');
        if (record) this.comments.push(i);
        i = close + 2;
      } else return i;
    }
  }

  private lexDefault(): void {
    const s = this.src;
    const i = this.skipTrivia(this.pos, true);
    if (i >= s.length) return this.token(T.EOF, i, i);
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if ((cls & (ALPHA | DIGIT)) !== 0 || c === 0x5f || c === 0x2e || c === 0x2b || c === 0x2d) {
      return this.lexWordLike(i, c, cls);
    }
    const next = s.charCodeAt(i + 1);
    switch (c) {
      case 0x28: return this.token(T.LPAREN, i, i + 1);
      case 0x29: return this.token(T.RPAREN, i, i + 1);
      case 0x5b: return this.token(T.LBRACK, i, i + 1);
      case 0x5d: return this.token(T.RBRACK, i, i + 1);
      case 0x3b: return this.token(T.SEMI, i, i + 1);
      case 0x2c: return this.token(T.COMMA, i, i + 1);
      case 0x3a: return this.token(T.COLON, i, i + 1);
      case 0x40: return this.token(T.AT, i, i + 1);
      case 0x3f: return this.token(T.QUESTION, i, i + 1);
      case 0x2a: return this.token(T.STAR, i, i + 1);
      case 0x7b:
        this.push(M.DEFAULT);
        return this.token(T.LBRACE, i, i + 1);
      case 0x7d:
        this.pop();
        return this.token(T.RBRACE, i, i + 1);
      case 0x22:
        this.push(M.STRING);
        this.opened.push(i);
        return this.token(T.QUOTE, i, i + 1);
      case 0x3d: return next === 0x3d ? this.token(T.EQ, i, i + 2) : this.token(T.ASSIGN, i, i + 1);
      case 0x21: return next === 0x3d ? this.token(T.NEQ, i, i + 2) : this.token(T.NOT, i, i + 1);
      case 0x3e: return next === 0x3d ? this.token(T.GEQ, i, i + 2) : this.token(T.GT, i, i + 1);
      case 0x26: return next === 0x26 ? this.token(T.AND, i, i + 2) : this.invalid(i);
      case 0x7c: return next === 0x7c ? this.token(T.OR, i, i + 2) : this.invalid(i);
      case 0x24:
        if (next !== 0x7b) return this.invalid(i);
        this.push(M.DEFAULT);
        return this.token(T.DOLLAR_CURLY, i, i + 2);
      case 0x27: {
        if (next !== 0x27) return this.invalid(i);
        // `''` may be followed by spaces and a newline, which belong to the opening.
        let j = i + 2;
        while (s.charCodeAt(j) === 0x20) j++;
        const end = s.charCodeAt(j) === 0x0a ? j + 1 : i + 2;
        this.push(M.IND);
        this.opened.push(i);
        return this.token(T.IND_OPEN, i, end);
      }
      case 0x3c: return this.lexAngle(i, next);
      case 0x2f: return this.lexSlash(i, next);
      case 0x7e: {
        const path = matchPath(s, i + 1, false);
        if (s.charCodeAt(i + 1) === 0x2f && (path.length > 0 || path.segment > 0)) {
          return this.pathToken(T.HPATH, i, path.length > 0 ? i + 1 + path.length : i + 1 + path.segment, path.length === 0);
        }
        return this.invalid(i);
      }
      default:
        return this.invalid(i);
    }
  }

  /** An invalid character: one code point. */
  private invalid(i: number): void {
    const cp = this.src.codePointAt(i) ?? 0;
    this.text = String.fromCodePoint(cp);
    this.token(T.INVALID, i, i + (cp > 0xffff ? 2 : 1));
  }

  /** `<nixpkgs/lib>`, `<=` or `<`. */
  private lexAngle(i: number, next: number): void {
    const s = this.src;
    let j = i + 1;
    for (;;) {
      const seg = j;
      while (is(s.charCodeAt(j), PATH_CHAR)) j++;
      if (j === seg) break;
      const d = s.charCodeAt(j);
      if (d === 0x3e) {
        this.text = s.slice(i + 1, j);
        return this.token(T.SPATH, i, j + 1);
      }
      if (d !== 0x2f) break;
      j++;
    }
    return next === 0x3d ? this.token(T.LEQ, i, i + 2) : this.token(T.LT, i, i + 1);
  }

  /** A path `/a`, a path `/${…}`, `//` or `/`. */
  private lexSlash(i: number, next: number): void {
    const path = matchPath(this.src, i, false);
    if (path.length > 0) return this.pathToken(T.PATH, i, i + path.length, false);
    if (path.segment > 0) return this.pathToken(T.PATH, i, i + path.segment, true);
    return next === 0x2f ? this.token(T.UPDATE, i, i + 2) : this.token(T.SLASH, i, i + 1);
  }

  /**
   * Tokens starting with a letter, digit, `_`, `.`, `+` or `-`: the longest of identifier
   * (or keyword), number, path and URI, else an operator.
   */
  private lexWordLike(i: number, c: number, cls: number): void {
    const s = this.src;
    let idEnd = i;
    let hash = 0;
    if ((cls & ALPHA) !== 0 || c === 0x5f) {
      hash = c;
      idEnd = i + 1;
      for (let d = s.charCodeAt(idEnd); is(d, ID_CHAR); d = s.charCodeAt(++idEnd)) hash = (hash * 31 + d) | 0;
      // Only `/` (a path), `:` (a URI), `.` and `+` (path or URI characters that are not
      // identifier characters) can make a longer token: otherwise this is an identifier.
      const d = s.charCodeAt(idEnd);
      if (d !== 0x2f && d !== 0x3a && d !== 0x2e && d !== 0x2b) return this.word(i, idEnd, hash);
    }
    const num = (cls & DIGIT) !== 0 || c === 0x2e ? scanNumber(s, i) : undefined;
    const numEnd = num === undefined ? i : num.end;
    const path = matchPath(s, i, true);
    // `PATH_SEG${` competes with its `${`, which is not part of the token.
    const pathEnd = path.length > 0 ? i + path.length : path.segment > 0 ? i + path.segment + 2 : i;
    const uriEnd = (cls & ALPHA) !== 0 ? matchUri(s, i) : i;
    const best = Math.max(idEnd, numEnd, pathEnd, uriEnd);
    if (best === i) return this.lexOperator(i, c);
    if (best === idEnd) return this.word(i, idEnd, hash);
    if (best === numEnd && num !== undefined) {
      if (num.float) {
        this.text = s.slice(i, numEnd);
        this.float = floatValue(this, i, this.text);
        return this.token(T.FLOAT, i, numEnd);
      }
      this.int = intValue(this, i, numEnd);
      return this.token(T.INT, i, numEnd);
    }
    if (best === pathEnd) {
      return path.length > 0 ? this.pathToken(T.PATH, i, pathEnd, false) : this.pathToken(T.PATH, i, i + path.segment, true);
    }
    this.text = s.slice(i, uriEnd);
    return this.token(T.URI, i, uriEnd);
  }

  /**
   * An identifier or keyword at `start … end` (`hash`: of its characters). Names repeat (a
   * configuration says `enable` thousands of times): a small table keeps the last string
   * seen per hash, so a repeated name costs no new string and no keyword lookup.
   */
  private word(start: number, end: number, hash: number): void {
    const slot = hash & (WORDS - 1);
    const known = this.words[slot];
    if (known !== undefined && known.length === end - start && this.src.startsWith(known, start)) {
      this.text = known;
      return this.token(this.wordKinds[slot] as TokenKind, start, end);
    }
    const text = this.src.slice(start, end);
    const kind = end - start <= 7 ? (KEYWORD_TOKENS.get(text) ?? T.ID) : T.ID;
    this.words[slot] = text;
    this.wordKinds[slot] = kind;
    this.text = text;
    return this.token(kind, start, end);
  }

  /** A path literal (or the first segment of one before `${`); enters a path mode. */
  private pathToken(kind: TokenKind, start: number, end: number, beforeInterpolation: boolean): void {
    this.text = this.src.slice(start, end);
    this.push(beforeInterpolation || this.src.charCodeAt(end - 1) === 0x2f ? M.INPATH_SLASH : M.INPATH);
    this.token(kind, start, end);
  }

  /** `...`, `.`, `->`, `-`, `++`, `+` (no longer token matched). */
  private lexOperator(i: number, c: number): void {
    const s = this.src;
    const next = s.charCodeAt(i + 1);
    if (c === 0x2e) {
      return next === 0x2e && s.charCodeAt(i + 2) === 0x2e ? this.token(T.ELLIPSIS, i, i + 3) : this.token(T.DOT, i, i + 1);
    }
    if (c === 0x2d) return next === 0x3e ? this.token(T.IMPL, i, i + 2) : this.token(T.MINUS, i, i + 1);
    if (c === 0x2b) return next === 0x2b ? this.token(T.CONCAT, i, i + 2) : this.token(T.PLUS, i, i + 1);
    return this.invalid(i);
  }
}

/** Size of the identifier table of `Lexer.word` (a power of two). */
const WORDS = 1024;
