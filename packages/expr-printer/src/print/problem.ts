/**
 * A reason the tree cannot be printed as valid Nix, attached to the offending AST object.
 * Thrown inside the printer without any path (computing paths on the hot path would cost
 * every print); `print` catches it and finds the object's path in the tree once.
 */
export class PrintProblem extends Error {
  constructor(
    /** The AST object (node, binding, formal …) the problem is about. */
    readonly at: object,
    /** Path below `at`, such as `.path[1]` or `.parts[0]`, or "". */
    readonly suffix: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Throws a {@link PrintProblem}.
 * @example problem(node, ".name", `"if" is a keyword, not an identifier`)
 */
export function problem(at: object, suffix: string, reason: string): never {
  throw new PrintProblem(at, suffix, reason);
}
