/** The keys of a plain object in code-unit order (declaration order carries no meaning). */
export function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  const n = keys.length;
  // Default sort: UTF-16 code-unit order, which `<` on strings is too. Most objects have a
  // few keys, which an insertion sort orders several times faster than the built-in sort.
  if (n > 16) return keys.sort();
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** The key of the only member whose value is not `undefined`, if there is exactly one. */
export function singleMember(object: object, keys: readonly string[]): string | undefined {
  let only: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if ((object as Record<string, unknown>)[key] === undefined) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}
