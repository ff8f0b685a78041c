import { n } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string, environmentFiles: ReturnType<typeof secret>[]) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", environmentFiles });

describe("secret-undeclared", () => {
  test("a guest config uses a secret its container does not declare (as path, as value, inside AST)", () => {
    const jwt = secret("jwt");
    const lab = testLab({
      containers: [
        container("ok", { secrets: [jwt], config: { a: jwt.path } }),
        container("bad", { config: { services: { x: { file: jwt.path, same: jwt, text: n.str`${jwt.path}` } } } }),
      ],
    });
    expect(summary(lab, "secret-undeclared")).toEqual(["containers.bad.config.services.x.file", "containers.bad.config.services.x.same", "containers.bad.config.services.x.text"]);
    expect(findings(lab, "secret-undeclared")[0]!.message).toContain("add it to secrets of containers.bad");
  });

  test("host configs see host-level declarations only (services, Podman env files, Traefik as a service)", () => {
    const env = secret("app-env");
    const tok = secret("cf-token");
    const guestOnly = secret("guest");
    const lab = testLab({
      traefik: traefik({ mode: "service", environmentFiles: [tok] }),
      containers: [podman("app", [env]), container("g", { secrets: [guestOnly] })],
      services: [service("tunnel", { config: { a: env.path, b: tok.path, c: guestOnly.path } })],
    });
    expect(summary(lab, "secret-undeclared")).toEqual(["services.tunnel.config.c"]);
  });

  test("a container decrypts its own secrets: another container's declaration does not count", () => {
    const s = secret("shared");
    const lab = testLab({ containers: [container("a", { secrets: [s] }), container("b", { config: { x: s.path } })] });
    expect(summary(lab, "secret-undeclared")).toEqual(["containers.b.config.x"]);
  });
});

describe("secret-conflict", () => {
  test("one name with two settings: every declaration names a differing one", () => {
    const lab = testLab({
      containers: [
        podman("a", [secret("db", { mode: "0400" })]),
        podman("b", [secret("db", { mode: "0440" })]),
        podman("c", [secret("db", { mode: "0400" })]),
      ],
    });
    expect(summary(lab, "secret-conflict")).toEqual([
      "containers.a.environmentFiles[0] -> containers.b.environmentFiles[0]",
      "containers.b.environmentFiles[0] -> containers.a.environmentFiles[0], containers.c.environmentFiles[0]",
      "containers.c.environmentFiles[0] -> containers.b.environmentFiles[0]",
    ]);
  });

  test("the same settings twice are one secret", () => {
    const lab = testLab({ containers: [podman("a", [secret("db")]), podman("b", [secret("db")])] });
    expect(findings(lab, "secret-conflict")).toEqual([]);
  });
});

describe("agenix setup", () => {
  test("secrets need an identity (error) and recipients (warning)", () => {
    const lab = testLab({ agenix: { identityPaths: [] }, containers: [podman("a", [secret("x")])] });
    expect(findings(lab, "identity-paths-empty").map((d) => [d.severity, d.path])).toEqual([["error", "agenix.identityPaths"]]);
    expect(findings(lab, "no-recipients").map((d) => [d.severity, d.path])).toEqual([["warning", "agenix.recipients"]]);
    expect(findings(testLab({ agenix: { identityPaths: [] } }), "identity-paths-empty")).toEqual([]);
  });
});

describe("one secret, several systems", () => {
  test("the host's service reads it as grafana, a container decrypts it as root: valid", () => {
    const lab = testLab({
      containers: [container("backup", { secrets: [secret("grafana-admin")] })],
      services: [service("grafana", { secrets: [secret("grafana-admin", { owner: "grafana" })] })],
    });
    expect(findings(lab, "secret-conflict")).toEqual([]);
  });

  test("two settings in one system (the host) stay a conflict, with a fix that names another name on the same file", () => {
    const lab = testLab({
      containers: [podman("app", [secret("grafana-admin")])],
      services: [service("grafana", { secrets: [secret("grafana-admin", { owner: "grafana" })] })],
    });
    expect(summary(lab, "secret-conflict")).toEqual([
      "containers.app.environmentFiles[0] -> services.grafana.secrets[0]",
      "services.grafana.secrets[0] -> containers.app.environmentFiles[0]",
    ]);
    expect(findings(lab, "secret-conflict")[0]!.message).toContain('the same system (the host), which holds one file per name: make the settings equal, or give one its own name (the same encrypted file may serve both: secret("grafana-admin-2", { file: "secrets/grafana-admin.age" }))');
  });

  test("a host-decrypted secret mounted into a container that also decrypts one of its name contradicts it there", () => {
    const lab = testLab({
      containers: [container("app", { secrets: [secret("token", { decrypt: "host" }), secret("token")] })],
    });
    expect(summary(lab, "secret-conflict")).toEqual(["containers.app.secrets[0] -> containers.app.secrets[1]", "containers.app.secrets[1] -> containers.app.secrets[0]"]);
    expect(findings(lab, "secret-conflict")[0]!.message).toContain("in the same system (the container app)");
  });
});

describe("host-decrypted secrets (decrypt: \"host\")", () => {
  test("a container's config may use one it lists (mounted there), not one mounted into another container", () => {
    const token = secret("token", { decrypt: "host" });
    const lab = testLab({
      containers: [
        container("a", { secrets: [token], config: { x: token.path, y: n.str`${token.path}` } }),
        container("b", { config: { x: token } }),
        container("c", { config: { x: token.path } }),
      ],
    });
    // As for guest-decrypted secrets: a config's use is no declaration; list it in secrets.
    expect(summary(lab, "secret-undeclared")).toEqual(["containers.b.config.x", "containers.c.config.x"]);
  });
});

describe("secret modes", () => {
  const modes = (mode: string, extra: { group?: string; owner?: string } = {}) =>
    testLab({ containers: [podman("app", [secret("db", { mode, ...extra })])] });

  test.each([
    ["770", "executable bits"],
    ["0777", "executable bits, read and write for others"],
    ["0755", "executable bits, read for others"],
    ["0404", "read for others"],
    ["4400", "setuid/setgid/sticky bits"],
  ])("mode %s is too open: %s", (mode, what) => {
    const [d, ...rest] = findings(modes(mode), "secret-mode-too-open");
    expect(rest).toEqual([]);
    expect([d!.severity, d!.path]).toEqual(["warning", "containers.app.environmentFiles[0]"]);
    expect(d!.message).toBe(`secret "db" has mode "${mode}": ${what}; a secret is read, never run, and never by everyone: use mode: "0400"`);
    expect(d!.site).toMatch(/secrets\.test\.ts:\d+:\d+$/);
  });

  test("a named group keeps read in the fix", () => {
    expect(findings(modes("0750", { group: "media" }), "secret-mode-too-open")[0]!.message).toContain('use mode: "0440" (its group media keeps read)');
  });

  test("write for others alone is too open; the fix keeps the group's read only when the mode gave it", () => {
    const [d] = findings(modes("0402"), "secret-mode-too-open");
    expect([d!.severity, d!.path, d!.message]).toEqual([
      "warning",
      "containers.app.environmentFiles[0]",
      'secret "db" has mode "0402": write for others; a secret is read, never run, and never by everyone: use mode: "0400"',
    ]);
    expect(findings(modes("0730", { group: "media" }), "secret-mode-too-open")[0]!.message).toMatch(/use mode: "0400"$/);
    expect(findings(modes("0760", { group: "media" }), "secret-mode-too-open")[0]!.message).toContain('use mode: "0440" (its group media keeps read)');
  });

  test("a too-open mode is one warning, not also secret-group-readable", () => {
    const lab = modes("0770");
    expect(summary(lab, "secret-mode-too-open")).toEqual(["containers.app.environmentFiles[0]"]);
    expect(findings(lab, "secret-group-readable")).toEqual([]);
  });

  test("group bits without a named group: the owner's group, or root's", () => {
    expect(findings(modes("0440", { owner: "grafana" }), "secret-group-readable")[0]!.message).toBe(
      'secret "db" has mode "0440", which lets its group (the primary group of grafana, as no group is named) read it: use mode: "0400", or name the group that needs it (group: "…")',
    );
    expect(findings(modes("0460"), "secret-group-readable")[0]!.message).toContain("lets its group (root's group, as no group is named) write it");
  });

  test.each<[string, string | undefined]>([["0400", undefined], ["400", undefined], ["0600", undefined], ["0440", "media"], ["0640", "media"]])("mode %s (group %s) passes", (mode, group) => {
    const lab = modes(mode, group === undefined ? {} : { group });
    expect([...findings(lab, "secret-mode-too-open"), ...findings(lab, "secret-group-readable")]).toEqual([]);
  });

  test("one finding per secret(), however many use it; disabled uses are not checked", () => {
    const s = secret("db", { mode: "0777" });
    const lab = testLab({ containers: [podman("a", [s]), podman("b", [s]), container("off", { enable: false, secrets: [secret("x", { mode: "0777" })] })] });
    expect(summary(lab, "secret-mode-too-open")).toEqual(["containers.a.environmentFiles[0]"]);
  });
});

describe("sops setup", () => {
  test("secrets need a key (error) and recipients (warning), named as sops options", () => {
    const lab = testLab({ sops: { sshKeyPaths: [] }, containers: [podman("a", [secret("x")])] });
    expect(findings(lab, "identity-paths-empty").map((d) => [d.severity, d.path])).toEqual([["error", "sops.sshKeyPaths"]]);
    expect(findings(lab, "no-recipients").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["warning", "sops.recipients", "secrets are declared but .sops.yaml will list no public keys to encrypt them to: set sops.recipients (the host's key as age, from ssh-to-age, and yours)"],
    ]);
    expect(findings(testLab({ sops: { ageKeyFile: "/var/lib/sops-nix/key.txt" }, containers: [podman("a", [secret("x")])] }), "identity-paths-empty")).toEqual([]);
  });
});
