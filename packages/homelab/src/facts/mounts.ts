/**
 * Host directories a container writes to: NixOS containers' writable bind mounts and Podman
 * volumes with a host path that are not read-only. Read by the media-library check and by the
 * renderer, which creates the missing ones.
 */
import type { Container } from "../model/containers.ts";
import { parseVolume } from "../oci/volume.ts";
import { atContainer, type Located } from "./located.ts";

/** One writable mount of a host directory. */
export interface WritableMount extends Located {
  /** The host directory. */
  readonly hostPath: string;
  /** Where the container sees it (`/config`, `/tv`). */
  readonly target: string;
}

/**
 * The writable host mounts of a container, in declaration order.
 * @example writableMounts(sonarr).map((m) => m.hostPath) // ["/opt/media/sonarr", "/mnt/storage/downloads"]
 */
export function writableMounts(c: Container): WritableMount[] {
  if (c.backend === "nspawn") {
    return c.bindMounts.filter((b) => !b.isReadOnly).map((b) => ({ ...atContainer(c, "bindMounts", b.mountPoint), hostPath: b.hostPath ?? b.mountPoint, target: b.mountPoint }));
  }
  const out: WritableMount[] = [];
  c.volumes.forEach((text, i) => {
    const v = parseVolume(text);
    if (v !== undefined && v.hostPath && !v.readOnly) out.push({ ...atContainer(c, "volumes", i), hostPath: v.source, target: v.target });
  });
  return out;
}

/**
 * The tmpfiles rule that creates a writable bind mount's host directory when it is missing,
 * leaving mode and owner alone (`-`): the guest may have chowned it.
 * @example bindMountRule("/srv/gitea") // "d /srv/gitea - - - -"
 */
export function bindMountRule(hostPath: string): string {
  return `d ${hostPath} - - - -`;
}
