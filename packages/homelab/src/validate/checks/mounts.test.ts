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

describe("media-mount-writable: the apps recognised (media-apps.ts)", () => {
  const library = "/mnt/storage/media";
  const nixos = (name: string, service: string, hostPath = library) =>
    container(name, { config: { services: { [service]: { enable: true } } }, bindMounts: { "/media": { hostPath, isReadOnly: false } } });

  test.each([
    ["jellyfin", "Jellyfin"],
    ["plexinc/pms-docker", "Plex"],
    ["plex", "Plex"],
    ["embyserver", "Emby"],
    ["emby", "Emby"],
    ["navidrome", "Navidrome"],
    ["kavita", "Kavita"],
    ["komga", "Komga"],
  ])("a media server by its image %s (%s): a note even when it alone mounts the library", (image, app) => {
    const found = findings(testLab({ containers: [pod("server", `docker.io/${image}:1.0`, [`${library}:/media`])] }), "media-mount-writable");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      ["note", "containers.server.volumes[0]", `${library} looks like a media library and is mounted writable into server, but ${app} only reads its library: append ":ro"`],
    ]);
  });

  test.each([
    ["jellyfin", "Jellyfin"],
    ["plex", "Plex"],
    ["navidrome", "Navidrome"],
    ["kavita", "Kavita"],
    ["komga", "Komga"],
  ])("a media server by its NixOS service %s (%s): a note", (service, app) => {
    const found = findings(testLab({ containers: [nixos("server", service)] }), "media-mount-writable");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "note",
        'containers.server.bindMounts["/media"]',
        `${library} looks like a media library and is mounted writable into server, but ${app} only reads its library: leave isReadOnly at its default (true)`,
      ],
    ]);
  });

  // A writer shares the library with an unknown app: the note is at the unknown app only.
  const sharedWith = (writer: ReturnType<typeof container>) => {
    const other = pod("other", "docker.io/library/alpine:3.20", [`${library}/tv:/tv`]);
    return findings(testLab({ containers: [writer, other] }), "media-mount-writable").map((d) => [d.path, d.message]);
  };

  test.each([
    "sonarr", "radarr", "lidarr", "readarr", "bazarr", "whisparr",
    "qbittorrent", "transmission", "deluge", "sabnzbd", "nzbget", "rtorrent", "syncthing", "photoprism", "immich", "nextcloud",
    "qbittorrent-nox", "rtorrent-rutorrent", "rutorrent", "immich-app/immich-server", "immich-server",
    "tdarr", "tdarr_node", "unpackerr", "beets", "calibre", "calibre-web", "filebrowser",
  ])("an app that writes the library by its image %s: no note at it", (image) => {
    expect(sharedWith(pod("writer", `docker.io/${image}:1.0`, [`${library}:/data`]))).toEqual([
      ["containers.other.volumes[0]", `${library}/tv looks like a media library shared with writer, and other mounts it writable: append ":ro" unless other must write there`],
    ]);
  });

  test.each([
    "sonarr", "radarr", "lidarr", "readarr", "bazarr",
    "qbittorrent", "transmission", "deluge", "sabnzbd", "nzbget", "rtorrent", "syncthing", "photoprism", "immich", "nextcloud",
    "calibre-server", "calibre-web",
  ])("an app that writes the library by its NixOS service %s: no note at it", (service) => {
    expect(sharedWith(nixos("writer", service)).map(([path]) => path)).toEqual(["containers.other.volumes[0]"]);
  });

  test("a NixOS container enabling no known service, or one with only an image name (Emby): judged as an unknown writer", () => {
    expect(sharedWith(nixos("writer", "emby")).map(([path]) => path)).toEqual(["containers.other.volumes[0]", 'containers.writer.bindMounts["/media"]']);
  });
});

describe("media-mount-writable: the edges", () => {
  test.each([
    ["/opt/services/app/media", undefined],
    ["/opt/databases/photos", undefined],
    ["/opt/monitoring/music", undefined],
    ["/opt/business/books", undefined],
    ["/var/log/media", undefined],
    ["/nix/store/abc-media", undefined],
    ["/tmp/media", undefined],
    ["/srv/mymedia/tv", "/srv/mymedia/tv"],
    ["/srv/opt/media/x", "/srv/opt/media"],
  ])("mediaLibraryOf(%s) = %s", (path, expected) => {
    expect(mediaLibraryOf(path)).toBe(expected);
  });

  test("the image's own state targets pass; a path merely starting like one does not; a directory named after the container in any case passes", () => {
    const lab = testLab({
      containers: [
        pod("app", "docker.io/library/alpine:3.20", [
          "/srv/media/a:/transcode",
          "/srv/media/b:/var/lib/app",
          "/srv/media/c:/var/cache",
          "/srv/media/d:/config/sub",
          "/srv/media/e:/configs",
          "/srv/media/App:/own",
        ]),
        pod("other", "docker.io/library/alpine:3.20", ["/srv/media:/media"]),
      ],
    });
    expect(summary(lab, "media-mount-writable")).toEqual(["containers.app.volumes[4] -> containers.other.volumes[0]", "containers.other.volumes[0] -> containers.app.volumes[4]"]);
  });

  test("more than three other writers: three named, the rest counted; a container writing twice is named once", () => {
    const names = ["w1", "w2", "w3", "w4"];
    const lab = testLab({
      containers: [
        pod("reader", "docker.io/library/alpine:3.20", ["/srv/media/tv:/tv", "/srv/media/films:/films"]),
        ...names.map((n) => pod(n, "lscr.io/linuxserver/sonarr:4.0.9", [`/srv/media:/data`])),
      ],
    });
    const found = findings(lab, "media-mount-writable");
    expect(found.map((d) => d.path)).toEqual(["containers.reader.volumes[0]", "containers.reader.volumes[1]"]);
    expect(found[0]!.message).toBe('/srv/media/tv looks like a media library shared with w1, w2, w3 and 1 more, and reader mounts it writable: append ":ro" unless reader must write there');
    expect(found[0]!.related!.map((r) => r.path)).toEqual(["containers.w1.volumes[0]", "containers.w2.volumes[0]", "containers.w3.volumes[0]"]);
    const twice = findings(testLab({ containers: [pod("a", "docker.io/library/alpine:3.20", ["/srv/media/tv:/tv", "/srv/media/films:/films"]), pod("b", "docker.io/library/alpine:3.20", ["/srv/media:/m"])] }), "media-mount-writable");
    expect(twice.find((d) => d.path === "containers.b.volumes[0]")!.message).toBe('/srv/media looks like a media library shared with a, and b mounts it writable: append ":ro" unless b must write there');
  });
});

describe("media-mount-writable: survivors of mutation testing", () => {
  test("a top-level library directory other than /media counts: /movies", () => {
    expect(mediaLibraryOf("/movies/new")).toBe("/movies");
  });

  test("exactly three other writers: all named, nothing counted", () => {
    const lab = testLab({
      containers: [
        pod("reader", "docker.io/library/alpine:3.20", ["/srv/media/tv:/tv"]),
        ...["w1", "w2", "w3"].map((n) => pod(n, "lscr.io/linuxserver/sonarr:4.0.9", ["/srv/media:/data"])),
      ],
    });
    expect(findings(lab, "media-mount-writable").map((d) => [d.path, d.message])).toEqual([
      ["containers.reader.volumes[0]", '/srv/media/tv looks like a media library shared with w1 and w2 and w3, and reader mounts it writable: append ":ro" unless reader must write there'],
    ]);
  });
});
