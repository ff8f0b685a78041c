/**
 * A list in a message: `a`, `a or b`, `a, b or c`.
 * @example listWithOr(["traefikRoute()", "caddyRoute()"]) // "traefikRoute() or caddyRoute()"
 */
export function listWithOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)!}`;
}
