/**
 * `media-mount-writable`, a suggestion (seed 001: "use read-only mounts for shared media"): a
 * shared media library mounted writable where nothing needs to write. A media library is a
 * host path with a library directory in it (`/mnt/storage/media`, `/srv/media/tv`,
 * `/mnt/tank/movies`), outside the container's own state directory `/opt/<category>/<name>` and
 * the directories a system keeps one program's state in (`/var/lib/immich/media` is Immich's
 * uploads). Reported when it is mounted writable into an app that only reads it (Jellyfin,
 * Plex …), or writable into more than one container while this one is not known to write there.
 * Never reported for the apps whose job is to write into it (the *arr apps, downloaders:
 * `/mnt/storage/media` writable into qBittorrent is how hard links work), nor for a mount
 * the container keeps its own state in (`/config`, a directory named after it).
 */
import { writableMounts, type WritableMount } from "../../facts/mounts.ts";
import type { Container } from "../../model/containers.ts";
import type { CheckContext } from "../context.ts";
import { groupBy, MAX_RELATED } from "../report.ts";
import { MEDIA_READERS, MEDIA_WRITERS, mediaAppOf } from "./media-apps.ts";

const MEDIA_DIRS = /^(media|movies|films|tv|shows|series|music|audio|audiobooks|podcasts|photos|pictures|books|ebooks|comics|manga|library|videos)$/i;

/** Roots of one program's state or of the system, never a library shared between apps. */
const NOT_LIBRARY = /^\/(opt\/(media|services|databases|monitoring|business)|var\/lib|var\/cache|var\/log|etc|run|nix|tmp)\//;

/**
 * The library a host path belongs to: the path up to its first library directory
 * (`/mnt/storage/media/tv` → `/mnt/storage/media`), or `undefined` when it is not in one. A
 * top-level `/media` is where removable disks are mounted (`/media/usb`), like `/mnt`: a
 * library directory below it counts, `/media` itself does not.
 * @example mediaLibraryOf("/mnt/storage/media/tv") // "/mnt/storage/media"
 * @example mediaLibraryOf("/opt/media/sonarr") // undefined
 */
export function mediaLibraryOf(path: string): string | undefined {
  if (NOT_LIBRARY.test(path)) return undefined;
  const parts = path.split("/");
  const i = parts.findIndex((part, at) => MEDIA_DIRS.test(part) && !(at === 1 && part === "media"));
  return i < 0 ? undefined : parts.slice(0, i + 1).join("/");
}

/** True for a host path that looks like a shared media library. @example isSharedMediaPath("/srv/media/tv") // true */
export function isSharedMediaPath(path: string): boolean {
  return mediaLibraryOf(path) !== undefined;
}

/** Where containers keep their own state, as the image sees it: never the library itself. */
const STATE_TARGET = /^\/(config|cache|transcode|var\/lib|var\/cache)(\/|$)/;

/**
 * True when a mount holds the container's own state: a state target, or a directory inside the
 * library named after it (`/srv/media/jellyfin`).
 */
function ownState(c: Container, m: WritableMount, library: string): boolean {
  if (STATE_TARGET.test(m.target)) return true;
  const name = c.name.toLowerCase();
  return m.hostPath.slice(library.length).toLowerCase().split("/").includes(name);
}

/** The fix, in the container's own words. */
function readOnlyFix(c: Container): string {
  return c.backend === "nspawn" ? "leave isReadOnly at its default (true)" : 'append ":ro"';
}

interface SharedWrite extends WritableMount {
  readonly c: Container;
  readonly library: string;
}

export function checkMounts(ctx: CheckContext): void {
  const unknownWriters: SharedWrite[] = [];
  const writers: SharedWrite[] = [];
  for (const c of ctx.facts.enabled) {
    const reader = mediaAppOf(c, MEDIA_READERS);
    const mustWrite = reader === undefined && mediaAppOf(c, MEDIA_WRITERS) !== undefined;
    for (const m of writableMounts(c)) {
      const library = mediaLibraryOf(m.hostPath);
      if (library === undefined || ownState(c, m, library)) continue;
      if (reader !== undefined) {
        ctx.report.note(
          "media-mount-writable",
          m,
          `${m.hostPath} looks like a media library and is mounted writable into ${c.name}, but ${reader.app} only reads its library: ${readOnlyFix(c)}`,
        );
        continue;
      }
      const write = { ...m, c, library };
      writers.push(write);
      if (!mustWrite) unknownWriters.push(write);
    }
  }
  // A library several containers write, reported at those not known to write it.
  const byLibrary = groupBy(writers, (w) => w.library);
  for (const w of unknownWriters) {
    const others = (byLibrary.get(w.library) ?? []).filter((o) => o.c !== w.c);
    if (others.length === 0) continue;
    const names = [...new Set(others.map((o) => o.c.name))];
    const shown = names.length > MAX_RELATED ? `${names.slice(0, MAX_RELATED).join(", ")} and ${names.length - MAX_RELATED} more` : names.join(" and ");
    ctx.report.note(
      "media-mount-writable",
      w,
      `${w.hostPath} looks like a media library shared with ${shown}, and ${w.c.name} mounts it writable: ${readOnlyFix(w.c)} unless ${w.c.name} must write there`,
      others,
    );
  }
}
