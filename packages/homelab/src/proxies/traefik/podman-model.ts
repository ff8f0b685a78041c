/** The model of `traefik({ mode: "podman" })`: Traefik as a Podman container reading labels. */

/** Traefik's image when `image` is not given: pinned, so an update is a reviewed change. */
export const DEFAULT_TRAEFIK_IMAGE = "docker.io/library/traefik:v3.3.5";

/** The options of the `traefik` OCI container (`virtualisation.oci-containers.containers.traefik`). */
export interface TraefikPodman {
  /** Image with a pinned tag, e.g. `docker.io/library/traefik:v3.3.5`. */
  readonly image: string;
  /** Further volumes, `"src:dst[:opts]"` as Podman takes them (plugins, certificates). */
  readonly volumes: readonly string[];
}

/** The codes of the Podman mode's checks. */
export type TraefikPodmanCode =
  | "traefik-socket-writable"
  | "traefik-network-unjoined"
  | "traefik-port-unneeded"
  | "traefik-label-name"
  | "traefik-target-unreachable";
