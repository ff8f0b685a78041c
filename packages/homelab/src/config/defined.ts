/** Whether a config value sets an option: the one lookup of an option path in user data. */
import { isPlainObject } from "./plain.ts";

/**
 * The value a config sets at `path` (following nested plain objects; AST nodes are not looked
 * into), or `undefined`.
 * @example definedAt({ services: { openssh: { enable: true } } }, ["services", "openssh", "enable"]) // true
 */
export function definedAt(config: unknown, path: readonly string[]): unknown {
  let at: unknown = config;
  for (const key of path) {
    if (!isPlainObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}
