/**
 * Which apps only read a media library and which must write to it, for `media-mount-writable`.
 * Small tables on purpose: an app in neither is judged by how many containers write the library.
 */
import type { Container } from "../../model/containers.ts";
import { imageIs, nixosEnables } from "./app-match.ts";

/** An app recognised by its image repositories or its NixOS service's `enable` option. */
export interface MediaApp {
  readonly app: string;
  /** Image repositories (`imageIs`). */
  readonly images: readonly string[];
  /** The `enable` option of its nixpkgs module, when there is one. */
  readonly nixos?: readonly string[];
}

const enable = (service: string): readonly string[] => ["services", service, "enable"];

/**
 * Media servers: they scan and stream the library and never need to change it (their own
 * metadata, artwork and transcodes live in their state directory). Each one's documentation
 * mounts the library read-only.
 */
export const MEDIA_READERS: readonly MediaApp[] = [
  { app: "Jellyfin", images: ["jellyfin"], nixos: enable("jellyfin") },
  { app: "Plex", images: ["plexinc/pms-docker", "plex"], nixos: enable("plex") },
  { app: "Emby", images: ["embyserver", "emby"] },
  { app: "Navidrome", images: ["navidrome"], nixos: enable("navidrome") },
  { app: "Kavita", images: ["kavita"], nixos: enable("kavita") },
  { app: "Komga", images: ["komga"], nixos: enable("komga") },
];

/**
 * Apps whose job is to write into a library: the *arr managers (they import and rename),
 * downloaders (they write and hard-link into it), subtitle and transcode tools, photo and file
 * sync apps, library editors.
 */
export const MEDIA_WRITERS: readonly MediaApp[] = [
  ...["sonarr", "radarr", "lidarr", "readarr", "bazarr"].map((s) => ({ app: s, images: [s], nixos: enable(s) })),
  { app: "whisparr", images: ["whisparr"] },
  ...["qbittorrent", "transmission", "deluge", "sabnzbd", "nzbget", "rtorrent", "syncthing", "photoprism", "immich", "nextcloud"].map((s) => ({
    app: s,
    images: [s],
    nixos: enable(s),
  })),
  { app: "qBittorrent", images: ["qbittorrent-nox"] },
  { app: "ruTorrent", images: ["rtorrent-rutorrent", "rutorrent"] },
  { app: "Immich", images: ["immich-app/immich-server", "immich-server"] },
  { app: "Tdarr", images: ["tdarr", "tdarr_node"] },
  { app: "Unpackerr", images: ["unpackerr"] },
  { app: "beets", images: ["beets"] },
  { app: "Calibre", images: ["calibre"], nixos: enable("calibre-server") },
  { app: "Calibre-Web", images: ["calibre-web"], nixos: enable("calibre-web") },
  { app: "File Browser", images: ["filebrowser"] },
];

/**
 * The first app of `table` a container runs: its image, or a service its NixOS config enables.
 * @example mediaAppOf(jellyfin, MEDIA_READERS)?.app // "Jellyfin"
 */
export function mediaAppOf(c: Container, table: readonly MediaApp[]): MediaApp | undefined {
  if (c.backend === "podman") return table.find((a) => imageIs(c.image, a.images));
  return table.find((a) => a.nixos !== undefined && nixosEnables(c.config, a.nixos));
}
