import { describe, expect, it } from "vitest";
import { missingSecretWarnings } from "./secret-files.ts";

const secrets = [
  { name: "jwt", file: "secrets/authelia-jwt.age", site: "homelab.config.ts:4:13" },
  { name: "db", file: "secrets/db pass.age", site: "homelab.config.ts:5:13" },
  { name: "here", file: "secrets/here.age", site: "homelab.config.ts:6:13" },
];
const present = (p: string) => p === "secrets/here.age";

describe("missingSecretWarnings", () => {
  it("warns once per missing .age file, with the agenix command run where secrets.nix is", () => {
    const files = new Map([["secrets/secrets.nix", ""], ["flake.nix", ""]]);
    expect(missingSecretWarnings(secrets, files, present, "server")).toEqual([
      {
        severity: "warning",
        code: "missing-secret-file",
        path: "secrets.jwt",
        site: "homelab.config.ts:4:13",
        message: "server/secrets/authelia-jwt.age does not exist yet; create it with: cd server/secrets && agenix -e authelia-jwt.age",
      },
      {
        severity: "warning",
        code: "missing-secret-file",
        path: "secrets.db",
        site: "homelab.config.ts:5:13",
        message: "server/secrets/db pass.age does not exist yet; create it with: cd server/secrets && agenix -e 'db pass.age'",
      },
    ]);
  });

  it("finds secrets.nix wherever the layout puts it, and names files relative to it", () => {
    const files = new Map([["hosts/a/secrets.nix", ""]]);
    const [first] = missingSecretWarnings(secrets.slice(0, 1), files, present, "my server");
    expect(first!.message).toBe("my server/secrets/authelia-jwt.age does not exist yet; create it with: cd 'my server/hosts/a' && agenix -e ../../secrets/authelia-jwt.age");
  });

  it("assumes secrets/ when there is no single secrets.nix", () => {
    for (const files of [new Map(), new Map([["a/secrets.nix", ""], ["b/secrets.nix", ""]]), new Map([["notsecrets.nix", ""]])]) {
      const [first] = missingSecretWarnings(secrets.slice(0, 1), files, present, ".");
      expect(first!.message).toBe("secrets/authelia-jwt.age does not exist yet; create it with: cd secrets && agenix -e authelia-jwt.age");
    }
  });

  it("is silent when every file exists", () => {
    expect(missingSecretWarnings(secrets, new Map(), () => true, "server")).toEqual([]);
  });
});
