/**
 * The Traefik provider: the `traefik` NixOS container on the host network (seed 000), a host
 * service, or the `traefik` Podman container (routes to Podman containers as their labels);
 * routes in its dynamic configuration, beside the container they route to.
 */
import { atProxy, type Listener } from "../../facts/located.ts";
import type { Traefik } from "./model.ts";
import { isTraefik } from "./builders.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import { HOST_SYSTEM } from "../../facts/systems.ts";
import type { ProxyProvider } from "../provider.ts";
import { checkTraefik, TRAEFIK_CODES } from "./checks.ts";
import { traefikRouteBindings } from "./dynamic.ts";
import { traefikHostSections } from "./host-routing.ts";
import { entryPointSocket, entryPointsOf } from "./effective.ts";
import { API_ENTRY_POINT } from "./static-model.ts";
import { traefikContainerFile, traefikServiceFile } from "./static.ts";
import { checkPodmanMode, PODMAN_MODE_CODES } from "./podman-checks.ts";
import { traefikContainerLabels, traefikPodmanFile } from "./podman-mode.ts";
import { containerLabelling, traefikNetworks } from "./podman-routes.ts";

export const traefikProvider: ProxyProvider<Traefik> = {
  kind: "traefik",
  shortForm: "traefikRoute",
  option: { is: isTraefik, error: "expected a value made by traefik({...})" },
  sectionTitle: "Traefik routing",
  missing: "a traefikRoute needs Traefik: add traefik: traefik({...}) to homelab(), or use caddyRoute",
  missingSummary: "a Traefik route without traefik()",
  codes: { ...TRAEFIK_CODES, ...PODMAN_MODE_CODES },
  fileConflictHint: ' (or pick traefik({ mode: "container" }))',
  hostSecretsOption: "traefik's environmentFiles",

  /**
   * Its entry points, opened in the firewall; with `api.insecure` (and no entry point of that
   * name) also Traefik's implicit `traefik` entry point on :8080, which it binds but nixjs does
   * not open: the unauthenticated API stays off the network unless the user opens it. Its
   * routes bind nothing of their own (a route's port is an entry point's).
   */
  listeners(t) {
    const owner = t.mode === "container" ? "the traefik container" : t.mode === "podman" ? "the traefik Podman container" : "the Traefik service";
    // Published Podman ports come in through Podman's own rules, like any Podman container's.
    const opens = t.mode !== "podman";
    const points = entryPointsOf(t);
    const listeners: Listener[] = points.flatMap((e) => {
      const socket = entryPointSocket(e.address);
      return socket === undefined ? [] : [{ ...atProxy(t, "entryPoints", e.name), ...socket, owner, name: "traefik", opens }];
    });
    if (t.apiInsecure && !points.some((e) => e.name === API_ENTRY_POINT)) {
      listeners.push({ ...atProxy(t, "api", "insecure"), protocol: "tcp", address: ANY_ADDRESS, port: 8080, owner, name: "traefik", opens: false });
    }
    return listeners;
  },

  secrets(t) {
    const system = t.mode === "container" ? { kind: "guest" as const, container: "traefik" } : HOST_SYSTEM;
    return t.environmentFiles.map((secret, i) => ({ secret, system, how: "declared" as const, enabled: true, at: atProxy(t, "environmentFiles", i) }));
  },

  containerNames(t) {
    return t.mode === "service" ? [] : ["traefik"];
  },

  containerClash(name) {
    return `traefik() already defines the container "${name}" (its modes "container" and "podman" run Traefik as that container): rename this container, or use traefik({ mode: "service" })`;
  },

  files(lab, t) {
    const owner = atProxy(t);
    if (t.mode === "service") return [{ path: "services/traefik.nix", owner }];
    // The Podman mode's file has the same place as the nspawn container's: both are the container `traefik`.
    return [{ path: lab.layout.kind === "modules" ? "containers/traefik/index.nix" : "containers/traefik.nix", owner }];
  },

  renderFile(ctx, t, file) {
    if (t.mode === "podman") return traefikPodmanFile(ctx, t, traefikNetworks(ctx.host));
    return t.mode === "service" ? traefikServiceFile(t, ctx.facts.release) : traefikContainerFile(ctx, t, file.path);
  },

  routeBindings(ctx, t, c, main) {
    // In Podman, Traefik reads the routes to Podman containers from their labels.
    if (t.mode === "podman" && c.backend === "podman") return [];
    return traefikRouteBindings(ctx, t, c, main);
  },

  containerLabels(ctx, t, c, main) {
    return t.mode === "podman" ? traefikContainerLabels(ctx, t, c, main) : [];
  },

  podmanNetworks(t, host) {
    return t.mode === "podman" ? traefikNetworks(host) : [];
  },

  reachesByNetwork(t, host, c) {
    return t.mode === "podman" && containerLabelling(host, c) !== undefined;
  },

  hostSections(ctx, t) {
    return traefikHostSections(ctx, t);
  },

  check(ctx, t) {
    checkTraefik(ctx, t);
    if (t.mode === "podman") checkPodmanMode(ctx, t);
  },
};
