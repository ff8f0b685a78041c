/**
 * Which name governs a value at a key path: its own attribute name; for a list element, the
 * name of the list (`passwords[0]`); for a member of a secrets set with a name that says
 * nothing (`secrets.session`, nginx `basicAuth.alice`), the set's name.
 */
import { readKey, type KeyReading } from "./key-says.ts";
import { lastLevel, splitStyle } from "./tokenize.ts";
import type { KeyPath } from "./types.ts";
import { IDENTITY_WORDS, SECRET_CONTAINERS } from "./words.ts";

/** The reading of the governing name, and the name (for messages). */
export interface PathReading {
  readonly key: string;
  readonly reading: KeyReading;
  /** Set when the reading comes from the enclosing set rather than the key itself. */
  readonly container?: string;
}

/** The key's last level as one lower-case word (`basic_auth` → `basicauth`), cheaply. */
const joined = (key: string) => lastLevel(key).replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/**
 * @example readPath(["services", "x", "settings", "secrets", "session"]).reading.says // "secret"
 * @example readPath(["users", "users", "alice", "openssh", "authorizedKeys", "keys", 0]).reading.says // "plain"
 */
export function readPath(path: KeyPath): PathReading | undefined {
  let i = path.length - 1;
  while (i >= 0 && typeof path[i] === "number") i--;
  if (i < 0) return undefined;
  const key = path[i] as string;
  const reading = readKey(key);
  const parent = path[i - 1];
  if (reading.says === "plain" && i === path.length - 1 && typeof parent === "string" && SECRET_CONTAINERS.has(joined(parent))) {
    const words = splitStyle(lastLevel(key));
    const identity = IDENTITY_WORDS.has(words.join("")) || IDENTITY_WORDS.has(words[words.length - 1] ?? "");
    if (!identity) {
      return { key, reading: { says: "secret", word: joined(parent) }, container: parent };
    }
  }
  return { key, reading };
}
