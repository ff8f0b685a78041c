import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import type { PodmanContainerOptions } from "../../schema/podman.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { isDatabaseImage } from "./podman.ts";

const podman = (name: string, o: Partial<PodmanContainerOptions> = {}) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...o });

describe("dependsOn", () => {
  test("names an enabled Podman container other than itself", () => {
    const lab = testLab({
      containers: [
        podman("db"),
        podman("off", { enable: false }),
        container("nspawn"),
        podman("app", { dependsOn: ["db", "ghost", "off", "nspawn", "app"] }),
      ],
    });
    const found = findings(lab, "depends-on-unknown");
    expect(found.map((d) => d.path)).toEqual(["containers.app.dependsOn[1]", "containers.app.dependsOn[2]", "containers.app.dependsOn[3]", "containers.app.dependsOn[4]"]);
    expect(found.map((d) => d.message)).toEqual([
      'dependsOn "ghost": there is no container "ghost"',
      'dependsOn "off": container "off" is disabled',
      'dependsOn "nspawn": "nspawn" is an nspawn container (dependsOn takes Podman containers; order against container@nspawn.service in systemd instead)',
      'dependsOn "app": a container cannot depend on itself',
    ]);
  });

  test("a cycle is reported on each member", () => {
    const lab = testLab({ containers: [podman("a", { dependsOn: ["b"] }), podman("b", { dependsOn: ["c"] }), podman("c", { dependsOn: ["a"] }), podman("d", { dependsOn: ["a"] })] });
    expect(summary(lab, "depends-on-cycle")).toEqual(["containers.a.dependsOn -> containers.b", "containers.b.dependsOn -> containers.c", "containers.c.dependsOn -> containers.a"]);
  });
});

describe("seed 001's best practices (warnings)", () => {
  test("image tags: latest warns, a version or digest does not", () => {
    const lab = testLab({
      containers: [
        podman("a", { image: "docker.io/library/nginx:latest" }),
        podman("b", { image: "docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }),
        podman("c", { image: "localhost:5000/app:2.1" }),
      ],
    });
    expect(findings(lab, "image-tag").map((d) => [d.severity, d.path])).toEqual([["warning", "containers.a.image"]]);
  });

  test("neither user nor PUID/PGID", () => {
    const lab = testLab({
      containers: [
        container("root", { backend: "podman", image: "docker.io/library/nginx:1.27" }),
        container("lsio", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", environment: { PUID: 1000, PGID: 1000 } }),
        podman("user"),
      ],
    });
    expect(summary(lab, "podman-user")).toEqual(["containers.root"]);
  });

  test("a database published beyond loopback, or on the host network", () => {
    const lab = testLab({
      containers: [
        podman("pg", { image: "docker.io/library/postgres:16", ports: ["5432:5432", "127.0.0.1:5433:5432"] }),
        podman("redis", { image: "docker.io/library/redis:7", network: "host" }),
        podman("web", { ports: ["8080:80"] }),
      ],
    });
    expect(findings(lab, "database-exposed").map((d) => [d.severity, d.path])).toEqual([
      ["warning", "containers.pg.ports[0]"],
      ["warning", "containers.redis.network"],
    ]);
  });

  test.each([
    ["docker.io/library/postgres:16", true],
    ["ghcr.io/immich-app/postgres:14-vectorchord0.4.3", true],
    ["mariadb:11", true],
    ["docker.io/bitnami/redis:7.2", true],
    ["lscr.io/linuxserver/sonarr:4.0.9", false],
    ["docker.io/library/nginx:1.27", false],
  ])("isDatabaseImage(%s) = %s", (image, expected) => {
    expect(isDatabaseImage(image)).toBe(expected);
  });
});
