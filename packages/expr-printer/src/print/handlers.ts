import { applyHandler } from "./apply.ts";
import { binaryHandler } from "./binary.ts";
import { attrsHandler, listHandler } from "./collections.ts";
import { assertHandler, ifHandler, letHandler, withHandler } from "./control.ts";
import type { HandlerTable } from "./driver.ts";
import { lambdaHandler } from "./lambda.ts";
import {
  boolHandler,
  floatHandler,
  identHandler,
  intHandler,
  nullHandler,
  pathHandler,
  rawHandler,
  searchPathHandler,
} from "./literals.ts";
import { hasAttrHandler, selectHandler, unaryHandler } from "./operators.ts";
import { indentedStringHandler, stringHandler } from "./strings.ts";

/** Every expression kind's printer. Adding a kind to the AST fails compilation here. */
export const HANDLERS: HandlerTable = {
  int: intHandler,
  float: floatHandler,
  bool: boolHandler,
  null: nullHandler,
  string: stringHandler,
  indentedString: indentedStringHandler,
  path: pathHandler,
  searchPath: searchPathHandler,
  ident: identHandler,
  attrs: attrsHandler,
  list: listHandler,
  let: letHandler,
  with: withHandler,
  if: ifHandler,
  assert: assertHandler,
  lambda: lambdaHandler,
  apply: applyHandler,
  select: selectHandler,
  hasAttr: hasAttrHandler,
  unary: unaryHandler,
  binary: binaryHandler,
  raw: rawHandler,
};
