/** The options of `traefik()` that only `mode: "podman"` takes, and their cross-field rule. */
import { image, volume } from "../../schema/oci.ts";
import { asRecord, type InputProblem } from "../../schema/problems.ts";
import { z } from "../../schema/zod.ts";

/** Spread into `traefik()`'s schema. */
export const traefikPodmanShape = {
  /**
   * `mode: "podman"`: Traefik's image, with a tag. Default `docker.io/library/traefik:v3.3.5`.
   * @example image: "docker.io/library/traefik:v3.3.5"
   */
  image: image.optional(),
  /**
   * `mode: "podman"`: further volumes of the Traefik container (the Podman socket, the static
   * and dynamic configuration and `/var/lib/traefik` are mounted already).
   * @example volumes: ["/opt/services/traefik/plugins:/plugins-local:ro"]
   */
  volumes: z.array(volume).optional(),
};

const PODMAN_ONLY = ["image", "volumes"] as const;

/**
 * `image` and `volumes` belong to the Traefik container of `mode: "podman"`: with another
 * mode they would be silently ignored, so they are refused; so are the nspawn container's
 * options (`container`) in the Podman mode.
 * @example traefikPodmanProblems({ image: "traefik:v3.3.5" }) // [{ path: ["image"], … }]
 */
export function traefikPodmanProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  if (r["mode"] === "podman") {
    // The nspawn container's options (ephemeral, bindMounts, nameservers) have no Podman meaning.
    return r["container"] === undefined
      ? []
      : [{ path: ["container"], message: 'container options need mode: "container" (the Podman container takes image and volumes instead)' }];
  }
  return PODMAN_ONLY.filter((key) => r[key] !== undefined).map((key) => ({
    path: [key],
    message: `${key} is an option of the Traefik Podman container: add mode: "podman", or drop ${key}`,
  }));
}
