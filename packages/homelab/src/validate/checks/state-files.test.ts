import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const image = "ghcr.io/example/app:1.0.0";

describe("mount-point-conflict", () => {
  test("a config file, a state directory and a volume at one mount point of a Podman container: an error for each", () => {
    const app = container("app", {
      backend: "podman",
      image,
      user: "1000:1000",
      volumes: ["/srv/app/config:/config"],
      stateDirectories: [{ hostPath: "/srv/app/state", mountPoint: "/config" }],
      configFiles: [{ mountPoint: "/config/", format: "json", value: {} }],
    });
    const found = findings(testLab({ containers: [app] }), "mount-point-conflict");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.app.configFiles[0]"],
      ["error", "containers.app.stateDirectories[0]"],
      ["error", "containers.app.volumes[0]"],
    ]);
    expect(found[0]!.message).toBe("app mounts containers.app.volumes[0] and containers.app.stateDirectories[0] at /config too: a mount point holds one thing (give each its own path)");
  });

  test("nspawn: a config file where a bind mount already is; the category's default /config mount counts for Podman", () => {
    const guest = container("guest", { bindMounts: { "/etc/app.yaml": { hostPath: "/srv/app.yaml" } }, configFiles: [{ mountPoint: "/etc/app.yaml", format: "yaml", value: { a: 1 } }] });
    expect(findings(testLab({ containers: [guest] }), "mount-point-conflict").map((d) => d.path)).toEqual(['containers.guest.bindMounts["/etc/app.yaml"]', "containers.guest.configFiles[0]"]);
    const media = container("sonarr", { backend: "podman", image, user: "1000:1000", category: "media", stateDirectories: [{ hostPath: "/srv/sonarr", mountPoint: "/config" }] });
    expect(findings(testLab({ containers: [media] }), "mount-point-conflict").map((d) => d.path)).toEqual(["containers.sonarr.category", "containers.sonarr.stateDirectories[0]"]);
  });

  test("a file inside a mounted directory, or distinct paths, or a disabled container: nothing", () => {
    const app = container("app", {
      backend: "podman",
      image,
      user: "1000:1000",
      stateDirectories: [{ hostPath: "/srv/app", mountPoint: "/config" }],
      configFiles: [{ mountPoint: "/config/settings.yaml", format: "yaml", value: { a: 1 } }],
    });
    const off = container("off", { enable: false, bindMounts: { "/a": { hostPath: "/srv/a" } }, stateDirectories: [{ hostPath: "/srv/b", mountPoint: "/a" }] });
    expect(findings(testLab({ containers: [app, off] }), "mount-point-conflict")).toEqual([]);
  });
});

describe("state-directory-conflict", () => {
  test("one host directory, two owners: an error at both declarations", () => {
    const a = container("a", { stateDirectories: [{ hostPath: "/srv/shared", user: "1000", mode: "0750" }] });
    const b = container("b", { backend: "podman", image, user: "1000:1000", stateDirectories: [{ hostPath: "/srv/shared/", mountPoint: "/data", user: "2000", mode: "0750" }] });
    const found = findings(testLab({ containers: [a, b] }), "state-directory-conflict");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.a.stateDirectories[0]"],
      ["error", "containers.b.stateDirectories[0]"],
    ]);
    expect(found[0]!.message).toContain('("d /srv/shared 0750 1000 root -" here)');
  });

  test("one directory shared with the same owner and mode, or a conflict with a disabled container: nothing", () => {
    const same = { hostPath: "/srv/shared", user: "1000", group: "1000", mode: "0770" };
    const a = container("a", { stateDirectories: [same] });
    const b = container("b", { stateDirectories: [same] });
    const off = container("c", { enable: false, stateDirectories: [{ ...same, mode: "0700" }] });
    expect(findings(testLab({ containers: [a, b, off] }), "state-directory-conflict")).toEqual([]);
  });
});
