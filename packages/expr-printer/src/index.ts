/**
 * @nixjs/expr-printer: a typed Nix expression AST, builders, `toNix` for plain data and
 * `print`, which writes Nix source that always parses, means exactly what the tree says and
 * is laid out like nixfmt's output.
 */
export type * from "./ast/index.ts";
export { n, isNixExpr, node, NODE_BRAND } from "./build/index.ts";
export type {
  AttrPathInput,
  BindingsInput,
  FormalInput,
  NixInput,
  ParamInput,
} from "./build/index.ts";
export { NixValueError } from "./errors.ts";
export { print, type PrintOptions } from "./print/index.ts";
export { toNix, type ToNixOptions } from "./to-nix/index.ts";
export { parse, NixParseError, type ParseOptions } from "./parse/index.ts";
export { mapExpr, type Replace } from "./walk/map-expr.ts";
export { childExprs, visitExprs, type Visit } from "./walk/visit.ts";
export { binderProblem, isIdentifier } from "./lexical/names.ts";
