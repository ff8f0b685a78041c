/**
 * The one comparison of strings nixjs sorts by: UTF-16 code units, the same on every machine
 * and in every locale (never `localeCompare`). Output order depends on it.
 */

/**
 * @example ["b", "B", "a"].sort(compareCodeUnits) // ["B", "a", "b"]
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A copy sorted by `name`, in code-unit order.
 * @example sortByName([{ name: "b" }, { name: "a" }]) // [{ name: "a" }, { name: "b" }]
 */
export function sortByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareCodeUnits(a.name, b.name));
}

/**
 * A copy of the strings, sorted and without repeats.
 * @example sortedUnique(["b", "a", "b"]) // ["a", "b"]
 */
export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareCodeUnits);
}
