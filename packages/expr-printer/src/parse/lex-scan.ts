import { DIGIT, PATH_CHAR, SCHEME_CHAR, URI_CHAR, is } from "./chars.ts";

/**
 * The path tokens that can start at `i`: `length`, that of PATH
 * (`{PATH_CHAR}*(\/{PATH_CHAR}+)+\/?`, the `{PATH_CHAR}*` prefix only with `prefix`), or 0;
 * `segment`, that of a PATH_SEG (`{PATH_CHAR}*\/`) directly followed by `${`, or 0. At most
 * one of them is nonzero: both need a `/` after the prefix, one followed by a PATH_CHAR,
 * the other by `$`.
 */
export function matchPath(s: string, i: number, prefix: boolean): { length: number; segment: number } {
  let j = i;
  if (prefix) while (is(s.charCodeAt(j), PATH_CHAR)) j++;
  if (s.charCodeAt(j) !== 0x2f) return NONE;
  if (s.charCodeAt(j + 1) === 0x24 && s.charCodeAt(j + 2) === 0x7b) return { length: 0, segment: j + 1 - i };
  let k = j;
  while (s.charCodeAt(k) === 0x2f && is(s.charCodeAt(k + 1), PATH_CHAR)) {
    k += 2;
    while (is(s.charCodeAt(k), PATH_CHAR)) k++;
  }
  if (k === j) return NONE;
  if (s.charCodeAt(k) === 0x2f) k++;
  return { length: k - i, segment: 0 };
}

const NONE = { length: 0, segment: 0 } as const;

/**
 * The longest number at `i`: INT `[0-9]+` or FLOAT
 * `(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?`, or undefined.
 */
export function scanNumber(s: string, i: number): { end: number; float: boolean } | undefined {
  let j = i;
  while (is(s.charCodeAt(j), DIGIT)) j++;
  const intEnd = j;
  const c = s.charCodeAt(i);
  let floatEnd = i;
  if (c >= 0x31 && c <= 0x39 && s.charCodeAt(intEnd) === 0x2e) {
    floatEnd = intEnd + 1;
    while (is(s.charCodeAt(floatEnd), DIGIT)) floatEnd++;
  } else {
    const dot = c === 0x30 ? i + 1 : i;
    if (s.charCodeAt(dot) === 0x2e && is(s.charCodeAt(dot + 1), DIGIT)) {
      floatEnd = dot + 2;
      while (is(s.charCodeAt(floatEnd), DIGIT)) floatEnd++;
    }
  }
  if (floatEnd > i) {
    const e = s.charCodeAt(floatEnd);
    if (e === 0x65 || e === 0x45) {
      let k = floatEnd + 1;
      const sign = s.charCodeAt(k);
      if (sign === 0x2b || sign === 0x2d) k++;
      if (is(s.charCodeAt(k), DIGIT)) {
        while (is(s.charCodeAt(k), DIGIT)) k++;
        floatEnd = k;
      }
    }
    if (floatEnd > intEnd) return { end: floatEnd, float: true };
  }
  return intEnd > i ? { end: intEnd, float: false } : undefined;
}

/** End of a URI `[a-zA-Z][a-zA-Z0-9+.-]*:[URI_CHAR]+` starting at `i`, or `i`. */
export function matchUri(s: string, i: number): number {
  let j = i + 1;
  while (is(s.charCodeAt(j), SCHEME_CHAR)) j++;
  if (s.charCodeAt(j) !== 0x3a) return i;
  let k = j + 1;
  while (is(s.charCodeAt(k), URI_CHAR)) k++;
  return k === j + 1 ? i : k;
}
