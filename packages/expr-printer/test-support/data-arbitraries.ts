import fc from "fast-check";
import { adversarialText, linesText } from "./text.ts";
import { staticName } from "./ast-arbitraries.ts";

/** Plain data `toNix` accepts: what a user's config holds. */
export type Data = string | number | bigint | boolean | null | readonly Data[] | { readonly [key: string]: Data | undefined };

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Numbers that stress the literal writer: safe integers and their edges, integer-valued
 * doubles beyond 2^53 (floats), tiny normals just above the subnormal range, huge values up
 * to `Number.MAX_VALUE`, negative zero, and bigints up to the int64 edges.
 */
export const numbers: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, -(2 ** 53), 2 ** 63, 1e21, 0.1, -2.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) >= MIN_NORMAL),
  fc.double({ min: MIN_NORMAL, max: 1e-300, noNaN: true }),
  fc.double({ min: 1e300, max: Number.MAX_VALUE, noNaN: true }).map((v) => -v),
  fc.constantFrom(MIN_NORMAL, -MIN_NORMAL, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, 2n ** 53n + 1n),
);

const scalar: fc.Arbitrary<Data> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(adversarialText(), linesText()) },
  { weight: 3, arbitrary: numbers },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Object keys: identifiers, keywords, text that must be quoted, adversarial text. */
const key: fc.Arbitrary<string> = fc.oneof(staticName, fc.constantFrom("__proto__", "constructor", "toString", "0", "10", "9"));

/**
 * JSON-like values with adversarial strings and keys, nested up to `maxDepth` containers;
 * objects sometimes hold `undefined` members (which `toNix` leaves out) and single-member
 * chains (which it collapses into attribute paths).
 * @example fc.assert(fc.property(data(), (v) => …))
 */
export function data(maxDepth = 4): fc.Arbitrary<Data> {
  const memo: fc.Memo<Data> = fc.memo((depth) => {
    if (depth <= 1) return scalar;
    const sub = memo(depth - 1);
    const member = fc.oneof({ weight: 6, arbitrary: sub }, { weight: 1, arbitrary: fc.constant(undefined) });
    return fc.oneof(
      { weight: 2, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(sub, { maxLength: 5 }) },
      { weight: 1, arbitrary: fc.dictionary(key, member, { maxKeys: 5, noNullPrototype: false }) },
      { weight: 1, arbitrary: fc.tuple(key, sub).map(([k, v]) => ({ [k]: v })) },
    );
  });
  return memo(maxDepth);
}

/**
 * A value wrapped in `depth` levels of one-element arrays and single-member objects
 * (which `toNix` collapses into long attribute paths).
 * @example deep(300)
 */
export function deep(maxDepth: number): fc.Arbitrary<Data> {
  return fc
    .tuple(scalar, fc.array(fc.oneof(fc.constant(null), key), { minLength: 1, maxLength: maxDepth }))
    .map(([leaf, wrappers]) => wrappers.reduce<Data>((inner, k) => (k === null ? [inner] : { [k]: inner }), leaf));
}
