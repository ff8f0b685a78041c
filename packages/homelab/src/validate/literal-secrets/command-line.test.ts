import { describe, expect, test } from "vitest";
import { classifyCommandLine } from "./command-line.ts";

const found = (args: readonly string[]) => classifyCommandLine(args).map((f) => [f.index, f.finding.rule, f.finding.severity]);

describe("classifyCommandLine", () => {
  test("every argument holding a secret, by index", () => {
    expect(found(["app", "--db-pass", "hunter2", "--port", "8080", "--token=abc123", "-e", "API_KEY=x"])).toEqual([
      [2, "key-name", "error"],
      [5, "key-name", "error"],
      [7, "key-name", "error"],
    ]);
  });

  test("the value of --password X is consumed: it is not read again as a flag or a command", () => {
    expect(found(["--password", "--", "x"])).toEqual([]);
    expect(found(["--password", "mysql", "-phunter2"])).toEqual([[1, "key-name", "error"]]);
  });

  test("one-letter flags count only after their program", () => {
    expect(found(["-p", "8080:80", "-a", "x"])).toEqual([]);
    expect(found(["/usr/bin/mysql", "-phunter2"])).toEqual([[1, "command-password-flag", "error"]]);
    expect(found(["mysql", "-p"])).toEqual([]);
    expect(found(["docker", "-p", "8080:80", "run"])).toEqual([]);
    expect(found(["docker", "login", "-p", "x", "r"])).toEqual([[3, "command-password-flag", "error"]]);
  });

  test("curl -u needs a password after the colon; smbclient after the %", () => {
    expect(found(["curl", "-u", "bob:", "x"])).toEqual([]);
    expect(found(["curl", "-ubob:pw", "x"])).toEqual([[1, "command-password-flag", "error"]]);
    expect(found(["smbclient", "-U", "bob", "//nas/x"])).toEqual([]);
  });

  test("openssl: pass: is a literal, file:/env:/fd: are references", () => {
    expect(found(["openssl", "rsa", "-passin", "env:KEY_PASS"])).toEqual([]);
    expect(found(["openssl", "rsa", "-passout", "pass:x"])).toEqual([[3, "command-password-flag", "error"]]);
    expect(found(["openssl", "enc", "-k", "hunter2"])).toEqual([[3, "command-password-flag", "error"]]);
  });

  test("htpasswd: only in batch mode; -n drops the file argument", () => {
    expect(found(["htpasswd", "-c", "/etc/htpasswd", "admin"])).toEqual([]);
    expect(found(["htpasswd", "-nb", "admin", "hunter2"])).toEqual([[3, "command-password-flag", "error"]]);
  });

  test("sh -c text: reported at the argument that holds the script", () => {
    expect(found(["sh", "-c", "echo start; mysql -uroot -phunter2"])).toEqual([[2, "command-password-flag", "error"]]);
    expect(found(["sh", "-c", 'exec app --password "$PASSWORD"'])).toEqual([]);
  });

  test("a hash as an argument is a warning", () => {
    expect(found(["--users", "admin:$2y$05$abcdefghijklmnopqrstuv"])).toEqual([[1, "password-hash", "warning"]]);
  });

  test("reference flags and switches", () => {
    expect(found(["--secret", "token,type=env,target=TOKEN"])).toEqual([]);
    expect(found(["--password-file", "/run/agenix/x", "--token-file=/run/agenix/t"])).toEqual([]);
    expect(found(["--no-password", "db"])).toEqual([]);
  });

  test("the fix speaks of command lines", () => {
    expect(classifyCommandLine(["--password", "x"])[0]?.finding.fix).toContain("--…-file");
  });
});
