/**
 * Whether a variable name says it holds a secret: one of its `_`-separated words is
 * PASSWORD, TOKEN, SECRET, … or it ends in an API/private/access KEY. Names of files, URLs and
 * users (`DB_PASSWORD_FILE`, `TOKEN_URL`, `SECRET_USER`) hold no secret themselves.
 */
const SECRET_WORDS = new Set(["PASSWORD", "PASSWD", "PASS", "TOKEN", "SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS", "APIKEY", "PASSPHRASE"]);
const KEY_PREFIXES = new Set(["API", "PRIVATE", "ACCESS", "SECRET", "ENCRYPTION", "SIGNING", "LICENSE", "AUTH", "MASTER", "ENC"]);
const SAFE_LAST = new Set(["FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST", "PORT", "USER", "USERNAME", "NAME", "TTL", "EXPIRY", "LENGTH", "TYPE", "ID", "HEADER", "ENABLED", "ENABLE", "REQUIRED", "MODE"]);

/**
 * @example saysSecret("DB_PASSWORD") // true
 * @example saysSecret("OPENAI_API_KEY") // true
 * @example saysSecret("DB_PASSWORD_FILE") // false
 */
export function saysSecret(name: string): boolean {
  const words = name.toUpperCase().split(/_+/).filter((w) => w !== "");
  const last = words[words.length - 1];
  if (last === undefined || SAFE_LAST.has(last)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SECRET_WORDS.has(w)) return true;
    if ((w === "KEY" || w === "KEYS") && i > 0 && KEY_PREFIXES.has(words[i - 1]!)) return true;
  }
  return false;
}
