import { attrs, bind, inherit, item, list, rec } from "./collections.ts";
import { assert_, if_, let_, with_ } from "./control.ts";
import { file } from "./file.ts";
import { call, fn } from "./functions.ts";
import { bool, float, indented, int, nul, path, searchPath, str } from "./literals.ts";
import { has, id, neg, not, op, raw, ref, select } from "./operators.ts";

/**
 * The AST builders. Every builder returns a frozen node; wherever a value goes, plain JS data
 * is accepted too and converted with `toNix`.
 *
 * @example
 * n.fn({ formals: ["config", "domain"], ellipsis: true },
 *   n.attrs([n.bind("containers.immich.autoStart", true)]))
 */
export const n = Object.freeze({
  int,
  float,
  bool,
  null: nul,
  str,
  indented,
  path,
  searchPath,
  id,
  ref,
  select,
  has,
  attrs,
  rec,
  bind,
  inherit,
  list,
  item,
  let: let_,
  with: with_,
  if: if_,
  assert: assert_,
  fn,
  call,
  neg,
  not,
  op,
  raw,
  file,
});

export type { AttrPathInput, BindingsInput } from "./collections.ts";
export type { FormalInput, ParamInput } from "./functions.ts";
export { isNixExpr, node, NODE_BRAND, type NixInput } from "./node.ts";
