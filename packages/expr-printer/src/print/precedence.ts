import type { NixBinaryOp, NixExpr } from "../ast/index.ts";
import { isPathLiteral, startsWithPathLiteral } from "./shape.ts";

/**
 * Binding strength of each construct (nix-language.md §4.1; smaller binds tighter). The
 * printer adds parentheses from this table and from what each position accepts, never
 * from guessing.
 */
export const Level = {
  Atom: 0,
  Select: 1,
  Apply: 2,
  Negate: 3,
  HasAttr: 4,
  Not: 8,
  /** `if`, `let`, `with`, `assert`, lambdas: open to the right, never an operand. */
  Open: 15,
  /** Unchecked raw text: parenthesised wherever less than a full expression is accepted. */
  Raw: 16,
} as const;

/** Precedence and associativity of the binary operators. */
export const BINARY: Readonly<Record<NixBinaryOp, { level: number; assoc: "left" | "right" | "none" }>> = {
  "++": { level: 5, assoc: "right" },
  "*": { level: 6, assoc: "left" },
  "/": { level: 6, assoc: "left" },
  "+": { level: 7, assoc: "left" },
  "-": { level: 7, assoc: "left" },
  "//": { level: 9, assoc: "right" },
  "<": { level: 10, assoc: "none" },
  "<=": { level: 10, assoc: "none" },
  ">": { level: 10, assoc: "none" },
  ">=": { level: 10, assoc: "none" },
  "==": { level: 11, assoc: "none" },
  "!=": { level: 11, assoc: "none" },
  "&&": { level: 12, assoc: "left" },
  "||": { level: 13, assoc: "left" },
  "->": { level: 14, assoc: "right" },
};

const INT64_MIN = -(2n ** 63n);

/** How strongly `e`, as printed, binds. */
export function level(e: NixExpr): number {
  switch (e.kind) {
    case "int":
      // The minimum int prints as the parenthesised `(-9223372036854775807 - 1)`.
      return e.value < 0n && e.value !== INT64_MIN ? Level.Negate : Level.Atom;
    case "float":
      return e.value < 0 ? Level.Negate : Level.Atom;
    case "path":
      return isPathLiteral(e.path) ? Level.Atom : BINARY["+"].level;
    case "select":
      return Level.Select;
    case "apply":
      return Level.Apply;
    case "hasAttr":
      return Level.HasAttr;
    case "unary":
      return e.op === "-" ? Level.Negate : Level.Not;
    case "binary":
      return BINARY[e.op].level;
    case "let":
    case "with":
    case "if":
    case "assert":
    case "lambda":
      return Level.Open;
    case "raw":
      return Level.Raw;
    default:
      return Level.Atom;
  }
}

/**
 * List elements, function arguments and `or` defaults accept a selection at most. The
 * smallest int is written `(-9223372036854775807 - 1)`: there too, the parentheses are the
 * driver's, which lays them out as a parenthesised argument.
 */
export function parenAsArgument(e: NixExpr): boolean {
  return level(e) > Level.Select || (e.kind === "int" && e.value === INT64_MIN);
}

/** The function of an application accepts an application or a selection. */
export function parenAsFunction(e: NixExpr): boolean {
  return level(e) > Level.Apply;
}

/**
 * The base of `.` accepts an atom, but not a number (`1.a` lexes as the float `1.`) nor a
 * path literal (`./a.b` is one path).
 */
export function parenAsSelectBase(e: NixExpr): boolean {
  if (level(e) > Level.Atom) return true;
  return e.kind === "int" || e.kind === "float" || e.kind === "path";
}

/**
 * Operand of `e ? path`. Nix reads `a ? b ? c` as `(a ? b) ? c`, but nixfmt's parser rejects
 * it: a `?` operand that is itself a `?` keeps its parentheses (same tree for Nix).
 */
export function parenAsHasAttrOperand(e: NixExpr): boolean {
  return level(e) >= Level.HasAttr;
}

/**
 * Operand of `-`: at most a negation. Text starting with a path literal needs them too:
 * `-./a`, `-/a` and `-../a 1` lex as paths.
 */
export function parenAsNegateOperand(e: NixExpr): boolean {
  return level(e) > Level.Negate || startsWithPathLiteral(e);
}

/**
 * Operand of `!`: `!a + b` parses as `!(a + b)`, so anything looser than a negation (except
 * another `!`) is parenthesised, which is also what a reader expects.
 */
export function parenAsNotOperand(e: NixExpr): boolean {
  return level(e) > Level.Negate && !(e.kind === "unary" && e.op === "!");
}

/** Left or right operand of binary operator `op`. */
export function parenAsOperand(op: NixBinaryOp, e: NixExpr, side: "left" | "right"): boolean {
  const { level: p, assoc } = BINARY[op];
  const l = level(e);
  if (l !== p) return l > p;
  return assoc !== side;
}
