/**
 * Which routes `traefik({ mode: "podman" })` renders as labels, and the Podman networks the
 * Traefik container joins to reach them.
 */
import type { Host } from "../../model/homelab.ts";
import type { PodmanContainer } from "../../model/containers.ts";
import { compareCodeUnits } from "../../util/order.ts";

/** An enabled Podman container on a custom network, routed through Traefik. */
function labelled(c: Host["containers"][number]): c is PodmanContainer {
  return c.enable && c.backend === "podman" && c.network !== "host" && c.routes.some((r) => r.kind === "traefikRoute");
}

/**
 * The networks the Traefik container joins: for each labelled container, the first of its
 * networks (the one its `traefik.docker.network` label names), sorted.
 * @example traefikNetworks(host) // ["media", "web"]
 */
export function traefikNetworks(host: Pick<Host, "containers">): string[] {
  const nets = new Set<string>();
  for (const c of host.containers) if (labelled(c) && c.networks[0] !== undefined) nets.add(c.networks[0]);
  return [...nets].sort(compareCodeUnits);
}
