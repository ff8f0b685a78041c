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
        container("nextcloudaio"), // 12 characters, private network
        container("abcdefghijk"), // 11: fine
        container("longhostname", { network: "host" }), // long is fine without a veth
        podman("my_app"), // Podman names may have underscores
      ],
    });
    const found = findings(lab, "container-name");
    // Listed by container, in code-unit order of names.
    expect(found.map((d) => d.path)).toEqual(["containers.app-", 'containers["my.app"]', "containers.my_app", "containers.nextcloudaio"]);
    expect(found[2]!.message).toContain("underscores");
    expect(found[1]!.message).toContain("no dots");
    expect(found[3]!.message).toContain("at most 11 characters");
    expect(found[3]!.message).toContain("it has 12");
  });
});
