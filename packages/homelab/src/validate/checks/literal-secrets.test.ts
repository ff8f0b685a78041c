import { n } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { publicValue } from "../../builders/public-value.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const pod = (options: Record<string, unknown>) =>
  container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...options } as never);

/** `severity path` of every literal-secret finding, sorted. */
function found(...parts: Parameters<typeof testLab>[0][]): string[] {
  const lab = testLab(Object.assign({}, ...parts));
  return [...findings(lab, "secret-literal"), ...findings(lab, "secret-hash-literal")].map((d) => `${d.severity} ${d.path}`).sort();
}

describe("secret-literal: where the model can hold a literal", () => {
  test("a Podman container's environment, in any key style, and labels", () => {
    expect(found({
      containers: [pod({
        environment: { dbPassword: "hunter2", ADMINPASSWORD: "x", SESSION_KEY: "abc123def", JWT: "topsecret", GITHUB_PAT: "mytoken1234", TZ: "UTC", DB_PASSWORD_FILE: "/run/secrets/db", PASSWORD_RESET_ENABLED: "true" },
        labels: { "x-api-key": "0123456789abcdef", "io.containers.autoupdate": "registry" },
      })],
    })).toEqual([
      "error containers.app.environment.ADMINPASSWORD",
      "error containers.app.environment.GITHUB_PAT",
      "error containers.app.environment.JWT",
      "error containers.app.environment.SESSION_KEY",
      "error containers.app.environment.dbPassword",
      "error containers.app.labels.x-api-key",
    ]);
  });

  test("command lines: cmd, entrypoint and extraOptions, by argument", () => {
    expect(found({
      containers: [pod({ cmd: ["serve", "--password", "hunter2"], entrypoint: "/app --token=abcd1234efgh", extraOptions: ["--env=API_KEY=0123456789", "--memory=256m"] })],
    })).toEqual(["error containers.app.cmd[2]", "error containers.app.entrypoint", "error containers.app.extraOptions[0]"]);
  });

  test("NixOS configuration at any depth, values that are credentials whatever their key, numbers", () => {
    const lab = {
      containers: [container("app", {
        config: {
          users: { users: { alice: { initialPassword: "changeme", hashedPassword: "$6$salt$0123456789abcdefghijklmnopqrstuvwxyz" } } },
          services: { app: { settings: { password: 123456, db: { url: "postgres://app:hunter2@db/app" }, minPasswordLength: 12 } } },
        },
      })],
      services: [service("worker", { config: { systemd: { services: { worker: { environment: { OPENAI_API_KEY: "sk-proj-0123456789abcdefghijklmnopqrstuvwxyz0123" } } } } } })],
    };
    expect(found(lab)).toEqual([
      "error containers.app.config.services.app.settings.db.url",
      "error containers.app.config.services.app.settings.password",
      "error containers.app.config.users.users.alice.initialPassword",
      "error services.worker.config.systemd.services.worker.environment.OPENAI_API_KEY",
      "warning containers.app.config.users.users.alice.hashedPassword",
    ]);
  });

  test("n.str: the literal parts carry the secret; interpolations are references; scripts are read as scripts", () => {
    const host = n.id("host");
    const lab = {
      containers: [container("app", {
        config: {
          services: { app: { dbUrl: n.str`postgres://app:hunter2@${host}/app`, url: n.str`https://${host}/api` } },
          systemd: { services: { app: { script: n.indented("export ADMIN_TOKEN=abcdef123456\nexec app\n") } } },
          environment: { etc: { "app.conf": { source: n.call(n.select("pkgs.writeText"), "app.conf", n.str`password = hunter22\nhost = ${host}\n`) } } },
        },
      })],
    };
    expect(found(lab)).toEqual([
      'error containers.app.config.environment.etc["app.conf"].source',
      "error containers.app.config.services.app.dbUrl",
      "error containers.app.config.systemd.services.app.script",
    ]);
  });
});

describe("what must pass", () => {
  test("secret paths, *_FILE keys, booleans, placeholders, public keys: no finding", () => {
    const pw = secret("app-db");
    expect(found({
      containers: [
        container("app", {
          secrets: [pw],
          config: { services: { app: { passwordFile: pw.path, password_file: "/run/agenix/app-db", tokenUrl: "https://example.org/token", enableTokens: true, authorizedKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 me" } } },
        }),
        pod({ environment: { DB_PASSWORD: "${DB_PASSWORD}", TOKEN_TTL: "3600", PASSWORD_RESET_ENABLED: "false" } }),
      ],
    })).toEqual([]);
  });

  test("publicValue: an explicit, reasoned exception in a config, an environment and a command line", () => {
    const demo = publicValue("demo-0000-0000", "the vendor's published demo key");
    expect(found({
      containers: [
        container("a", { config: { services: { x: { apiKey: demo } } } }),
        pod({ environment: { DEMO_API_KEY: demo, OTHER_API_KEY: "0123456789abcdef" }, cmd: ["--password", publicValue("guest", "the kiosk's public guest login")] }),
      ],
    })).toEqual(["error containers.app.environment.OTHER_API_KEY"]);
  });

  test("the message says why, what to do, and how to opt out", () => {
    const [d] = findings(testLab({ containers: [pod({ environment: { DB_PASSWORD: "hunter2" } })] }), "secret-literal");
    expect(d!.message).toContain("world-readable Nix store");
    expect(d!.message).toContain("environmentFiles");
    expect(d!.message).toContain('publicValue("…", "why it is public")');
    expect(d!.message).not.toContain("hunter2");
  });
});
