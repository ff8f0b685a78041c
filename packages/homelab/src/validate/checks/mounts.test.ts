import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { isSharedMediaPath, mediaLibraryOf } from "./mounts.ts";

const pod = (name: string, image: string, volumes: string[]) => container(name, { backend: "podman", image, user: "1000", volumes });

describe("media-mount-writable: reported, as a note", () => {
  test("a library mounted writable into Jellyfin (image) and Plex (NixOS service), which only read it", () => {
    const lab = testLab({
      containers: [
        pod("jellyfin", "docker.io/jellyfin/jellyfin:10.10.3", ["/opt/media/jellyfin:/config", "/mnt/storage/media:/media", "/mnt/storage/media/music:/music:ro"]),
        container("plex", {
          config: { services: { plex: { enable: true } } },
          bindMounts: { "/srv/tv": { hostPath: "/srv/media/tv", isReadOnly: false }, "/var/lib/plex": { hostPath: "/srv/plex", isReadOnly: false } },
        }),
      ],
    });
    const found = findings(lab, "media-mount-writable");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["note", "containers.jellyfin.volumes[1]"],
      ["note", 'containers.plex.bindMounts["/srv/tv"]'],
    ]);
    expect(found[0]!.message).toBe('/mnt/storage/media looks like a media library and is mounted writable into jellyfin, but Jellyfin only reads its library: append ":ro"');
    expect(found[1]!.message).toContain("Plex only reads its library: leave isReadOnly at its default (true)");
  });

  test("a library written by several containers, at each one not known to write there", () => {
    const lab = testLab({
      containers: [
        pod("sonarr", "lscr.io/linuxserver/sonarr:4.0.9", ["/opt/media/sonarr:/config", "/mnt/storage/media:/data"]),
        pod("sync", "docker.io/library/alpine:3.20", ["/mnt/storage/media/tv:/tv"]),
        // Named like the library itself: still the shared library, not its own directory.
        pod("media", "docker.io/library/alpine:3.20", ["/mnt/storage/media:/media"]),
        pod("gallery", "docker.io/library/nginx:1.27", ["/mnt/tank/photos:/srv/photos"]),
        container("slideshow", { bindMounts: { "/photos": { hostPath: "/mnt/tank/photos/2024", isReadOnly: false } } }),
      ],
    });
    expect(summary(lab, "media-mount-writable")).toEqual([
      'containers.gallery.volumes[0] -> containers.slideshow.bindMounts["/photos"]',
      "containers.media.volumes[0] -> containers.sonarr.volumes[1], containers.sync.volumes[0]",
      'containers.slideshow.bindMounts["/photos"] -> containers.gallery.volumes[0]',
      "containers.sync.volumes[0] -> containers.sonarr.volumes[1], containers.media.volumes[0]",
    ]);
    expect(findings(lab, "media-mount-writable").find((d) => d.path === "containers.sync.volumes[0]")!.message).toBe(
      '/mnt/storage/media/tv looks like a media library shared with sonarr and media, and sync mounts it writable: append ":ro" unless sync must write there',
    );
  });
});

describe("media-mount-writable: the mounts that must be writable pass", () => {
  test("an app's own state with a media directory, the *arr apps and the downloader writing the library, config dirs named media", () => {
    const lab = testLab({
      containers: [
        // Immich's uploads: its own state, written by it alone.
        container("immich", { config: { services: { immich: { enable: true } } }, bindMounts: { "/var/lib/immich": { hostPath: "/var/lib/immich/media", isReadOnly: false } } }),
        pod("immich-pod", "ghcr.io/immich-app/immich-server:v1.119.0", ["/mnt/storage/photos/immich:/usr/src/app/upload"]),
        // TRaSH's hard-link layout: the downloader and the *arr apps write one tree.
        pod("qbittorrent", "lscr.io/linuxserver/qbittorrent:4.6.7", ["/opt/media/qbittorrent:/config", "/mnt/storage/media:/data"]),
        pod("sonarr", "lscr.io/linuxserver/sonarr:4.0.9", ["/opt/media/sonarr:/config", "/mnt/storage/media:/data"]),
        container("radarr", { config: { services: { radarr: { enable: true } } }, bindMounts: { "/data": { hostPath: "/mnt/storage/media", isReadOnly: false } } }),
        // A media server's own state under a media-named directory; its library read-only.
        pod("jellyfin", "lscr.io/linuxserver/jellyfin:10.10.3", ["/srv/media/jellyfin:/config", "/srv/media/cache:/cache", "/srv/media:/media:ro"]),
        // One unknown app alone writing a library (nobody shares it).
        pod("archiver", "docker.io/library/alpine:3.20", ["/srv/books:/books"]),
        // A directory of the library named after the container: its own.
        pod("syncer", "docker.io/library/alpine:3.20", ["/srv/books/syncer:/state"]),
      ],
    });
    expect(findings(lab, "media-mount-writable")).toEqual([]);
  });

  test.each([
    ["/mnt/storage/media", "/mnt/storage/media"],
    ["/mnt/storage/media/tv", "/mnt/storage/media"],
    ["/srv/Movies/new", "/srv/Movies"],
    ["/media/usb/movies", "/media/usb/movies"],
    ["/media/usb", undefined],
    ["/opt/media/sonarr", undefined],
    ["/var/lib/app", undefined],
    // One program's state that merely has a "media" directory: not a shared library.
    ["/var/lib/authentik/media", undefined],
    ["/var/lib/immich/media", undefined],
    ["/var/cache/jellyfin/photos", undefined],
    ["/etc/media", undefined],
    ["/run/media/usb", undefined],
    ["/srv/mediaserver/config", undefined],
    ["/srv/var/lib/media", "/srv/var/lib/media"],
  ])("mediaLibraryOf(%s) = %s", (path, expected) => {
    expect(mediaLibraryOf(path)).toBe(expected);
    expect(isSharedMediaPath(path)).toBe(expected !== undefined);
  });
});
