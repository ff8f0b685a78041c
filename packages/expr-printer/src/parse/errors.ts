/**
 * Text that is not valid Nix (or that uses a construct the AST cannot hold). `line` and
 * `column` are 1-based; columns count Unicode code points (an emoji is one column, a tab one
 * column); LF, CRLF and a lone CR each end a line, as in Nix. `offset` is the UTF-16 index
 * in the parsed string. `reason` is the message without the position.
 * @example
 * try { parse("{ a ; }") } catch (e) { e.message } // '1:5: expected "=" after the attribute path, got ";"'
 */
export class NixParseError extends Error {
  override readonly name = "NixParseError";
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly reason: string;

  constructor(source: string, offset: number, reason: string) {
    const { line, column } = lineColumn(source, offset);
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.offset = offset;
    this.reason = reason;
  }
}

/**
 * The 1-based line and column (in code points) of a UTF-16 offset.
 * @example lineColumn("a\r\nbé", 4) // { line: 2, column: 2 }
 */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const c = source.charCodeAt(i);
    // The low half of a surrogate pair does not start a code point.
    if (c < 0xdc00 || c > 0xdfff || i === lineStart || !isHighSurrogate(source.charCodeAt(i - 1))) column++;
  }
  return { line, column };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
