import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";
import { isSharedMediaPath } from "./mounts.ts";

describe("media-mount-writable", () => {
  test("writable shared media paths warn; read-only ones, own state and downloads do not", () => {
    const lab = testLab({
      containers: [
        container("sonarr", {
          backend: "podman",
          image: "lscr.io/linuxserver/sonarr:4.0.9",
          user: "1000",
          volumes: ["/opt/media/sonarr:/config", "/mnt/storage/media/tv:/tv", "/mnt/storage/media:/media:ro", "/mnt/storage/downloads:/downloads", "library:/lib"],
        }),
        container("jelly", { bindMounts: { "/media": { hostPath: "/srv/media", isReadOnly: false }, "/photos": { hostPath: "/srv/photos" } } }),
      ],
    });
    expect(findings(lab, "media-mount-writable").map((d) => [d.severity, d.path])).toEqual([
      ["warning", 'containers.jelly.bindMounts["/media"]'],
      ["warning", "containers.sonarr.volumes[1]"],
    ]);
  });

  test.each([
    ["/mnt/storage/media", true],
    ["/srv/Movies/new", true],
    ["/opt/media/sonarr", false],
    ["/var/lib/app", false],
    // One program's state that merely has a "media" directory: not a shared library.
    ["/var/lib/authentik/media", false],
    ["/var/cache/jellyfin/photos", false],
    ["/etc/media", false],
    ["/run/media/usb", false],
    ["/srv/var/lib/media", true],
  ])("isSharedMediaPath(%s) = %s", (path, expected) => {
    expect(isSharedMediaPath(path)).toBe(expected);
  });
});
