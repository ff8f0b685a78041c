/**
 * A value that cannot be written as Nix (an integer beyond 64 bits, NaN, ±Infinity, a string
 * with a NUL byte, an invalid identifier …). `path` locates the bad value: a JS data path
 * such as `$.services.web.ports[2]` for `toNix`, or an AST path for `print`.
 */
export class NixValueError extends Error {
  override readonly name = "NixValueError";
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}
