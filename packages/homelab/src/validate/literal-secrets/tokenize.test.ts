import { describe, expect, test } from "vitest";
import { lastLevel, splitStyle, tokenize } from "./tokenize.ts";

describe("splitStyle", () => {
  test.each([
    ["dbPassword", ["db", "password"]],
    ["db_password", ["db", "password"]],
    ["DB-PASSWORD", ["db", "password"]],
    ["APIKey", ["api", "key"]],
    ["OAUTH2_CLIENT_SECRET", ["oauth", "2", "client", "secret"]],
    ["olcRootPW", ["olc", "root", "pw"]],
    ["AUTHENTIK_POSTGRESQL__PASSWORD", ["authentik", "postgresql", "password"]],
    ["static-auth-secret", ["static", "auth", "secret"]],
    ["ADMINPASSWORD", ["adminpassword"]],
  ])("%s", (key, words) => {
    expect(splitStyle(key)).toEqual(words);
  });
});

describe("lastLevel", () => {
  test("dotted and slashed keys keep their last level", () => {
    expect(lastLevel("traefik.http.routers.token-app.rule")).toBe("rule");
    expect(lastLevel("spring.datasource.password")).toBe("password");
    expect(lastLevel("db/password")).toBe("password");
    expect(lastLevel("DB_PASSWORD")).toBe("DB_PASSWORD");
    expect(lastLevel("trailing.")).toBe("trailing");
  });
});

/** `word*` marks a word that counts as a secret word where it stands. */
const marked = (key: string) => tokenize(key).map((w) => (w.secret ? `${w.text}*` : w.text));

describe("tokenize: the dictionary splits glued keys", () => {
  test.each([
    ["ADMINPASSWORD", ["admin", "password*"]],
    ["adminpassword", ["admin", "password*"]],
    ["PGPASSFILE", ["pg", "pass*", "file"]],
    ["requirepass", ["require", "pass*"]],
    ["secretkeybase", ["secret*", "key*", "base"]],
    ["nextcloudpassword", ["nextcloud", "password*"]],
    ["TS_AUTHKEY", ["ts", "auth", "key*"]],
    ["dbpass", ["db", "pass*"]],
  ])("%s → %j", (key, words) => {
    expect(marked(key)).toEqual(words);
  });

  test.each([
    ["bypass", "an unknown prefix before a weak word"],
    ["compass", "an unknown prefix before a weak word"],
    ["surpass", "an unknown prefix before a weak word"],
    ["PASSTHROUGH", "a weak word before an unknown rest"],
    ["tokenizer", "a strong word before an unknown rest"],
    ["secretary", "a whole dictionary word"],
    ["monkey", "a whole dictionary word"],
    ["turkey", "key after an unknown prefix"],
    ["basalt", "salt after an unknown prefix"],
    ["pattern", "pat before an unknown rest"],
    ["KEYBOARD", "a whole dictionary word"],
  ])("%s has no secret word (%s)", (key) => {
    expect(tokenize(key).filter((w) => w.secret)).toEqual([]);
  });

  test("digits are dropped, never glued into words", () => {
    expect(marked("PASSWORD2")).toEqual(["password*"]);
    expect(marked("sha256")).toEqual(["sha"]);
  });

  test("very long runs are not split", () => {
    const blob = "x".repeat(80) + "password";
    expect(marked(blob)).toEqual([blob]);
  });
});
