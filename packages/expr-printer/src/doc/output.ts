/**
 * The layout engine's output: UTF-8 bytes in a growing buffer, decoded once at the end.
 *
 * Collecting millions of small strings in an array keeps every one of them alive until the
 * final `join`, and makes the garbage collector re-scan that array on every minor
 * collection; copying each text into a byte buffer as it is printed lets the strings die
 * young. ASCII (nearly all of Nix source) is copied byte by byte; other text goes through
 * `TextEncoder.encodeInto`.
 */
export class Output {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private readonly encoder = new TextEncoder();

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Appends text. */
  write(s: string): void {
    const n = s.length;
    // At most 3 bytes per UTF-16 unit.
    if (this.len + n * 3 > this.buf.length) this.reserve(n * 3);
    if (n > 32) {
      // Long text: the native encoder beats a JS loop.
      this.writeUnicode(s);
      return;
    }
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = len;
        this.writeUnicode(s.slice(i));
        return;
      }
      buf[len++] = c;
    }
    this.len = len;
  }

  private writeUnicode(s: string): void {
    const { written } = this.encoder.encodeInto(s, this.buf.subarray(this.len));
    this.len += written;
  }

  /** Appends `n` copies of one ASCII character (indentation, line breaks). */
  repeat(code: number, n: number): void {
    if (this.len + n > this.buf.length) this.reserve(n);
    const buf = this.buf;
    let len = this.len;
    // A loop: `fill` costs more than it saves for the few bytes of an indentation.
    for (let i = 0; i < n; i++) buf[len++] = code;
    this.len = len;
  }

  /** The last byte written, or -1. */
  last(): number {
    return this.len === 0 ? -1 : (this.buf[this.len - 1] as number);
  }

  /** Drops trailing bytes equal to `code`. */
  trimEnd(code: number): void {
    while (this.len > 0 && this.buf[this.len - 1] === code) this.len--;
  }

  spacesOf(n: number): void {
    this.repeat(0x20, n);
  }
  newlines(n: number): void {
    this.repeat(0x0a, n);
  }
  finish(): string {
    this.trimEnd(0x0a);
    this.repeat(0x0a, 1);
    return this.toString();
  }
  /** The text written so far. */
  toString(): string {
    return new TextDecoder().decode(this.buf.subarray(0, this.len));
  }
}
