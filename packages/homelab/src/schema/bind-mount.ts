/** One nspawn `bindMounts` entry, shared by `container()` and `traefik({ container })`. */
import { bool, mountPath } from "./primitives.ts";
import { z } from "./zod.ts";

/** Options of one `bindMounts` entry, keyed by the mount point inside the container. */
export const bindMount = z.strictObject(
  {
    /** Host path; the mount point's own path when absent. @example hostPath: "/srv/immich" */
    hostPath: mountPath.optional(),
    /** Read-only unless `false` (NixOS's default). @example isReadOnly: false */
    isReadOnly: bool("isReadOnly").optional(),
  },
  { error: "expected { hostPath, isReadOnly }" },
);
