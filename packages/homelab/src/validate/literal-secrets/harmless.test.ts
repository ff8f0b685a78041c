import { describe, expect, test } from "vitest";
import { isDynamic, literalOf, unquote } from "./harmless.ts";

describe("literalOf", () => {
  test.each([
    "", "  ", "true", "FALSE", "yes", "no", "on", "off", "0", "1", "enabled", "none", "null",
    "$DB_PASSWORD", "${DB_PASSWORD}", "${DB_PASSWORD:?unset}", "{env.TOKEN}", "{$TOKEN}", "%(ENV_TOKEN)s", "%(token)s",
    "{{ .Env.TOKEN }}", "@password@", "__FILE__", "__DB_PASSWORD__", "!secret mqtt", "!secret.yaml mqtt", "!env_var TOKEN",
    "$__file{/run/agenix/x}", "env:RESTIC_PASSWORD", "%d/password", "/run/agenix/x", "/run/secrets/x", "~/secrets/x",
    "file:///run/secrets/x", "file:/run/secrets/x", "pw:/run/agenix/x", "hash:/etc/postfix/sasl_passwd",
    "https://vault.example.org/v1/x", "op://vault/item/field", '"${TOKEN}"', "'$TOKEN'", "prefix-${X}", "$(cat /x)", "`cat /x`",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKb alice",
  ])("%j is harmless", (value) => {
    expect(literalOf(value, false)).toBeUndefined();
  });

  test.each([
    ["hunter2", "hunter2"],
    ['"hunter2"', "hunter2"],
    ["changeme", "changeme"],
    ["${DB_PASSWORD:-hunter2}", "hunter2"],
    ["{$TOKEN:abc}", "abc"],
    ["/Ab+cd/ef=", "/Ab+cd/ef="],
    ["<your password>", "<your password>"],
    ["pa$$word", "pa$$word"],
    ["https://u:p@example.org", "https://u:p@example.org"],
  ])("%j writes %j", (value, literal) => {
    expect(literalOf(value, false)).toBe(literal);
  });

  test("an empty fallback is no literal", () => {
    expect(literalOf("${DB_PASSWORD:-}", false)).toBeUndefined();
  });
});

describe("isDynamic", () => {
  test("command substitution and ${…} anywhere; $NAME only where a shell expands it", () => {
    expect(isDynamic("a$(b)", false)).toBe(true);
    expect(isDynamic("a${b}", false)).toBe(true);
    expect(isDynamic("pa$Sword", false)).toBe(false);
    expect(isDynamic("pa$Sword", true)).toBe(true);
    expect(isDynamic("costs 5$", true)).toBe(false);
  });
});

test("unquote removes one level of matching quotes", () => {
  expect(unquote('"a"')).toBe("a");
  expect(unquote("'a'")).toBe("a");
  expect(unquote(`"a'`)).toBe(`"a'`);
  expect(unquote('""')).toBe("");
});
