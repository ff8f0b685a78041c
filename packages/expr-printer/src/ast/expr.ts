import type { NixAttrs, NixList } from "./bindings.ts";
import type { NixAssert, NixIf, NixLet, NixWith } from "./control.ts";
import type { NixApply, NixLambda } from "./functions.ts";
import type {
  NixBool,
  NixFloat,
  NixIndentedString,
  NixInt,
  NixNull,
  NixPath,
  NixSearchPath,
  NixString,
} from "./literals.ts";
import type { NixIdent, NixRaw } from "./misc.ts";
import type { NixBinary, NixHasAttr, NixSelect, NixUnary } from "./operators.ts";

/** Any Nix expression. A closed union: dispatch over `kind` exhaustively. */
export type NixExpr =
  | NixInt
  | NixFloat
  | NixBool
  | NixNull
  | NixString
  | NixIndentedString
  | NixPath
  | NixSearchPath
  | NixIdent
  | NixAttrs
  | NixList
  | NixLet
  | NixWith
  | NixIf
  | NixAssert
  | NixLambda
  | NixApply
  | NixSelect
  | NixHasAttr
  | NixUnary
  | NixBinary
  | NixRaw;

/** The `kind` of every expression node. */
export type NixExprKind = NixExpr["kind"];

/** A whole Nix file: header comment lines, then one expression. */
export interface NixFile {
  readonly kind: "file";
  readonly header: readonly string[];
  readonly body: NixExpr;
}

/** What {@link print} accepts. */
export type NixNode = NixExpr | NixFile;
