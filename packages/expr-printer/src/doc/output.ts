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
  private buf: Uint8Array = takeBuffer();
  private len = 0;
  /** Whether every byte so far is ASCII (then the bytes are also Latin-1, faster to decode). */
  private ascii = true;
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

  /** Appends `s.slice(start, end)` (without making that string when it is ASCII). */
  writeRange(s: string, start: number, end: number): void {
    const n = end - start;
    if (this.len + n * 3 > this.buf.length) this.reserve(n * 3);
    const buf = this.buf;
    let len = this.len;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = len;
        this.writeUnicode(s.slice(i, end));
        return;
      }
      buf[len++] = c;
    }
    this.len = len;
  }

  /** Appends text known to be ASCII (an identifier, say): no check per character. */
  writeAscii(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) this.reserve(n);
    const buf = this.buf;
    const start = this.len;
    for (let i = 0; i < n; i++) buf[start + i] = s.charCodeAt(i);
    this.len = start + n;
  }

  /**
   * Appends `"s"` if `s` is printable ASCII without `"`, `$` or `\` (text that a `"…"`
   * string holds as it is), followed by `;` if `semicolon`, checking and copying in one
   * pass; otherwise writes nothing and returns false. For `name = "text";` and list items,
   * the most common lines of a configuration.
   */
  writePlainString(s: string, semicolon: boolean): boolean {
    const n = s.length;
    if (this.len + n + 3 > this.buf.length) this.reserve(n + 3);
    const buf = this.buf;
    const start = this.len;
    buf[start] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x24 || c === 0x5c) return false;
      buf[start + 1 + i] = c;
    }
    let end = start + 1 + n;
    buf[end++] = 0x22;
    if (semicolon) buf[end++] = 0x3b;
    this.len = end;
    return true;
  }

  /** The number of bytes written so far, to go back to with {@link reset}. */
  mark(): number {
    return this.len;
  }

  /** Drops everything written after {@link mark} returned `len` (a layout attempt undone). */
  reset(len: number): void {
    this.len = len;
  }

  /** Drops the last `n` bytes written (ASCII text just written, which turned out not to fit). */
  drop(n: number): void {
    this.len -= n;
  }

  private writeUnicode(s: string): void {
    const { written } = this.encoder.encodeInto(s, this.buf.subarray(this.len));
    // As many bytes as UTF-16 units: all ASCII (long ASCII text comes here too).
    if (written !== s.length) this.ascii = false;
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

  /** The text, ending in exactly one line break; the output is released. */
  finish(): string {
    this.trimEnd(0x0a);
    this.repeat(0x0a, 1);
    const text = this.toString();
    this.release();
    return text;
  }

  /** The text written so far. */
  toString(): string {
    const bytes = this.buf.subarray(0, this.len);
    // ASCII is Latin-1, which Node's Buffer decodes by copying bytes into a one-byte string
    // (a third faster than UTF-8 decoding); elsewhere, the standard decoder.
    if (this.ascii && NodeBuffer !== undefined) {
      return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
    }
    return new TextDecoder().decode(bytes);
  }

  /** Hands the buffer back for the next print; this output is not used afterwards. */
  release(): void {
    giveBuffer(this.buf);
    this.buf = EMPTY;
    this.len = 0;
    this.ascii = true;
  }
}

/** Node's `Buffer`, when there is one (the package itself runs anywhere). */
const NodeBuffer = (
  globalThis as {
    Buffer?: { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: "latin1"): string } };
  }
).Buffer;

const EMPTY = new Uint8Array(0);
/** Largest buffer kept between prints: a big print should not pin its memory forever. */
const KEEP_MAX = 1 << 24;
/**
 * A buffer kept from the last print: printing a large file grows the buffer a dozen times
 * (allocating, zeroing and copying megabytes) — the next print starts at the right size.
 */
let spare: Uint8Array | null = null;

function takeBuffer(): Uint8Array {
  const buf = spare ?? new Uint8Array(1 << 16);
  spare = null;
  return buf;
}

function giveBuffer(buf: Uint8Array): void {
  if (buf.length <= KEEP_MAX && (spare === null || spare.length < buf.length)) spare = buf;
}
