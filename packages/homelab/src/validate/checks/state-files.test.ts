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

describe("state files: trailing slashes, many members, the messages in full", () => {
  test("a volume's target with trailing slashes and options, a config file with two trailing slashes: one mount point", () => {
    const app = container("app", {
      backend: "podman",
      image,
      user: "1000:1000",
      volumes: ["/srv/app/data:/data//:ro"],
      stateDirectories: [{ hostPath: "/srv/app/state", mountPoint: "/data" }],
    });
    const found = findings(testLab({ containers: [app] }), "mount-point-conflict");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.app.stateDirectories[0]"],
      ["error", "containers.app.volumes[0]"],
    ]);
    expect(found[1]!.message).toBe("app mounts containers.app.stateDirectories[0] at /data too: a mount point holds one thing (give each its own path)");
  });

  test("an nspawn bind mount written with a trailing slash meets a config file without one", () => {
    const guest = container("guest", { bindMounts: { "/etc/app/": { hostPath: "/srv/app" } }, configFiles: [{ mountPoint: "/etc/app", format: "json", value: {} }] });
    expect(findings(testLab({ containers: [guest] }), "mount-point-conflict").map((d) => d.path)).toEqual(['containers.guest.bindMounts["/etc/app/"]', "containers.guest.configFiles[0]"]);
  });

  test("five things at one mount point: each names three others and counts the rest", () => {
    const app = container("app", {
      backend: "podman",
      image,
      user: "1000:1000",
      volumes: ["/srv/a:/data", "/srv/b:/data", "/srv/c:/data"],
      stateDirectories: [{ hostPath: "/srv/d", mountPoint: "/data" }],
      configFiles: [{ mountPoint: "/data", format: "json", value: {} }],
    });
    const found = findings(testLab({ containers: [app] }), "mount-point-conflict");
    expect(found).toHaveLength(5);
    expect(found.find((d) => d.path === "containers.app.volumes[0]")!.message).toBe(
      "app mounts containers.app.volumes[1], containers.app.volumes[2], containers.app.stateDirectories[0] and 1 more at /data too: a mount point holds one thing (give each its own path)",
    );
  });

  test("three containers sharing a host directory, two owners: each names the others, with its own rule", () => {
    const dir = (user: string) => ({ stateDirectories: [{ hostPath: "/srv/shared", user, mode: "0750" }] });
    const found = findings(testLab({ containers: [container("a", dir("1000")), container("b", dir("2000")), container("c", dir("1000"))] }), "state-directory-conflict");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.a.stateDirectories[0]"],
      ["error", "containers.b.stateDirectories[0]"],
      ["error", "containers.c.stateDirectories[0]"],
    ]);
    expect(found[1]!.message).toBe(
      '/srv/shared is also a state directory of containers.a.stateDirectories[0] and containers.c.stateDirectories[0] with another owner or mode ("d /srv/shared 0750 2000 root -" here): tmpfiles would apply one and ignore the other; give both the same user, group and mode',
    );
    expect(found[1]!.related!.map((r) => r.path)).toEqual(["containers.a.stateDirectories[0]", "containers.c.stateDirectories[0]"]);
  });
});

describe("mount-point-conflict without state files", () => {
  test("two volumes at one target of a Podman container with no state directories or config files: an error at each", () => {
    const app = container("app", { backend: "podman", image, user: "1000:1000", volumes: ["/a:/data", "/b:/data:ro", "/c:/other"] });
    const found = findings(testLab({ containers: [app] }), "mount-point-conflict");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "containers.app.volumes[0]"],
      ["error", "containers.app.volumes[1]"],
    ]);
  });
});

describe("state-directory-conflict: survivors of mutation testing", () => {
  test("different host directories with different owners: nothing", () => {
    const a = container("a", { stateDirectories: [{ hostPath: "/srv/a", user: "1000", mode: "0750" }] });
    const b = container("b", { stateDirectories: [{ hostPath: "/srv/b", user: "2000", mode: "0700" }] });
    expect(findings(testLab({ containers: [a, b] }), "state-directory-conflict")).toEqual([]);
  });
});
