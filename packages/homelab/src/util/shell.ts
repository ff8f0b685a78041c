/**
 * A word as a POSIX shell reads it back unchanged: bare when it is made of safe characters,
 * single-quoted otherwise. For commands that messages and headers suggest.
 * @example shellQuote("my server") // "'my server'"
 */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
