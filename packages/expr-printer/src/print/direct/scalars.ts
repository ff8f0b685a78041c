import type { NixExpr } from "../../ast/index.ts";
import { INT64_MIN, preferIndented } from "../../lexical/index.ts";
import type { Doc } from "../../doc/index.ts";
import type { PrintEnv } from "../driver.ts";
import {
  boolHandler,
  floatHandler,
  identHandler,
  intHandler,
  pathHandler,
  searchPathHandler,
} from "../literals.ts";
import { doubleQuoted, stringPartProblem } from "../strings.ts";

/**
 * Values that print as one token (a number, `true`, `null`, a variable, a one-line string, a
 * path literal, `{ }`, `[ ]`): their text, validated by the same handlers as the general
 * path (which throw the same problems), and its width in {@link scalarWidth}.
 */

/** The (unused) docs argument of the leaf handlers. */
const NO_DOCS: readonly Doc[] = Object.freeze([]);

/** Width (code points) of the text the last successful {@link scalarText} returned. */
export let scalarWidth = 0;

/**
 * The text of `e` when it prints as one token wherever it is (a list item, a binding value,
 * an entry of a flat set or list), else `undefined`. Negative numbers are written without
 * the parentheses a list item needs (see {@link needsParens}).
 */
export function scalarText(e: NixExpr, env: PrintEnv): string | undefined {
  let text: string;
  switch (e.kind) {
    case "int":
      // The smallest int is an operation in parentheses, not one token.
      if (e.value === INT64_MIN) return undefined;
      text = intHandler.build(e, 0, NO_DOCS, 0, env) as string;
      break;
    case "float":
      text = floatHandler.build(e, 0, NO_DOCS, 0, env) as string;
      break;
    case "bool":
      text = boolHandler.build(e, 0, NO_DOCS, 0, env) as string;
      break;
    case "null":
      text = "null";
      break;
    case "ident":
      text = identHandler.build(e, 0, NO_DOCS, 0, env) as string;
      break;
    case "searchPath":
      text = searchPathHandler.build(e, 0, NO_DOCS, 0, env) as string;
      break;
    case "path": {
      const doc = pathHandler.build(e, 0, NO_DOCS, 0, env);
      if (typeof doc !== "string") return undefined;
      text = doc;
      break;
    }
    case "string": {
      const { parts } = e;
      if (parts.length === 0) text = '""';
      else {
        const first = parts[0];
        if (parts.length !== 1 || typeof first !== "string") return undefined;
        if (first.includes("\n") && preferIndented(parts)) return undefined;
        let doc;
        try {
          doc = doubleQuoted(parts, NO_DOCS, 0);
        } catch (error) {
          return stringPartProblem(e, error);
        }
        if (typeof doc !== "string") {
          scalarWidth = doc.width;
          return doc.content as string;
        }
        text = doc;
      }
      break;
    }
    case "attrs":
      if (e.bindings.length !== 0) return undefined;
      text = e.rec ? "rec { }" : "{ }";
      break;
    case "list":
      if (e.items.length !== 0) return undefined;
      text = "[ ]";
      break;
    default:
      return undefined;
  }
  scalarWidth = text.length;
  return text;
}

/**
 * Whether a binding `name = value;` that does not fit on its line moves this (one-token)
 * value to the next line. Strings and path literals stay after `=` (nixfmt `absorbRHS`);
 * everything else goes below, indented.
 */
export function breaksAfterEquals(e: NixExpr): boolean {
  return e.kind !== "string" && e.kind !== "path";
}

/** Whether this one-token value needs parentheses as a list item: a negative number. */
export function needsParens(e: NixExpr): boolean {
  if (e.kind === "int") return e.value < 0n && e.value !== INT64_MIN;
  return e.kind === "float" && e.value < 0;
}
