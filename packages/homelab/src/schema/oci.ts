/**
 * OCI image references and volumes as Podman takes them: shared by Podman containers and the
 * Traefik Podman container (`traefik({ mode: "podman" })`), without the container schema's
 * imports (which reach the proxies' registry).
 */
import { parseImage } from "../oci/image.ts";
import { parseVolume, VOLUME_OPTIONS } from "../oci/volume.ts";
import { z } from "./zod.ts";

const IMAGE_MESSAGE = 'expected an image with a tag, e.g. "lscr.io/linuxserver/sonarr:4.0.9"';

/** An OCI image reference with a tag or digest. */
export const image = z.string({ error: IMAGE_MESSAGE }).check((ctx) => {
  const ref = parseImage(ctx.value);
  if (ref === undefined) ctx.issues.push({ code: "custom", message: IMAGE_MESSAGE, input: ctx.value });
  else if (ref.tag === undefined && ref.digest === undefined) {
    ctx.issues.push({ code: "custom", message: `the image has no tag: pin a version, e.g. "${ctx.value}:1.2.3"`, input: ctx.value });
  }
});

const VOLUME_MESSAGE = 'expected "source:/container/path[:options]", e.g. "/opt/media/sonarr:/config" or "/mnt/media:/media:ro"';

/** `"src:dst[:opts]"`: src a host path or a named volume, dst absolute, known options. */
export const volume = z.string({ error: VOLUME_MESSAGE }).check((ctx) => {
  const parsed = parseVolume(ctx.value);
  if (parsed === undefined) {
    ctx.issues.push({ code: "custom", message: VOLUME_MESSAGE, input: ctx.value });
    return;
  }
  for (const opt of parsed.options) {
    if (!VOLUME_OPTIONS.has(opt)) ctx.issues.push({ code: "custom", message: `unknown volume option "${opt}" (expected ro, rw, z, Z, U, …)`, input: ctx.value });
  }
});
