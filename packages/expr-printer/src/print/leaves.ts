import type { NixExpr } from "../ast/index.ts";
import type { Doc } from "../doc/index.ts";
import { preferIndented } from "../lexical/index.ts";
import type { PrintEnv } from "./driver.ts";
import { boolHandler, floatHandler, identHandler, intHandler, nullHandler } from "./literals.ts";
import { doubleQuoted, stringPartProblem } from "./strings.ts";

/**
 * The doc of a leaf that prints the same in any position that accepts a selection (no
 * parentheses, no layout of its own): a non-negative number, a boolean, `null`, a
 * variable, a one-line string without interpolation. Parents compute these docs directly
 * instead of scheduling a frame per leaf — most nodes of a configuration are such leaves.
 * Returns `undefined` for anything else.
 */
export function leafDoc(e: NixExpr, env: PrintEnv): Doc | undefined {
  switch (e.kind) {
    case "int":
      return e.value >= 0n ? intHandler.build(e, 0, [], 0, env) : undefined;
    case "float":
      return e.value >= 0 ? floatHandler.build(e, 0, [], 0, env) : undefined;
    case "bool":
      return boolHandler.build(e, 0, [], 0, env);
    case "null":
      return nullHandler.build(e, 0, [], 0, env);
    case "ident":
      return identHandler.build(e, 0, [], 0, env);
    case "string": {
      const { parts } = e;
      if (parts.length === 0) return '""';
      if (parts.length !== 1 || typeof parts[0] !== "string" || preferIndented(parts)) return undefined;
      try {
        return doubleQuoted(parts, [], 0);
      } catch (error) {
        return stringPartProblem(e, error);
      }
    }
    default:
      return undefined;
  }
}
