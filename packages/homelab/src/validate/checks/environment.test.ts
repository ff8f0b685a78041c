import { n } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { saysSecret } from "../secret-names.ts";
import { summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("saysSecret", () => {
  test.each([
    ["DB_PASSWORD", true], ["POSTGRES_PASSWORD", true], ["SMTP_PASS", true], ["GITHUB_TOKEN", true], ["JWT_SECRET", true],
    ["OPENAI_API_KEY", true], ["APIKEY", true], ["AWS_SECRET_ACCESS_KEY", true], ["PRIVATE_KEY", true], ["CREDENTIALS", true],
    ["DB_PASSWORD_FILE", false], ["TOKEN_URL", false], ["SECRET_USER", false], ["TZ", false], ["PUID", false],
    ["KEYBOARD", false], ["PASSTHROUGH", false], ["SSH_KEY_TYPE", false], ["CACHE_KEY", false],
  ])("%s → %s", (name, expected) => {
    expect(saysSecret(name)).toBe(expected);
  });
});

describe("env-secret-literal", () => {
  test("a Podman variable named like a secret with a literal value", () => {
    const lab = testLab({
      containers: [
        container("db", {
          backend: "podman",
          image: "docker.io/library/postgres:16",
          user: "999",
          environment: { POSTGRES_PASSWORD: "hunter2", POSTGRES_PASSWORD_FILE: "/run/secrets/pw", TZ: "UTC", EMPTY_TOKEN: "" },
        }),
      ],
    });
    expect(summary(lab, "env-secret-literal")).toEqual(["containers.db.environment.POSTGRES_PASSWORD"]);
  });

  test("upper-case keys in a NixOS config holding literal strings; AST values are not literals", () => {
    const lab = testLab({
      containers: [
        container("app", {
          config: {
            systemd: { services: { app: { environment: { ADMIN_TOKEN: "abc", TOKEN_FROM: n.raw("builtins.readFile /x"), LOG: "info" } } } },
            services: { authelia: { jwtSecret: "not an env variable" } },
          },
        }),
      ],
    });
    expect(summary(lab, "env-secret-literal")).toEqual(["containers.app.config.systemd.services.app.environment.ADMIN_TOKEN"]);
  });
});
