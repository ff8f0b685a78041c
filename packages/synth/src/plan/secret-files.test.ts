import { describe, expect, it } from "vitest";
import { agenixSecretFile } from "../../test-support/fixtures.ts";
import { missingSecretWarnings } from "./secret-files.ts";

const secrets = [
  agenixSecretFile("jwt", "secrets/authelia-jwt.age", "homelab.config.ts:4:13"),
  agenixSecretFile("db", "secrets/db pass.age", "homelab.config.ts:5:13"),
  agenixSecretFile("here", "secrets/here.age", "homelab.config.ts:6:13"),
];
const present = (p: string) => p === "secrets/here.age";

describe("missingSecretWarnings", () => {
  it("warns once per missing encrypted file, with the backend's command run where its rules file is", () => {
    expect(missingSecretWarnings(secrets, present, "server")).toEqual([
      {
        severity: "warning",
        code: "missing-secret-file",
        subject: { kind: "secret", name: "jwt" },
        path: ["secrets", "jwt"],
        site: "homelab.config.ts:4:13",
        message: "server/secrets/authelia-jwt.age does not exist yet; create it with: cd server/secrets && agenix -e authelia-jwt.age",
      },
      {
        severity: "warning",
        code: "missing-secret-file",
        subject: { kind: "secret", name: "db" },
        path: ["secrets", "db"],
        site: "homelab.config.ts:5:13",
        message: "server/secrets/db pass.age does not exist yet; create it with: cd server/secrets && agenix -e 'db pass.age'",
      },
    ]);
  });

  it("quotes an output directory with a space, and names the file from the current directory", () => {
    const [first] = missingSecretWarnings(secrets.slice(0, 1), present, "my server");
    expect(first!.message).toBe("my server/secrets/authelia-jwt.age does not exist yet; create it with: cd 'my server/secrets' && agenix -e authelia-jwt.age");
    const [here] = missingSecretWarnings(secrets.slice(0, 1), present, ".");
    expect(here!.message).toBe("secrets/authelia-jwt.age does not exist yet; create it with: cd secrets && agenix -e authelia-jwt.age");
  });

  it("looks for a file that climbs out of the output directory nowhere (synth reads only below it)", () => {
    const asked: string[] = [];
    const outside = [agenixSecretFile("k", "../keys/k.age", "c.ts:1:1"), agenixSecretFile("m", "./secrets/../../m.age", "c.ts:2:1")];
    expect(missingSecretWarnings(outside, (p) => (asked.push(p), false), "server")).toEqual([]);
    expect(asked).toEqual([]);
    // A `./` or a `..` that stays inside is looked for under its normal name.
    missingSecretWarnings([agenixSecretFile("n", "./secrets/x/../n.age", "c.ts:3:1")], (p) => (asked.push(p), true), "server");
    expect(asked).toEqual(["secrets/n.age"]);
  });

  it("is silent when every file exists", () => {
    expect(missingSecretWarnings(secrets, () => true, "server")).toEqual([]);
  });
});
