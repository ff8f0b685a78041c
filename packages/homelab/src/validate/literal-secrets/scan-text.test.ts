import { describe, expect, test } from "vitest";
import { secretInText } from "./scan-text.ts";

describe("secretInText", () => {
  test("pairs anywhere in a value, in any context", () => {
    expect(secretInText("host=db password=hunter2", "config")?.rule).toBe("key-name");
    expect(secretInText("https://x/?a=1&api_key=k1", "environment")?.rule).toBe("key-name");
    expect(secretInText("host=db password=", "config")).toBeUndefined();
  });

  test("lines of a script: assignments, keyword lines, XML, commands", () => {
    for (const text of [
      "set -e\nexport DB_PASSWORD=hunter2",
      "local token='abc'",
      "declare -x API_KEY=abc",
      "requirepass hunter2",
      "<token>abc</token>",
      "mysql -phunter2",
      "  - password: hunter2",
      '"password": "hunter2",',
    ]) {
      expect(secretInText(text, "script")?.severity, text).toBe("error");
    }
  });

  test("lines are read as assignments only in scripts (a config value is not a file)", () => {
    expect(secretInText("password: hunter2", "config")).toBeUndefined();
    expect(secretInText("password: hunter2", "script")?.severity).toBe("error");
  });

  test("code that reads a secret is not a literal", () => {
    for (const text of [
      'password = os.environ["DB_PASSWORD"]',
      "password = get_password()",
      "const token = process.env.TOKEN;",
      "token: *default_token",
      "password: |",
      "token = self.config.token",
    ]) {
      expect(secretInText(text, "script"), text).toBeUndefined();
    }
  });

  test("unquoted words after key: are prose, a quoted or single value is a literal", () => {
    expect(secretInText("Passwords: Bitwarden clients authenticate themselves", "script")).toBeUndefined();
    expect(secretInText('password: "correct horse battery"', "script")?.severity).toBe("error");
    expect(secretInText("password: hunter2 # the old one", "script")?.severity).toBe("error");
    expect(secretInText("password = correct horse battery", "script")?.severity).toBe("error");
  });

  test("$NAME is expanded in scripts", () => {
    expect(secretInText("export DB_PASSWORD=$SECRET", "script")).toBeUndefined();
    expect(secretInText("export DB_PASSWORD=pre${SECRET}", "script")).toBeUndefined();
  });

  test("the fix of a line in a script says to read the secret at run time", () => {
    expect(secretInText("export DB_PASSWORD=hunter2", "script")?.fix).toContain("run time");
  });
});
