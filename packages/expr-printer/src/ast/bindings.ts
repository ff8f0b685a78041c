import type { NixExpr } from "./expr.ts";
import type { NixAttrName, NixAttrPath } from "./names.ts";

/**
 * Trivia a hand-written module carries before a binding or list item: `#` comment lines
 * (each string one comment; a string with newlines becomes several lines) and an optional
 * blank line that separates it from the previous item.
 */
export interface NixTrivia {
  readonly comments?: readonly string[];
  readonly blankLineBefore?: boolean;
}

/** `a.b.c = value;` */
export interface NixAttrBinding extends NixTrivia {
  readonly kind: "binding";
  readonly path: NixAttrPath;
  readonly value: NixExpr;
}

/** `inherit a b;` or, with `from`, `inherit (from) a b;`. */
export interface NixInherit extends NixTrivia {
  readonly kind: "inherit";
  readonly from?: NixExpr;
  readonly names: readonly NixAttrName[];
}

/** A binding in an attribute set or a `let`. */
export type NixBinding = NixAttrBinding | NixInherit;

/** `{ … }` or `rec { … }`. */
export interface NixAttrs {
  readonly kind: "attrs";
  readonly rec: boolean;
  readonly bindings: readonly NixBinding[];
}

/** A list element with comments (or a blank line) before it. */
export interface NixCommentedItem extends NixTrivia {
  readonly kind: "commented";
  readonly value: NixExpr;
}

/** One element of a list: a plain expression or one carrying trivia. */
export type NixListItem = NixExpr | NixCommentedItem;

/** `[ a b c ]` */
export interface NixList {
  readonly kind: "list";
  readonly items: readonly NixListItem[];
}
