import { escapeDoubleQuotedText } from "./strings.ts";

const IDENT = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** Nix keywords that cannot be identifiers. `or` is special (see {@link needsQuotes}). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "assert",
  "with",
  "let",
  "in",
  "rec",
  "inherit",
  "or",
]);

/** True when `name` can be written as a bare identifier (a variable, a formal, a bare key). */
export function isIdentifier(name: string): boolean {
  return IDENT.test(name) && !KEYWORDS.has(name);
}

/**
 * An attribute name as Nix source: bare when it is an identifier, quoted otherwise. `or` is
 * quoted although Nix accepts it bare as a key, because it is never ambiguous when quoted.
 */
export function formatAttrName(name: string): string {
  return isIdentifier(name) ? name : `"${escapeDoubleQuotedText(name, false)}"`;
}
