import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { classifyCommandLine, classifyValue, keySays } from "./index.ts";
import type { ValueContext } from "./types.ts";

const RUNS = { numRuns: 1000, seed: 20251 };

/**
 * Ordinary attribute words, some of them holding the letters of a secret word (`bypass`,
 * `passport`, `keyboard`, `monkey`, `tokenizer`, `secretary`, `compass`) — the false alarms
 * a substring match would raise.
 */
const ORDINARY = [
  "host", "port", "listen", "address", "data", "dir", "log", "level", "enable", "user", "group", "timeout", "cache",
  "primary", "public", "keyboard", "layout", "region", "zone", "mode", "name", "image", "tag", "network", "domain", "bypass",
  "compass", "monkey", "passthrough", "passport", "tokenizer", "secretary", "hotkey", "turkey", "sort", "routing",
  "retention", "interval", "workers", "threads", "memory", "locale", "theme", "title", "url", "endpoint", "max", "size",
  "count", "path", "file", "uid", "gid", "tz", "lang", "media", "library", "backup", "upload", "proxy", "trusted", "origin",
] as const;

/** Letters that hold none of the secret words (nor `key`, `auth`, `hash`), for made-up words. */
const SECRET_LETTERS = /pass|pw|pat|jwt|psk|salt|secret|token|cred|bearer|key|auth|hash|crypt|phrase/;
const madeUp = fc.stringMatching(/^[a-z]{2,9}$/).filter((w) => !SECRET_LETTERS.test(w));
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ORDINARY) }, { weight: 1, arbitrary: madeUp });

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
type Style = (words: readonly string[]) => string;
const STYLES: readonly Style[] = [
  (ws) => ws[0]! + ws.slice(1).map(cap).join(""), // camelCase
  (ws) => ws.join("_"), // snake_case
  (ws) => ws.join("-"), // kebab-case
  (ws) => ws.join("_").toUpperCase(), // SCREAMING_SNAKE
  (ws) => ws.join("").toUpperCase(), // ALLCAPS, no separator
  (ws) => ws.join(""), // all lower, no separator
  (ws) => ws.join("."), // dotted
];

/** An identifier-like key without any secret word, in any style. */
const ordinaryKey = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(...STYLES)).map(([ws, style]) => style(ws));

const segment = fc.stringMatching(/^[a-z0-9_-]{1,10}$/);
/** Ports, host names, addresses, paths, booleans, durations, plain words, URLs without credentials. */
const ordinaryValue: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc.domain(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 65535 })).map(([ip, port]) => `${ip}:${port}`),
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join("/")}`),
  fc.constantFrom("true", "false", "yes", "no", "on", "off", "0", "1"),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom("s", "m", "h", "d", "ms")).map(([n, u]) => `${n}${u}`),
  fc.constantFrom(...ORDINARY),
  fc.tuple(fc.domain(), fc.array(segment, { maxLength: 3 })).map(([d, s]) => `https://${d}/${s.join("/")}`),
);
const context = fc.constantFrom<ValueContext>("environment", "label", "config", "script");
const keyPath = fc.tuple(fc.array(ordinaryKey, { maxLength: 4 }), ordinaryKey).map(([parents, key]) => [...parents, key]);

describe("no false alarms on ordinary keys and values", () => {
  test("keys without a secret word say neutral (or reference, for …File/…Path/…Name)", () => {
    fc.assert(
      fc.property(ordinaryKey, (key) => {
        expect(["neutral", "reference"]).toContain(keySays(key));
      }),
      RUNS,
    );
  });

  test("ordinary values under ordinary keys are never flagged, in any context", () => {
    fc.assert(
      fc.property(keyPath, ordinaryValue, context, (path, value, ctx) => {
        expect(classifyValue(path, value, ctx)).toBeUndefined();
      }),
      RUNS,
    );
  });

  test("command lines of ordinary options and values are never flagged", () => {
    const arg = fc.oneof(
      ordinaryKey.map((k) => `--${k}`),
      fc.tuple(ordinaryKey, ordinaryValue).map(([k, v]) => `--${k}=${v}`),
      ordinaryValue.map(String),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 8 }), (args) => {
        expect(classifyCommandLine(args)).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** Secret names in many styles. */
const SECRET_KEYS = [
  "DB_PASSWORD", "dbPassword", "db-password", "ADMINPASSWORD", "apiKey", "API_KEY", "client_secret", "SESSION_KEY", "JWT",
  "GITHUB_PAT", "authToken", "SMTP_PASS", "passphrase", "privateKey", "credentials", "requirePass",
] as const;

describe("secret names", () => {
  test("placeholders, references, switches and empty values under them are never flagged", () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,15}$/);
    const harmless = fc.oneof(
      name.map((n) => `$${n}`),
      name.map((n) => `\${${n}}`),
      name.map((n) => `{env.${n}}`),
      name.map((n) => `%(ENV_${n})s`),
      name.map((n) => `@${n.toLowerCase()}@`),
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/run/agenix/${s.join("/")}`),
      fc.constantFrom("", " ", "true", "false", "yes", "no", "on", "off", "0", "1"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_KEYS), harmless, context, (key, value, ctx) => {
        expect(classifyValue(["services", "app", key], value, ctx)).toBeUndefined();
      }),
      RUNS,
    );
  });

  test("any other literal under them is an error", () => {
    // minus the documented harmless words and the placeholder syntaxes this alphabet can spell
    const WORDS = /^(?:true|false|yes|no|on|off|y|n|0|1|enabled?|disabled?|none|null|nil|undefined)$/i;
    const MARKERS = /^__[A-Z][A-Z0-9_]*__$|^env:[A-Za-z_]\w*$/;
    const literal = fc.stringMatching(/^[A-Za-z0-9!#%+,.:;<>?^_~-]{1,40}$/).filter((v) => !WORDS.test(v) && !MARKERS.test(v));
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_KEYS), literal, context, (key, value, ctx) => {
        expect(classifyValue(["services", "app", key], value, ctx)?.severity).toBe("error");
      }),
      RUNS,
    );
  });
});
