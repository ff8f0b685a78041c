/**
 * The checks of `traefik({ mode: "podman" })`: the socket stays read-only, every container
 * routed by labels is on a network Traefik joins, label names Traefik can parse, ports that
 * labels make unnecessary, targets the container cannot reach.
 */
import { atProxy } from "../../facts/located.ts";
import type { CodeInfo } from "../../diagnostics/codes.ts";
import { parseVolume } from "../../oci/volume.ts";
import type { CheckContext } from "../../validate/context.ts";
import type { Traefik } from "./model.ts";
import type { TraefikPodmanCode } from "./podman-model.ts";

/** The Podman mode's codes in the registry. */
export const PODMAN_MODE_CODES: { readonly [C in TraefikPodmanCode]: CodeInfo } = {
  "traefik-socket-writable": { severity: "error", summary: "the Podman (Docker) API socket mounted writable into the Traefik container" },
  "traefik-network-unjoined": { severity: "error", summary: "a container routed by labels on no Podman network Traefik joins" },
  "traefik-port-unneeded": { severity: "note", summary: "a port published only for a route that labels now carry over the Podman network" },
  "traefik-label-name": { severity: "error", summary: "a router or service name Traefik's labels cannot carry (dots, @, spaces)" },
  "traefik-target-unreachable": { severity: "error", summary: "a route the Traefik container cannot reach (an address on the host's loopback)" },
};

/** An API socket of Podman or Docker, by its file name: rootful, rootless or the Docker alias. */
const API_SOCKET = /(^|\/)(podman|docker)\.sock$/;

/**
 * The socket is the container engine's whole API: with write access Traefik (or whoever takes
 * it over) can start a privileged container, which is root on the host. nixjs mounts it
 * `:ro` itself; a volume of the user's that mounts it again without `:ro` undoes that.
 */
function checkSocket(ctx: CheckContext, t: Traefik): void {
  (t.podman?.volumes ?? []).forEach((text, i) => {
    const v = parseVolume(text);
    if (v === undefined || !v.hostPath || !API_SOCKET.test(v.source) || v.readOnly) return;
    ctx.report.error(
      "traefik-socket-writable",
      atProxy(t, "volumes", i),
      `${text} mounts the container engine's API socket writable: whoever controls Traefik could start a privileged container (root on the host). nixjs already mounts the Podman socket read-only for the Docker provider: drop this volume, or add :ro`,
    );
  });
}

export function checkPodmanMode(ctx: CheckContext, t: Traefik): void {
  checkSocket(ctx, t);
}
