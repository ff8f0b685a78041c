import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { service } from "../../builders/service.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string) => container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000" });

describe("duplicate-name", () => {
  test("every container of a repeated name is reported, naming the others", () => {
    const lab = testLab({ containers: [container("immich"), podman("immich"), container("other")] });
    const found = findings(lab, "duplicate-name");
    expect(found.map((d) => d.path)).toEqual(["containers.immich", "containers.immich"]);
    expect(found[0]!.related).toEqual([{ path: "containers.immich", site: found[1]!.site }]);
    expect(found[1]!.related).toEqual([{ path: "containers.immich", site: found[0]!.site }]);
    expect(found[0]!.site).not.toBe(found[1]!.site);
  });

  test("the traefik container of traefik() reserves its name", () => {
    const lab = testLab({ traefik: traefik(), containers: [container("traefik", { network: "host" })] });
    expect(summary(lab, "duplicate-name")).toEqual(["containers.traefik -> traefik"]);
    const asService = testLab({ traefik: traefik({ mode: "service" }), containers: [container("traefik", { network: "host" })] });
    expect(findings(asService, "duplicate-name")).toEqual([]);
  });

  test("host services too", () => {
    expect(summary(testLab({ services: [service("tunnel"), service("tunnel")] }), "duplicate-name")).toEqual([
      "services.tunnel -> services.tunnel",
      "services.tunnel -> services.tunnel",
    ]);
  });
});

describe("container-name", () => {
  test("names NixOS rejects for nspawn containers", () => {
    const lab = testLab({
      containers: [
        container("my_app"),
        container("my.app"),
        container("app-"),
        container("abcdefghijk"), // 11: fine
        podman("my_app"), // Podman names may have underscores
      ],
    });
    const found = findings(lab, "container-name");
    // Listed by container, in code-unit order of names.
    expect(found.map((d) => d.path)).toEqual(["containers.app-", 'containers["my.app"]', "containers.my_app"]);
    expect(found[2]!.message).toContain("underscores");
    expect(found[1]!.message).toContain("no dots");
  });

  test("a disabled container is not checked (NixOS never evaluates it)", () => {
    expect(findings(testLab({ containers: [container("my_app", { enable: false })] }), "container-name")).toEqual([]);
  });
});

describe("container-name-long", () => {
  test("over 12 characters with a private network: a warning that says where it bites", () => {
    const lab = testLab({
      containers: [
        container("nextcloudaio"), // 12: ve-nextcloudaio is 15 characters, fits
        container("paperless-ngx1"), // 14
        container("longhostname-x", { network: "host" }), // no veth
        container("disabled-long-name", { enable: false }),
      ],
    });
    const found = findings(lab, "container-name-long");
    expect(found.map((d) => [d.path, d.severity])).toEqual([["containers.paperless-ngx1", "warning"]]);
    expect(found[0]!.message).toContain("ve-paperless-ngx1, has 17 characters");
    expect(found[0]!.message).toContain("older than 5.8");
    expect(findings(lab, "container-name")).toEqual([]);
  });
});
