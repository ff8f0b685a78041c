import { describe, expect, test } from "vitest";
import { classifyTemplate, classifyValue } from "./classify.ts";
import { FAKE } from "../../../test-support/validate/literal-secrets/fixtures.ts";
import { REF } from "../../../test-support/validate/literal-secrets/matrix.ts";

describe("classifyValue", () => {
  test("an error names the key and the word, and never the value", () => {
    const found = classifyValue(["services", "x", "settings", "dbPassword"], "hunter2", "config");
    expect(found).toEqual({
      severity: "error",
      code: "secret-literal",
      rule: "key-name",
      reason: '"dbPassword" names a secret (password) and holds a literal string, which lands in the world-readable Nix store',
      fix: 'keep it out of the Nix store: use the option\'s file form ("passwordFile", "…File") with a secret\'s path (secret("…").path)',
    });
  });

  test("the advice depends on where the value sits", () => {
    const fix = (context: "environment" | "label" | "config" | "script") => classifyValue(["x", "TOKEN"], "abc", context)?.fix;
    expect(fix("environment")).toContain("environmentFiles");
    expect(fix("config")).toContain("passwordFile");
    expect(fix("label")).toContain("labels are public");
    expect(fix("script")).toContain("run time");
  });

  test("a hash is a warning with its own code and advice", () => {
    const found = classifyValue(["users", "users", "alice", "hashedPassword"], FAKE.yescrypt, "config");
    expect(found?.severity).toBe("warning");
    expect(found?.code).toBe("secret-hash-literal");
    expect(found?.fix).toContain("hashedPasswordFile");
    expect(found?.reason).not.toContain(FAKE.yescrypt);
  });

  test("a password hash under any name is a warning; under a password name too (not an error)", () => {
    expect(classifyValue(["x", "users"], `alice:${FAKE.bcrypt}`, "label")?.severity).toBe("warning");
    expect(classifyValue(["x", "password"], FAKE.argon2id, "config")?.severity).toBe("warning");
  });

  test("numbers: any but 0 and 1 under a secret name; never under other names", () => {
    expect(classifyValue(["x", "password"], 1234, "config")?.reason).toContain("literal number");
    expect(classifyValue(["x", "password"], 10n ** 30n, "config")?.severity).toBe("error");
    expect(classifyValue(["x", "password"], 1, "config")).toBeUndefined();
    expect(classifyValue(["x", "password"], 0n, "config")).toBeUndefined();
    expect(classifyValue(["x", "password"], Number.NaN, "config")).toBeUndefined();
    expect(classifyValue(["x", "port"], 1234, "config")).toBeUndefined();
  });

  test("list elements take the name of the list", () => {
    expect(classifyValue(["x", "tokens", 3], "abc", "config")?.severity).toBe("error");
    expect(classifyValue(["x", "tokens", 3, 0], "abc", "config")?.severity).toBe("error");
    expect(classifyValue(["x", "hosts", 3], "abc", "config")).toBeUndefined();
    expect(classifyValue([0, 1], "abc", "config")).toBeUndefined();
  });

  test("members of a secrets set are secrets, except those that describe the account", () => {
    expect(classifyValue(["x", "secrets", "session"], "abc", "config")?.rule).toBe("secret-container");
    expect(classifyValue(["x", "credentials", "username"], "bob", "config")).toBeUndefined();
    expect(classifyValue(["x", "basicAuth", "alice"], "pw", "config")?.reason).toBe(
      '"alice", a member of "basicAuth" (whose members are secrets), holds a literal string, which lands in the world-readable Nix store',
    );
    // only the direct parent: agenix's own options are not secrets
    expect(classifyValue(["age", "secrets", "db", "owner"], "postgres", "config")).toBeUndefined();
  });

  test("public key material is never a secret, whatever its name; a private key in it still is", () => {
    expect(classifyValue(["x", "privateKey"], FAKE.sshEd25519, "config")).toBeUndefined();
    expect(classifyValue(["x", "certificate"], `${FAKE.certificate}\n${FAKE.ecKey}`, "config")?.rule).toBe("pem-private-key");
  });

  test("a shape is found under any name, also a reference name", () => {
    expect(classifyValue(["x", "passwordFile"], FAKE.rsaKey, "config")?.rule).toBe("pem-private-key");
    expect(classifyValue(["x", "DATABASE_URL_FILE"], "/run/agenix/db", "environment")).toBeUndefined();
  });
});

describe("classifyTemplate", () => {
  test("without interpolations it is a plain value", () => {
    expect(classifyTemplate(["x", "password"], ["hun", "ter2"], "config")).toEqual(classifyValue(["x", "password"], "hunter2", "config"));
  });

  test("an interpolated value under a secret name is computed, not literal", () => {
    expect(classifyTemplate(["x", "password"], ["hunter", REF], "config")).toBeUndefined();
    expect(classifyTemplate(["x", "password"], [REF, REF], "config")).toBeUndefined();
  });

  test("literal parts are still read: shapes, pairs, command lines, hashes", () => {
    expect(classifyTemplate(["x", "url"], ["https://u:pw@", REF], "config")?.rule).toBe("url-credentials");
    expect(classifyTemplate(["x", "dsn"], ["password=hunter2 host=", REF], "config")?.rule).toBe("key-name");
    expect(classifyTemplate(["x", "script"], [REF, " --token abc"], "script")?.rule).toBe("key-name");
    expect(classifyTemplate(["x", "users"], ["alice:", FAKE.bcrypt, "\n", REF], "script")?.severity).toBe("warning");
  });

  test("an interpolation never completes a token or a password", () => {
    expect(classifyTemplate(["x", "url"], ["https://u:", REF, "@host"], "config")).toBeUndefined();
    expect(classifyTemplate(["x", "t"], ["ghp_", REF], "config")).toBeUndefined();
    expect(classifyTemplate(["x", "s"], ["export TOKEN=", REF], "script")).toBeUndefined();
  });

  test("the stand-in for an interpolation never shows in a message", () => {
    const found = classifyTemplate(["x", "script"], ["mysql -phunter2 -h ", REF], "script");
    expect(found?.reason).not.toMatch(/[\uE000]|\$\{/);
  });
});
