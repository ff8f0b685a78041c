/** A value under a key, wherever the pair was found: a line of text, an option, `-e K=V`. */
import { hashLiteral, quoteKey, secretLiteral, type Where } from "./findings.ts";
import { LOCKED_MARKER, literalOf } from "./harmless.ts";
import { readKey } from "./key-says.ts";
import type { LiteralSecretFinding } from "./types.ts";
import { hashIn } from "./value-shapes.ts";

/** How the pair was written, for the message. */
export type Frame = "text" | "argument" | "variable" | "label" | "property" | "option";

const SENTENCES: { readonly [F in Frame]: (named: string, what: string) => string } = {
  text: (n, w) => `the text sets ${n} to ${w}`,
  argument: (n, w) => `the argument sets ${n} to ${w}`,
  variable: (n, w) => `the command line sets the variable ${n} to ${w}`,
  label: (n, w) => `the command line sets the label ${n} to ${w}`,
  property: (n, w) => `the command line sets the Java property ${n} to ${w}`,
  option: (n, w) => `the option ${n} is given ${w}`,
};

export interface How {
  readonly where: Where;
  /** Whether `$NAME` in the value is expanded (scripts, command lines). */
  readonly inShell: boolean;
  readonly frame: Frame;
  /** The name as written, when not the key itself (`--db-pass` for the key `db-pass`). */
  readonly display?: string;
}

/**
 * The finding for `value` under `key`, if the key says secret (or hash) and the value is a
 * literal.
 * @example judge("DB_PASSWORD", "hunter2", { where: "script", inShell: true, frame: "text" })?.severity // "error"
 * @example judge("DB_PASSWORD", "$(cat /run/agenix/db)", { where: "script", inShell: true, frame: "text" }) // undefined
 */
export function judge(key: string, value: string, how: How): LiteralSecretFinding | undefined {
  const reading = readKey(key);
  if (reading.says !== "secret" && reading.says !== "secret-hash") return undefined;
  const sentence = (what: string) => SENTENCES[how.frame](`${quoteKey(how.display ?? key)} (a name that says ${reading.says === "secret" ? reading.word : "hash"})`, what);
  if (hashIn(value) !== undefined) return hashLiteral("password-hash", sentence("a password hash"));
  const literal = literalOf(value, how.inShell);
  if (literal === undefined) return undefined;
  if (reading.says === "secret-hash") return LOCKED_MARKER.test(literal) ? undefined : hashLiteral("key-name", sentence("a literal value"));
  return secretLiteral("key-name", sentence("a literal value"), how.where);
}
