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
