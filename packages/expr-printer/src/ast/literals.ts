import type { NixExpr } from "./expr.ts";

/**
 * A Nix integer. Stored as a `bigint` because Nix integers are 64-bit and a JS `number`
 * loses precision beyond 2^53. Negative values print as a negation (`-5`), parenthesised
 * where the position requires it; the printer rejects values outside the int64 range.
 */
export interface NixInt {
  readonly kind: "int";
  readonly value: bigint;
}

/** A Nix float (IEEE double). NaN, ±Infinity and subnormals cannot be written in Nix. */
export interface NixFloat {
  readonly kind: "float";
  readonly value: number;
}

/** `true` or `false`. */
export interface NixBool {
  readonly kind: "bool";
  readonly value: boolean;
}

/** `null`. */
export interface NixNull {
  readonly kind: "null";
}

/**
 * One piece of a string: literal text (a JS string, any content except NUL) or an
 * interpolated expression (`${expr}`).
 */
export type NixStringPart = string | NixExpr;

/**
 * A string whose form (`"…"` or `''…''`) the printer chooses: multi-line text becomes an
 * indented string when that round-trips exactly, everything else a double-quoted string.
 */
export interface NixString {
  readonly kind: "string";
  readonly parts: readonly NixStringPart[];
}

/**
 * A string the printer must write as an indented string (`''…''`), e.g. a shell script
 * or a Caddyfile. Same value semantics as {@link NixString}.
 */
export interface NixIndentedString {
  readonly kind: "indentedString";
  readonly parts: readonly NixStringPart[];
}

/**
 * A path literal: relative (`./a`, `../b`), absolute (`/etc/x`) or home (`~/x`).
 * Text outside the path alphabet `[A-Za-z0-9._+-]` is printed as `./. + "/…"` so it still
 * means the same path.
 */
export interface NixPath {
  readonly kind: "path";
  readonly path: string;
}

/** A lookup path: `<nixpkgs>` or `<nixpkgs/lib>` (`path` is the text between the brackets). */
export interface NixSearchPath {
  readonly kind: "searchPath";
  readonly path: string;
}
