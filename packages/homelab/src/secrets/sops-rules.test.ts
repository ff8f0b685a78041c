import { describe, expect, test } from "vitest";
import { pathRegex, sopsRules } from "./sops-rules.ts";

describe("pathRegex", () => {
  test.each([
    ["secrets/jwt.sops", "^secrets/jwt\\.sops$"],
    ["secrets/a+b/c_d-e.sops", "^secrets/a\\+b/c_d-e\\.sops$"],
    ["secrets/../jwt.sops", "^jwt\\.sops$"],
    ["../keys/jwt.sops", "^/(.*[/])?keys/jwt\\.sops$"],
    ["../../jwt", "^/(.*[/])?jwt$"],
  ])("%s → %s", (file, regex) => {
    expect(pathRegex(file)).toBe(regex);
  });

  test("matches the file, not a neighbour whose name only contains it", () => {
    const r = new RegExp(pathRegex("secrets/jwt.sops"));
    expect(["secrets/jwt.sops", "secrets/jwtXsops", "secrets/jwt.sops.bak", "x/secrets/jwt.sops"].map((p) => r.test(p))).toEqual([true, false, false, false]);
    const beside = new RegExp(pathRegex("../keys/jwt.sops"));
    // Absolute (beside the rules' directory) only: a relative `keys/jwt.sops` inside is another file.
    expect(["/repo/keys/jwt.sops", "/keys/jwt.sops", "keys/jwt.sops", "/repo/monkeys/jwt.sops"].map((p) => beside.test(p))).toEqual([true, true, false, false]);
  });
});

describe("sopsRules", () => {
  test("no recipients and no files: still a file sops reads (empty lists)", () => {
    expect(sopsRules("Generated", {}, [])).toBe("# Generated\nkeys: []\ncreation_rules: []\n");
    expect(sopsRules("Generated", {}, ["secrets/a.sops"])).toBe(
      "# Generated\nkeys: []\ncreation_rules:\n  - path_regex: '^secrets/a\\.sops$'\n    key_groups:\n      - age: []\n",
    );
  });

  test("recipients sorted, files sorted and once each: the same bytes in any order", () => {
    const a = sopsRules("H", { z: "age1zz", a: "age1aa" }, ["secrets/b.sops", "secrets/a.sops", "secrets/b.sops"]);
    const b = sopsRules("H", { a: "age1aa", z: "age1zz" }, ["secrets/a.sops", "secrets/b.sops"]);
    expect(a).toBe(b);
    expect(a.split("\n").filter((l) => l.startsWith("  - "))).toEqual(["  - &a 'age1aa'", "  - &z 'age1zz'", "  - path_regex: '^secrets/a\\.sops$'", "  - path_regex: '^secrets/b\\.sops$'"]);
  });
});
