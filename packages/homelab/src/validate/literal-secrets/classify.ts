/** The entry points for values: a string or number at a key path, or an interpolated string. */
import { hashLiteral, quoteKey, secretLiteral } from "./findings.ts";
import { LOCKED_MARKER, literalOf } from "./harmless.ts";
import { readPath, type PathReading } from "./key-path.ts";
import { isPublicValue } from "./public-values.ts";
import { secretInText } from "./scan-text.ts";
import type { KeyPath, LiteralSecretFinding, TemplatePart, ValueContext } from "./types.ts";
import { credentialIn, hashIn } from "./value-shapes.ts";

/**
 * What an interpolation becomes in the text the rules read: `${…}` makes every rule treat
 * it as computed (never a literal), and the private-use character keeps it from matching
 * anything a user could write.
 */
const OPAQUE = "${\uE000}";

/** The governing name, for messages: `"password"`, or `"alice" (a member of "basicAuth")`. */
function named(at: PathReading): string {
  return at.container === undefined ? quoteKey(at.key) : `${quoteKey(at.key)} (a member of ${quoteKey(at.container)})`;
}

/** The finding for a literal under a name that says secret or hash; `undefined` for any other name. */
function byName(at: PathReading | undefined, literal: string, kind: "string" | "number", context: ValueContext): LiteralSecretFinding | undefined {
  if (at === undefined) return undefined;
  const { reading } = at;
  if (reading.says === "secret-hash") {
    return LOCKED_MARKER.test(literal) ? undefined : hashLiteral("key-name", `${named(at)} names a password hash and holds a literal ${kind}`);
  }
  if (reading.says !== "secret") return undefined;
  if (at.container !== undefined) {
    return secretLiteral("secret-container", `${quoteKey(at.key)}, a member of ${quoteKey(at.container)} (whose members are secrets), holds a literal ${kind}`, context);
  }
  return secretLiteral("key-name", `${quoteKey(at.key)} names a secret (${reading.word}) and holds a literal ${kind}`, context);
}

function classifyNumber(keyPath: KeyPath, value: number | bigint, context: ValueContext): LiteralSecretFinding | undefined {
  // 0 and 1 are the values of switches that share a secret's name (PASSWORD_RESET_ENABLED = 1)
  if (typeof value === "number" && !Number.isFinite(value)) return undefined;
  if (value === 0 || value === 1 || value === 0n || value === 1n) return undefined;
  return byName(readPath(keyPath), String(value), "number", context);
}

function classifyText(keyPath: KeyPath, text: string, context: ValueContext, templated: boolean): LiteralSecretFinding | undefined {
  if (text.trim() === "") return undefined;
  const shape = credentialIn(text);
  if (shape !== undefined) return secretLiteral(shape.rule, `the value holds ${shape.what}`, context);
  if (isPublicValue(text)) return undefined;
  const inner = secretInText(text, context);
  if (inner !== undefined) return inner;
  const at = readPath(keyPath);
  const hash = hashIn(text);
  const saysSecret = at !== undefined && (at.reading.says === "secret" || at.reading.says === "secret-hash");
  if (hash !== undefined) return hashLiteral(hash.rule, saysSecret ? `${named(at)} holds ${hash.what}` : `the value holds ${hash.what}`);
  // an interpolated value is computed from references: its name alone does not make it literal
  if (templated || !saysSecret) return undefined;
  const literal = literalOf(text, context === "script");
  return literal === undefined ? undefined : byName(at, literal, "string", context);
}

/**
 * A string or number found at `keyPath` (list indices as numbers), in `context`: an error for
 * a literal secret, a warning for a password hash, `undefined` when harmless.
 * @example classifyValue(["services", "authelia", "instances", "main", "settings", "storage", "postgres", "password"], "hunter2", "config")?.severity // "error"
 * @example classifyValue(["environment", "DATABASE_URL"], "postgres://app:hunter2@db/app", "environment")?.rule // "url-credentials"
 * @example classifyValue(["environment", "DB_PASSWORD_FILE"], "/run/agenix/db", "environment") // undefined
 * @example classifyValue(["users", "users", "alice", "hashedPassword"], "$y$j9T$abcdefgh$ijklmnopqrstuvwxyzABCDEF0123456789abcdefg", "config")?.severity // "warning"
 */
export function classifyValue(keyPath: KeyPath, value: string | number | bigint, context: ValueContext): LiteralSecretFinding | undefined {
  return typeof value === "string" ? classifyText(keyPath, value, context, false) : classifyNumber(keyPath, value, context);
}

/**
 * Text assembled from literal parts and interpolations (an `n.str` with `${…}`): the literal
 * parts are checked, interpolations are references and never secrets.
 * @example classifyTemplate(["environment", "DATABASE_URL"], ["postgres://app:hunter2@", { opaque: true }, "/app"], "environment")?.rule // "url-credentials"
 * @example classifyTemplate(["environment", "DATABASE_URL"], ["postgres://app:", { opaque: true }, "@db/app"], "environment") // undefined
 */
export function classifyTemplate(keyPath: KeyPath, parts: readonly TemplatePart[], context: ValueContext): LiteralSecretFinding | undefined {
  if (parts.every((p) => typeof p === "string")) return classifyValue(keyPath, parts.join(""), context);
  const text = parts.map((p) => (typeof p === "string" ? p : OPAQUE)).join("");
  return classifyText(keyPath, text, context, true);
}
