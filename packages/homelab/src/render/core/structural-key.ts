/**
 * A string that is equal for structurally equal values (plain data and AST nodes, which are
 * plain frozen objects; bigints included), to deduplicate list items and compare names.
 * @example structuralKey(n.int(80)) === structuralKey(n.int(80)) // true
 */
export function structuralKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "bigint" ? `${v.toString()}n` : v,
  );
}
