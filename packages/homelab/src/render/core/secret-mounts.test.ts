import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { n } from "@nixjs/expr-printer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { container } from "../../builders/container.ts";
import { homelab } from "../../builders/homelab.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import { SUPPORTED_RELEASES, type Release } from "../../releases/release.ts";
import { validate } from "../../validate/index.ts";
import { render } from "../index.ts";
import { printAll } from "../../../test-support/render/files.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";

/**
 * agenix: a token the host decrypts (its file beside the output directory) mounted into two
 * containers; one name read by the host's grafana as grafana and decrypted by a container as
 * root (two systems, two owners, one `.age` file).
 */
function agenixLab(nixos: Release) {
  const token = secret("dns-token", { decrypt: "host", file: "../keys/dns-token.age" });
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    nixos,
    network: { pool: "10.10.10.0/24" },
    agenix: { recipients: { admin: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p" } },
    containers: [
      container("ddns", { secrets: [token], config: { environment: { etc: { "ddns/token": { source: token.path } } } } }),
      container("backup", {
        privateUsers: "pick",
        secrets: [token, secret("grafana-admin")],
        config: { environment: { variables: { TOKEN: n.str`--token-file=${token.path}`, ADMIN: secret("grafana-admin").path } } },
      }),
    ],
    services: [
      service("grafana", {
        secrets: [secret("grafana-admin", { owner: "grafana" })],
        config: {
          users: { users: { grafana: { isSystemUser: true, group: "grafana" } }, groups: { grafana: {} } },
          services: { openssh: { enable: true } },
          environment: { variables: { GRAFANA_ADMIN: secret("grafana-admin").path } },
        },
      }),
    ],
  });
}

describe.each(SUPPORTED_RELEASES)("host-decrypted secrets and one secret with two owners, agenix, NixOS %s", (release) => {
  const lab = agenixLab(release);
  const texts = printAll(render(lab));
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "nixjs-mounts-"));
    dir = join(root, "server");
    for (const [path, body] of [...texts, ["../keys/dns-token.age", ""], ["secrets/grafana-admin.age", ""]] as const) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is valid: two owners in two systems are no conflict", () => {
    // The machine's hardware module is the only thing missing (the stand-in gets its own).
    expect(validate(lab).filter((d) => d.severity !== "note").map((d) => d.code)).toEqual(["deploy-no-hardware"]);
  });

  it("the host declares the mounted secret once (file relative to host.nix); each container mounts it read-only", () => {
    expect(texts.get("host.nix")).toContain(
      '  age.secrets = {\n    dns-token.file = ../keys/dns-token.age;\n    grafana-admin = {\n      file = ./secrets/grafana-admin.age;\n      owner = "grafana";\n    };\n  };',
    );
    expect(texts.get("containers/ddns.nix")).toContain(
      '    bindMounts."/run/host-secrets/dns-token" = {\n      hostPath = config.age.secrets.dns-token.path;\n      isReadOnly = true;\n    };',
    );
    expect(texts.get("containers/ddns.nix")).toContain('environment.etc."ddns/token".source = "/run/host-secrets/dns-token";');
    expect(texts.get("containers/backup.nix")).toContain('TOKEN = "--token-file=/run/host-secrets/dns-token";');
    // A container that decrypts nothing itself gets no host key.
    expect(texts.get("containers/ddns.nix")).not.toContain("ssh_host_ed25519_key");
    // The rules file lists each .age file once, beside the output directory too.
    expect(texts.get("secrets/secrets.nix")).toContain('"../../keys/dns-token.age".publicKeys = [ admin ];');
  });

  it("evaluates in the stand-in: the mounts, the guest's paths, each system's own owner", () => {
    expect(stubCheck(dir, "server", [], release)).toEqual([]);
    const v = stubEval(
      dir,
      {
        ddns: 'config.containers.ddns.bindMounts."/run/host-secrets/dns-token"',
        backup: 'config.containers.backup.bindMounts."/run/host-secrets/dns-token"',
        etc: 'config.containers.ddns.config.environment.etc."ddns/token".source',
        backupEnv: "config.containers.backup.config.environment.variables",
        owners: "[ config.age.secrets.grafana-admin.owner config.containers.backup.config.age.secrets.grafana-admin.owner ]",
        files: "[ (toString config.age.secrets.grafana-admin.file) (toString config.containers.backup.config.age.secrets.grafana-admin.file) (toString config.age.secrets.dns-token.file) ]",
        hostEnv: "config.environment.variables.GRAFANA_ADMIN",
      },
      "server",
      [],
      release,
    );
    expect(v.ddns).toEqual({ hostPath: "/run/agenix/dns-token", mountPoint: "/run/host-secrets/dns-token", isReadOnly: true });
    expect(v.backup).toEqual({ hostPath: "/run/agenix/dns-token", mountPoint: "/run/host-secrets/dns-token:idmap", isReadOnly: true });
    expect(v.etc).toBe("/run/host-secrets/dns-token");
    expect(v.backupEnv).toEqual({ ADMIN: "/run/agenix/grafana-admin", TOKEN: "--token-file=/run/host-secrets/dns-token" });
    expect(v.owners).toEqual(["grafana", "0"]);
    expect(v.files).toEqual([join(dir, "secrets/grafana-admin.age"), join(dir, "secrets/grafana-admin.age"), join(root, "keys/dns-token.age")]);
    expect(v.hostEnv).toBe("/run/agenix/grafana-admin");
  });
});
