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

describe("names: the messages and the limits", () => {
  test("a container name three times: each reported, the count in the message; a service name twice", () => {
    const lab = testLab({ containers: [container("immich"), podman("immich"), container("immich", { enable: false })], services: [service("tunnel"), service("tunnel")] });
    const found = findings(lab, "duplicate-name");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.immich"],
      ["error", "containers.immich"],
      ["error", "containers.immich"],
      ["error", "services.tunnel"],
      ["error", "services.tunnel"],
    ]);
    expect(found[0]!.message).toBe('container name "immich" is defined 3 times; rename all but one (the others are listed under related)');
    expect(found[0]!.related).toHaveLength(2);
    expect(found[3]!.message).toBe('service name "tunnel" is defined 2 times; rename all but one');
  });

  test("a container named like traefik()'s own: the proxy's message, at the container only", () => {
    const found = findings(testLab({ traefik: traefik(), containers: [container("traefik", { network: "host" })] }), "duplicate-name");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "error",
        "containers.traefik",
        'traefik() already defines the container "traefik" (its modes "container" and "podman" run Traefik as that container): rename this container, or use traefik({ mode: "service" })',
      ],
    ]);
  });

  test("host names: up to 63 characters, a letter or digit at both ends; the messages say why", () => {
    const lab = testLab({
      containers: [
        container("a", { network: "host" }),
        container("x".repeat(63), { network: "host" }),
        container("app-", { network: "host" }),
        container("my_app", { network: "host" }),
        container("A-9", { network: "host" }),
      ],
    });
    const found = findings(lab, "container-name");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.app-"],
      ["error", "containers.my_app"],
    ]);
    expect(found[0]!.message).toBe(
      'the name becomes the guest\'s host name: letters, digits and "-" only, no dots, starting and ending with a letter or digit: rename the container',
    );
    expect(found[1]!.message).toBe("NixOS containers cannot have underscores in their names: rename the container");
  });

  test("13 characters with a private network: the warning in full; a long Podman name: none", () => {
    const lab = testLab({ containers: [container("abcdefghijklm"), podman("podman-long-name")] });
    const found = findings(lab, "container-name-long");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "warning",
        "containers.abcdefghijklm",
        "the host side of its veth, ve-abcdefghijklm, has 16 characters and Linux allows 15: systemd-nspawn gives it a shortened name (ve-abcdefghijklm stays an altname), so firewall or NAT rules naming ve-abcdefghijklm exactly will not match it (the ve-+ / ve-* wildcards do), and on a kernel older than 5.8 NixOS refuses names over 11 characters; a name of at most 12 characters avoids both",
      ],
    ]);
  });
});
