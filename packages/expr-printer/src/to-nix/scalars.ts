import type { NixExpr } from "../ast/index.ts";
import { boolNode, floatNode, intNode, nullNode, stringNode } from "../build/nodes.ts";
import { floatProblem, intProblem, stringProblem } from "../lexical/index.ts";

/**
 * What `classify` makes of a value that is not an AST node: a leaf node, a container to walk
 * (`"array"`, `"object"`), or the reason Nix cannot represent it. Returning the reason
 * rather than throwing lets the caller build the value's JS path only when it is needed.
 */
export type Classified = NixExpr | "array" | "object" | { readonly problem: string };

const EMPTY: readonly never[] = Object.freeze([]);
/**
 * `true`, `false` and `null` are one node each, shared wherever they occur (nodes are frozen,
 * so sharing is invisible, and a configuration holds thousands of them).
 */
const TRUE = boolNode(true);
const FALSE = boolNode(false);
const NULL = nullNode();

/** Converts a leaf value, or says it is a container or why it cannot be written. */
export function classify(value: unknown): Classified {
  switch (typeof value) {
    case "string": {
      const problem = stringProblem(value);
      if (problem !== undefined) return { problem: `string ${problem}` };
      return stringNode("string", value === "" ? EMPTY : Object.freeze([value]));
    }
    case "boolean":
      return value ? TRUE : FALSE;
    case "bigint": {
      const problem = intProblem(value);
      return problem === undefined ? intNode(value) : { problem };
    }
    case "number":
      return number(value);
    case "undefined":
      return { problem: "undefined has no Nix counterpart (use null, or leave the member out of its object)" };
    case "function":
      return {
        problem:
          "a function cannot be written as Nix data (build a lambda with n.fn, or handle it with the `convert` option)",
      };
    case "symbol":
      return { problem: `${String(value)} cannot be written as Nix` };
    case "object":
      if (value === null) return NULL;
      if (Array.isArray(value)) return "array";
      if (isPlainObject(value)) return "object";
      return {
        problem: `${describeInstance(value)} is not plain data: convert it first (e.g. to a string) or with the \`convert\` option`,
      };
  }
}

/**
 * Safe integers are Nix integers (`-0` is `0`). Any other finite number is a float, including
 * integers beyond 2^53: a JS number there is a double that stands for a whole range of
 * integers, so it prints as the float literal that reads back as the same double, rather
 * than as integer digits it does not have (pass a bigint for an exact integer).
 */
function number(value: number): Classified {
  if (Number.isSafeInteger(value)) return intNode(BigInt(value));
  const problem = floatProblem(value);
  return problem === undefined ? floatNode(value) : { problem };
}

/** An object literal, `Object.create(null)`, or one from another realm (vm, iframe). */
export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  return (
    typeof proto === "object" &&
    Object.getPrototypeOf(proto) === null &&
    (proto as { constructor?: { name?: unknown } }).constructor?.name === "Object"
  );
}

function describeInstance(value: object): string {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (typeof name !== "string" || name === "") return "an object with a prototype";
  return `${/^[AEIO]/.test(name) ? "an" : "a"} ${name}`;
}
