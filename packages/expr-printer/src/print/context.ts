/**
 * How a parent asks a child to be printed: bit flags, so the iterative driver passes a
 * number per child instead of allocating an options object. They name nixfmt's layout
 * situations (`prettyTermWide`, `absorbRHS`, `absorbLast` …).
 */
export const Ctx = {
  /** Plain expression. */
  None: 0,
  /** A set expands even with a single binding (nixfmt `prettyTermWide`). */
  Wide: 1,
  /** A list of simple items separated by `line`, so it may stay on one line (`absorbInner`). */
  Inline: 2,
  /** Wrap in parentheses (the position accepts less than this expression). */
  Paren: 4,
  /** The last argument of an application (`absorbLast`). */
  Last: 8,
  /** nixfmt's `absorbExpr`: `with e; <term>` keeps the term on the `with` line. */
  Absorb: 16,
  /** Application or operator as a binding value: the node builds the whole right-hand side. */
  Rhs: 32,
  /** An `if` continuing an `else if` chain. */
  ElseIf: 64,
  /** A lambda continuing an `x: y:` chain (depth in the bits from {@link CHAIN_SHIFT}). */
  Chain: 128,
  /** A string that must be written `"…"` (an attribute name). */
  Quoted: 256,
  /** An application after an operator (`// f x {`): its group starts with a line. */
  OpPre: 512,
  /**
   * Laid out as inside parentheses, without them: an interpolation that is all of its
   * string's line (`"${f x}"`).
   */
  Enclosed: 1024,
  /**
   * The expression's first token carries comments (a file's header, a list item's): nixfmt
   * then never counts a call starting with it as simple (see `apply.ts`).
   */
  Commented: 2048,
} as const;

/** Lambda chain depth is stored from this bit up (`ctx >>> CHAIN_SHIFT`). */
export const CHAIN_SHIFT = 12;
