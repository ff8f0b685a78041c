/**
 * Shared media libraries mounted writable (seed 001: "use read-only mounts for shared
 * media"). A media path is one with a media-library directory in it (`/mnt/storage/media`,
 * `/srv/movies`), outside the container's own state directory `/opt/<category>/<name>`.
 */
import type { Container } from "../../model/index.ts";
import { at, type CheckContext } from "../context.ts";
import { segment } from "../paths.ts";

const MEDIA_DIRS = /^(media|movies|films|tv|shows|series|music|audio|audiobooks|podcasts|photos|pictures|books|comics|library|videos)$/i;

/** True for a host path that looks like a shared media library. */
export function isSharedMediaPath(path: string): boolean {
  if (/^\/opt\/(media|services|databases|monitoring|business)\//.test(path)) return false;
  return path.split("/").some((part) => MEDIA_DIRS.test(part));
}

function writableMounts(c: Container): { path: string; host: string }[] {
  if (c.backend === "nspawn") {
    return c.bindMounts
      .filter((b) => !b.isReadOnly)
      .map((b) => ({ path: `.bindMounts${segment(b.mountPoint)}`, host: b.hostPath ?? b.mountPoint }));
  }
  const out: { path: string; host: string }[] = [];
  c.volumes.forEach((v, i) => {
    const [src, , opts] = v.split(":");
    if (src === undefined || !src.startsWith("/")) return;
    if ((opts ?? "").split(",").includes("ro")) return;
    out.push({ path: `.volumes[${i}]`, host: src });
  });
  return out;
}

export function checkMounts(ctx: CheckContext): void {
  for (const c of ctx.enabled) {
    for (const m of writableMounts(c)) {
      if (!isSharedMediaPath(m.host)) continue;
      const fix = c.backend === "nspawn" ? "leave isReadOnly at its default (true)" : 'append ":ro"';
      ctx.report.warning("media-mount-writable", at(c, m.path), `${m.host} looks like a shared media library and is mounted writable: ${fix} unless ${c.name} must write there`);
    }
  }
}
