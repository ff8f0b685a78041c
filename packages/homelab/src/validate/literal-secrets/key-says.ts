/**
 * What an attribute name says about its value: a secret, a hash of one, a reference to one
 * (a file, a name, a command), or nothing of the kind.
 */
import { lastLevel, tokenize, type KeyWord } from "./tokenize.ts";
import type { KeyVerdict } from "./types.ts";
import {
  HASH_WORDS, KEY_MODIFIERS, KEY_WORDS, NEGATING_WORDS, QUALIFIER_WORDS, QUANTITY_WORDS, REFERENCE_FIRST_WORDS,
  PASS_VERB_BEFORE, REFERENCE_LAST_WORDS, STRONG_SECRET_WORDS, SWITCH_FIRST_WORDS,
} from "./words.ts";

/**
 * The reading of a key, finer than `KeyVerdict`: `"qualified"` names a property of a secret
 * (`TOKEN_TTL`), `"plain"` has no secret word at all (`hostname`). Both are `"neutral"`.
 */
export type KeyReading =
  | { readonly says: "secret" | "secret-hash"; readonly word: string }
  | { readonly says: "reference" | "qualified" | "plain" };

/** linuxserver.io images read `FILE__NAME=/path` into `NAME`: the value is a path, whatever NAME says. */
const LINUXSERVER_FILE_PREFIX = /^FILE__/i;

/**
 * The secret words of a key, by index, with the word they spell: `key`/`keys` only after a
 * key modifier (`API_KEY`, not `CACHE_KEY`), `pass` not as a verb (`proxy_pass`), and two
 * words that spell one secret word (`masterAuth`, `PASS_PHRASE`).
 */
function secretWords(words: readonly KeyWord[]): { readonly index: number; readonly word: string }[] {
  const found: { index: number; word: string }[] = [];
  words.forEach((w, i) => {
    const before = words[i - 1]?.text ?? "";
    if (STRONG_SECRET_WORDS.has(before + w.text)) return void found.push({ index: i, word: before + w.text });
    if (!w.secret) return;
    if (KEY_WORDS.has(w.text) && !KEY_MODIFIERS.has(before)) return;
    if (w.text === "pass" && PASS_VERB_BEFORE.has(before)) return;
    found.push({ index: i, word: w.text });
  });
  return found;
}

/**
 * Reads a key (its last dotted level). The order matters: a switch or a count is never a
 * secret, a reference wins over a secret word, a property after the secret word wins over it.
 * @example readKey("passwordMinLength") // { says: "qualified" }
 * @example readKey("hashedPassword") // { says: "secret-hash", word: "password" }
 */
export function readKey(key: string): KeyReading {
  const cached = CACHE.get(key);
  if (cached !== undefined) return cached;
  // a config repeats its keys many times over; the cache is bounded so that no input grows it without end
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  const reading = readUncached(key);
  CACHE.set(key, reading);
  return reading;
}

const CACHE = new Map<string, KeyReading>();
const CACHE_LIMIT = 10_000;

function readUncached(key: string): KeyReading {
  const level = lastLevel(key);
  if (LINUXSERVER_FILE_PREFIX.test(level)) return { says: "reference" };
  const words = tokenize(level);
  const secrets = secretWords(words);
  if (secrets.length === 0) return { says: "plain" };
  const texts = words.map((w) => w.text);
  const first = texts[0]!;
  const last = texts[texts.length - 1]!;
  if (texts.some((t) => NEGATING_WORDS.has(t) || QUANTITY_WORDS.has(t))) return { says: "qualified" };
  if (SWITCH_FIRST_WORDS.has(first) && !words[0]!.secret) return { says: "qualified" };
  if (REFERENCE_LAST_WORDS.has(last) || REFERENCE_FIRST_WORDS.has(first)) return { says: "reference" };
  const lastSecret = secrets[secrets.length - 1]!;
  if (texts.slice(lastSecret.index + 1).some((t) => QUALIFIER_WORDS.has(t))) return { says: "qualified" };
  // a hash next to the secret word (`hashedPassword`, `password_hash`); a salt is no hash of anything
  const hashed = secrets.some(({ index, word }) => word !== "salt" && (HASH_WORDS.has(texts[index - 1] ?? "") || HASH_WORDS.has(texts[index + 1] ?? "")));
  return { says: hashed ? "secret-hash" : "secret", word: lastSecret.word };
}

/**
 * Key names: does this attribute name say it holds a secret (any case and style), a hash of
 * one, a reference to one (`…_FILE`, `passwordFile`, `tokenPath`, `secretName`), or nothing
 * of the kind (`…_ENABLED`, `TOKEN_TTL`, `minPasswordLength`, `KEYBOARD`, `publicKey`)?
 * @example keySays("DB-PASSWORD") // "secret"
 * @example keySays("ADMINPASSWORD") // "secret"
 * @example keySays("password_hash") // "secret-hash"
 * @example keySays("DB_PASSWORD_FILE") // "reference"
 * @example keySays("TOKEN_TTL") // "neutral"
 */
export function keySays(key: string): KeyVerdict {
  const reading = readKey(key);
  switch (reading.says) {
    case "secret":
    case "secret-hash":
    case "reference":
      return reading.says;
    case "qualified":
    case "plain":
      return "neutral";
  }
}
