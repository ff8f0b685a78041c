import { n, type NixExpr, type NixInput } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { publicValue } from "../../builders/public-value.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import type { ConfigObject } from "../../schema/config.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";
import { literalSecretsInExpr } from "./literal-secrets-expr.ts";

const token = secret("api-token");
const writer = (fn: string, first: NixInput, ...rest: NixInput[]): NixExpr => n.call(fn, first, ...rest);

/** `severity code path` of every literal-secret finding of a container's and a service's config, sorted. */
function found(config: ConfigObject): string[] {
  const lab = testLab({
    containers: [container("app", { secrets: [token], config })],
    services: [service("backup", { secrets: [token], config })],
  });
  return [...findings(lab, "secret-literal"), ...findings(lab, "secret-hash-literal")].map((d) => `${d.severity} ${d.path}`).sort();
}

/** The same config in the container (`containers.app.config`) and the host service (`services.backup.config`). */
const both = (...paths: string[]): string[] => paths.flatMap((p) => [`error containers.app.config.${p}`, `error services.backup.config.${p}`]).sort();

describe("secret-literal in generated scripts and config files", () => {
  test.each<[string, ConfigObject, string]>([
    ["pkgs.writeText", { environment: { etc: { "restic.env": { source: writer("pkgs.writeText", "restic.env", "RESTIC_PASSWORD=correct-horse-battery\n") } } } }, 'environment.etc["restic.env"].source'],
    ["pkgs.writeShellScript", { systemd: { services: { sync: { serviceConfig: { ExecStart: writer("pkgs.writeShellScript", "sync", n.indented("curl -u admin:hunter22 https://nas.lan/api\n")) } } } } }, "systemd.services.sync.serviceConfig.ExecStart"],
    [
      "pkgs.writeShellApplication { text }",
      { environment: { systemPackages: [writer("pkgs.writeShellApplication", n.attrs({ name: "notify", runtimeInputs: [n.select("pkgs.curl")], text: n.indented('TOKEN="tg-0123456789abcdef"\ncurl -d "$1" "https://api.example.org/send?token=$TOKEN"\n') }))] } },
      "environment.systemPackages[0].text",
    ],
    ["systemd.services.<x>.script", { systemd: { services: { dump: { script: "export PGPASSWORD=s3cr3t-pg\npg_dumpall > /var/backup/all.sql\n" } } } }, "systemd.services.dump.script"],
    ["environment.etc.<x>.text", { environment: { etc: { "app/app.ini": { text: "[database]\nPASSWD = hunter22\n" } } } }, 'environment.etc["app/app.ini"].text'],
    ["services.<x>.settings as plain data", { services: { app: { settings: { smtp: { password: "mail-pass-123" } } } } }, "services.app.settings.smtp.password"],
    ["services.<x>.settings as an n.attrs", { services: { app: { settings: n.attrs({ smtp: n.attrs({ password: "mail-pass-123" }) }) } } }, "services.app.settings.smtp.password"],
    ["pkgs.writers.writeYAML data", { environment: { etc: { "app.yaml": { source: writer("pkgs.writers.writeYAML", "app.yaml", n.attrs({ api_key: "0123456789abcdef" })) } } } }, 'environment.etc["app.yaml"].source.api_key'],
    ["builtins.toJSON of an n.attrs", { environment: { etc: { "app.json": { text: writer("builtins.toJSON", n.attrs({ db: n.attrs({ password: "hunter22" }) })) } } } }, 'environment.etc["app.json"].text.db.password'],
    ["a let binding inside a script", { systemd: { services: { x: { script: n.let({ apiToken: "abcdef123456" }, n.str`curl https://example.org`) } } } }, "systemd.services.x.script"],
  ])("%s: reported at the attribute that holds it, in a container and a host service", (_, config, path) => {
    expect(found(config)).toEqual(both(path));
  });
});

describe("what must pass", () => {
  test("a secret's path interpolated into each of those forms", () => {
    const read = n.str`$(cat ${token.path})`;
    expect(found({
      environment: {
        etc: {
          "restic.env": { source: writer("pkgs.writeText", "restic.env", n.str`RESTIC_PASSWORD_FILE=${token.path}\n`) },
          "app/app.ini": { text: n.str`[database]\nPASSWD = ${token.path}\n` },
          "app.yaml": { source: writer("pkgs.writers.writeYAML", "app.yaml", n.attrs({ api_key_file: token.path })) },
        },
        systemPackages: [writer("pkgs.writeShellApplication", n.attrs({ name: "notify", text: n.str`TOKEN="${read}"\ncurl -H "Authorization: Bearer $TOKEN" https://api.example.org\n` }))],
      },
      systemd: {
        services: {
          dump: { script: n.str`export PGPASSWORD="$(cat ${token.path})"\npg_dumpall > /var/backup/all.sql\n` },
          sync: { serviceConfig: { ExecStart: writer("pkgs.writeShellScript", "sync", n.str`curl -u "admin:$(cat ${token.path})" https://nas.lan/api\n`) } },
        },
      },
      services: { app: { settings: n.attrs({ smtp: n.attrs({ passwordFile: token.path, host: "mail.example.org" }) }) } },
    })).toEqual([]);
  });

  test("publicValue silences a script, a file's text and a setting; names and harmless text pass", () => {
    expect(found({
      systemd: { services: { demo: { script: publicValue("export DEMO_TOKEN=demo-0000-0000\nexec demo\n", "the vendor's published demo token") } } },
      environment: {
        etc: { "kiosk.conf": { text: publicValue("password = guest\n", "the kiosk's public guest login") } },
        systemPackages: [writer("pkgs.writeShellScriptBin", "hello", "echo hello\n"), writer("pkgs.writeText", "motd", "Passwords: ask the admin\n")],
      },
      services: { app: { settings: { token: publicValue("public-read", "a read-only token the app shows to visitors"), minPasswordLength: 12 } } },
    })).toEqual([]);
  });

  test("the walk goes deep without recursion", () => {
    let deep: NixExpr = n.attrs({ password: "hunter22" });
    for (let i = 0; i < 5000; i++) deep = n.call(n.select("lib.id"), deep);
    expect(literalSecretsInExpr(deep, ["services", "app", "settings"]).map((f) => f.at)).toEqual([["services", "app", "settings", "password"]]);
  });
});
