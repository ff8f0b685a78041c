import { escapeDoubleQuotedText, stringProblem } from "./strings.ts";

/** The lexer's identifier token: ASCII only; `'` and `-` allowed after the first character. */
const IDENT = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/**
 * Nix keywords that cannot be identifiers: the nine reserved words, plus `or`, which Nix
 * accepts as an attribute name but not as a variable (`let or = 1; in or` is a syntax error)
 * and which reads as the `or` operator or a legacy argument in other positions.
 * @example KEYWORDS.has("inherit") // true
 */
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

/**
 * Names the printer writes for literals (`true`, `false`, `null`). They are ordinary
 * variables in Nix, so a binding of one of them (`let true = 0; in …`, a lambda parameter
 * `null`, a `rec { false = …; }` attribute) changes what every such literal in its scope
 * means.
 */
export const LITERAL_NAMES: ReadonlySet<string> = new Set(["true", "false", "null"]);

/**
 * True when `name` can be written as a bare identifier (a variable, a parameter, a formal,
 * a bare attribute name).
 * @example isIdentifier("a-b'") // true
 * @example isIdentifier("or") // false
 */
export function isIdentifier(name: string): boolean {
  // The token `IDENT` matches, checked code by code: printing asks this of every attribute
  // name, and a loop over a short name costs a fraction of a regex match.
  const n = name.length;
  if (n === 0 || !isIdentStart(name.charCodeAt(0))) return false;
  for (let i = 1; i < n; i++) {
    const c = name.charCodeAt(i);
    if (!isIdentStart(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x27 && c !== 0x2d) return false;
  }
  return n > 7 || !KEYWORDS.has(name);
}

/** `[A-Za-z_]` */
function isIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/**
 * Why `name` cannot be a variable (an identifier expression, a lambda parameter, a formal,
 * an `@` name), or `undefined` when it can. Unlike attribute names, variables cannot be
 * quoted, so there is no fallback.
 * @example identifierProblem("if") // "`if` is a Nix keyword; …"
 * @example identifierProblem("pkgs") // undefined
 */
export function identifierProblem(name: string): string | undefined {
  if (name === "or") {
    return "`or` cannot name a variable in Nix (it is only allowed as an attribute name)";
  }
  if (KEYWORDS.has(name)) return `\`${name}\` is a Nix keyword; it cannot name a variable`;
  if (!IDENT.test(name)) {
    return (
      `${JSON.stringify(name)} is not a Nix identifier ` +
      "(ASCII letters, digits, _ ' -, not starting with a digit, ' or -)"
    );
  }
  return undefined;
}

/**
 * Why `name` cannot be bound as a variable by `let`, a lambda, a formal, `@` or a `rec` set,
 * or `undefined` when it can: it must be an identifier (for `let`/`rec` a quoted name would
 * parse, but could never be referred to), and it must not be `true`, `false` or `null`,
 * which would change the meaning of those literals within its scope.
 * @example binderProblem("null") // "binding `null` would shadow …"
 * @example binderProblem("cfg") // undefined
 */
export function binderProblem(name: string): string | undefined {
  const problem = identifierProblem(name);
  if (problem !== undefined) return problem;
  if (LITERAL_NAMES.has(name)) {
    return `binding \`${name}\` would shadow the literal \`${name}\` everywhere in its scope`;
  }
  return undefined;
}

/**
 * Why `name` cannot be a static attribute name, or `undefined` when it can. Any text can,
 * quoted if need be (`""`, `"a.b"`, `"if"`, `"é"`), except NUL and lone surrogates.
 * @example attrNameProblem("a\0b") // "contains a NUL character …"
 */
export function attrNameProblem(name: string): string | undefined {
  return stringProblem(name);
}

/**
 * An attribute name as Nix source: bare when it is an identifier, quoted otherwise. `or` is
 * quoted although Nix accepts it bare as a key: quoted, it can never be misread. Throws a
 * `RangeError` for names {@link attrNameProblem} rejects.
 * @example formatAttrName("enable") // enable
 * @example formatAttrName("example.org") // "example.org"
 * @example formatAttrName("${x}") // "\${x}"
 */
export function formatAttrName(name: string): string {
  return isIdentifier(name) ? name : `"${escapeDoubleQuotedText(name, false)}"`;
}
