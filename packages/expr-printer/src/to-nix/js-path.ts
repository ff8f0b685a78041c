/** A key that reads naturally after a dot in a JS path. */
const DOT_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The JS path of an object member, as error messages show it: `$.services.web`,
 * `$["odd key"]`, `$["a\u0000b"]` (JSON escapes keep invisible characters visible).
 * @example memberPath("$.a", "b c") // '$.a["b c"]'
 */
export function memberPath(parent: string, key: string): string {
  return DOT_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** The JS path of an array element. @example elementPath("$.ports", 2) // "$.ports[2]" */
export function elementPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}
