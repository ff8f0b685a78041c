/**
 * Values that are credentials whatever their key (a URL with a password, a JWT, a PEM private
 * key, a vendor token) and values that are password hashes.
 * Each is found anywhere inside a longer text; the message never repeats the secret.
 */
import { literalOf } from "./harmless.ts";
import { PEM_PRIVATE } from "./public-values.ts";
import { tokenFormatIn } from "./token-prefixes.ts";

/** A credential or hash recognised by its shape. */
export interface Shape {
  readonly rule: string;
  /** What was found, for the message: "a URL with a password (postgres://user:…@)". */
  readonly what: string;
}

/** `scheme://authority`: the authority ends at `/`, `?`, `#` or a space. */
const URL_AUTHORITY = /\b([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\s/?#]*)/g;

/** A JWT: base64url header `eyJ…` (`{"…`), payload, signature (empty for `alg: none`). */
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

/** `Authorization: Bearer …` / `Basic …` header values, in a value or inside a text. */
const BEARER = /\bbearer\s+([A-Za-z0-9._~+/-]+=*)/gi;
const BASIC = /\bbasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi;

/** Webhook URLs whose path is the credential: whoever has the URL can post. */
const WEBHOOKS: readonly { readonly re: RegExp; readonly what: string }[] = [
  { re: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,}/, what: "a Slack webhook URL" },
  { re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]+\/[A-Za-z0-9_-]{30,}/, what: "a Discord webhook URL" },
];

function urlWithPassword(text: string): Shape | undefined {
  URL_AUTHORITY.lastIndex = 0;
  for (let m = URL_AUTHORITY.exec(text); m !== null; m = URL_AUTHORITY.exec(text)) {
    const authority = m[2]!;
    const at = authority.lastIndexOf("@");
    if (at < 0) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(":");
    if (colon < 0) continue;
    const password = userinfo.slice(colon + 1);
    if (literalOf(password, true) === undefined) continue;
    const user = userinfo.slice(0, colon);
    return { rule: "url-credentials", what: `a URL with a password (${m[1]}://${user === "" ? "" : "user"}:…@)` };
  }
  return undefined;
}

function jwtIn(text: string): Shape | undefined {
  JWT.lastIndex = 0;
  for (let m = JWT.exec(text); m !== null; m = JWT.exec(text)) {
    try {
      const header: unknown = JSON.parse(Buffer.from(m[0].split(".")[0]!, "base64url").toString("utf8"));
      if (typeof header === "object" && header !== null && "alg" in header) return { rule: "jwt", what: "a signed JSON Web Token" };
    } catch {
      // not JSON: not a JWT
    }
  }
  return undefined;
}

function authorizationIn(text: string): Shape | undefined {
  BEARER.lastIndex = 0;
  for (let m = BEARER.exec(text); m !== null; m = BEARER.exec(text)) {
    const token = m[1]!;
    // a token has a digit or is long; prose ("Bearer authentication") has neither
    if (token.length >= 8 && (/[0-9]/.test(token) || token.length >= 24)) return { rule: "bearer-token", what: "a bearer token (Bearer …)" };
  }
  BASIC.lastIndex = 0;
  for (let m = BASIC.exec(text); m !== null; m = BASIC.exec(text)) {
    const decoded = Buffer.from(m[1]!, "base64").toString("latin1");
    if (/^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded)) return { rule: "basic-auth", what: "HTTP basic credentials (Basic …, user:password in base64)" };
  }
  return undefined;
}

/**
 * The first credential shape found anywhere in `text`.
 * @example credentialIn("postgres://app:hunter2@db/app")?.rule // "url-credentials"
 * @example credentialIn("postgres://app@db/app") // undefined
 */
export function credentialIn(text: string): Shape | undefined {
  // each shape has a fixed part; a value without it skips the shape's regular expression
  const pem = text.includes("-----BEGIN") ? PEM_PRIVATE.exec(text) : null;
  if (pem !== null) return { rule: "pem-private-key", what: `a PEM ${pem[1]}PRIVATE KEY block` };
  const token = tokenFormatIn(text);
  if (token !== undefined) return { rule: token.rule, what: token.label };
  if (text.includes("https://")) for (const hook of WEBHOOKS) if (hook.re.test(text)) return { rule: "webhook-url", what: hook.what };
  return (
    (text.includes("@") ? urlWithPassword(text) : undefined) ??
    (text.includes("eyJ") ? jwtIn(text) : undefined) ??
    (/bearer|basic/i.test(text) ? authorizationIn(text) : undefined)
  );
}

/**
 * Password hashes: crypt(3) (`$6$`, `$y$`, `$2b$`, `$argon2id$`, Apache `$apr1$`, Authelia
 * `$pbkdf2-sha512$`), LDAP/Dovecot `{SSHA}…`, Django `pbkdf2_sha256$…`. `$$` is how compose
 * files escape `$`, so it counts as one.
 */
const HASHES: readonly RegExp[] = [
  /(?<![A-Za-z0-9$])\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|md5|sha1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha(?:1|256|512))?|bcrypt-sha256)\$[^\s'"]{8,}/,
  /\{(?:SSHA|SSHA256|SSHA512|SHA|SHA256|SHA512|SMD5|MD5|CRYPT|BLF-CRYPT|SHA256-CRYPT|SHA512-CRYPT|ARGON2I|ARGON2ID|PBKDF2(?:-SHA(?:1|256|512))?)\}[A-Za-z0-9+/=.$]{8,}/i,
  /(?<![A-Za-z0-9_])(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|scrypt)\$[^\s$]+\$[^\s]{8,}/,
];

/**
 * A password hash anywhere in `text` (a warning: a hash in the store can be cracked offline).
 * @example hashIn("$y$j9T$abcdefgh$ijklmnopqrstuvwxyz0123456789ABCDEFGHIJ")?.rule // "password-hash"
 */
export function hashIn(text: string): Shape | undefined {
  if (!text.includes("$") && !text.includes("{")) return undefined;
  const t = text.replaceAll("$$", "$");
  return HASHES.some((re) => re.test(t)) ? { rule: "password-hash", what: "a password hash" } : undefined;
}
