/**
 * Shared media libraries mounted writable (seed 001: "use read-only mounts for shared
 * media"). A media path is one with a media-library directory in it (`/mnt/storage/media`,
 * `/srv/movies`), outside the container's own state directory `/opt/<category>/<name>` and
 * outside the directories a system keeps one program's state in (`/var/lib/authentik/media` is
 * Authentik's uploads, not a library other apps share).
 */
import { writableMounts } from "../../facts/mounts.ts";
import type { CheckContext } from "../context.ts";

const MEDIA_DIRS = /^(media|movies|films|tv|shows|series|music|audio|audiobooks|podcasts|photos|pictures|books|comics|library|videos)$/i;

/** True for a host path that looks like a shared media library. */
export function isSharedMediaPath(path: string): boolean {
  if (/^\/opt\/(media|services|databases|monitoring|business)\//.test(path)) return false;
  if (/^\/(var\/lib|var\/cache|var\/log|etc|run)\//.test(path)) return false;
  return path.split("/").some((part) => MEDIA_DIRS.test(part));
}

export function checkMounts(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    for (const m of writableMounts(c)) {
      if (!isSharedMediaPath(m.hostPath)) continue;
      const fix = c.backend === "nspawn" ? "leave isReadOnly at its default (true)" : 'append ":ro"';
      ctx.report.warning("media-mount-writable", m, `${m.hostPath} looks like a shared media library and is mounted writable: ${fix} unless ${c.name} must write there`);
    }
  }
}
