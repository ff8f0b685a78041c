/**
 * The checks of `traefik({ mode: "podman" })`: the socket stays read-only, every container
 * routed by labels is on a network Traefik joins, label names Traefik can parse, ports that
 * labels make unnecessary, targets the container cannot reach.
 */
import { atContainer, atProxy } from "../../facts/located.ts";
import { ANY_ADDRESS, isLoopback } from "../../net/ipv4.ts";
import { targetHost } from "../../render/core/targets.ts";
import type { CodeInfo } from "../../diagnostics/codes.ts";
import { parseVolume } from "../../oci/volume.ts";
import type { CheckContext } from "../../validate/context.ts";
import type { Traefik } from "./model.ts";
import { LABEL_NAME } from "./labels.ts";
import type { TraefikPodmanCode } from "./podman-model.ts";
import { containerLabelling } from "./podman-routes.ts";

/** The Podman mode's codes in the registry. */
export const PODMAN_MODE_CODES: { readonly [C in TraefikPodmanCode]: CodeInfo } = {
  "traefik-socket-writable": { severity: "error", summary: "the Podman (Docker) API socket mounted writable into the Traefik container" },
  "traefik-network-unjoined": { severity: "error", summary: "a container routed by labels on no Podman network Traefik joins" },
  "traefik-port-unneeded": { severity: "note", summary: "a port published only for a route that labels now carry over the Podman network" },
  "traefik-label-name": { severity: "error", summary: "a label name Traefik cannot parse (a dot or @ in a router's name), or a traefik.* label the routes would overwrite" },
  "traefik-target-unreachable": { severity: "error", summary: "a route the Traefik container cannot reach (an address on the host's loopback)" },
};

/** An API socket of Podman or Docker, by its file name: rootful, rootless or the Docker alias. */
const API_SOCKET = /(^|\/)(podman|docker)\.sock$/;

/**
 * The socket is the container engine's whole API: whoever holds it can start a privileged
 * container, which is root on the host. nixjs mounts it once, `:ro`, where the Docker provider
 * looks. A second mount of it without `:ro` is refused: it is the docker-compose habit this
 * mode replaces, and it says the opposite of what was meant. (No mount flag limits the API
 * itself: a Unix socket's `connect()` ignores a read-only mount. Narrowing the API takes a
 * socket proxy; the message says so rather than promise what `:ro` cannot do.)
 */
function checkSocket(ctx: CheckContext, t: Traefik): void {
  (t.podman?.volumes ?? []).forEach((text, i) => {
    const v = parseVolume(text);
    if (v === undefined || !v.hostPath || !API_SOCKET.test(v.source) || v.readOnly) return;
    ctx.report.error(
      "traefik-socket-writable",
      atProxy(t, "volumes", i),
      `${text} mounts the container engine's API socket writable into Traefik, and whoever controls Traefik through it can start a privileged container (root on the host): drop this volume, nixjs already mounts the Podman socket read-only for the Docker provider (to narrow the API itself, which no mount flag does, put a socket proxy in between)`,
    );
  });
}

/**
 * A labelled container must be on a custom Podman network, which Traefik joins (a route by
 * name over a network the container is not on is the core's `route-target-unreachable`).
 */
function checkNetworks(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    const l = containerLabelling(ctx.host, c);
    if (l === undefined || l.network !== undefined) continue;
    const why = l.container.network === "host" ? 'it uses the host\'s network (network: "host")' : "it is on no custom Podman network";
    ctx.report.error(
      "traefik-network-unjoined",
      atContainer(c, "networks"),
      `${c.name} is routed by Traefik labels, but ${why}, so the Traefik container cannot reach it by name: add networks: ["web"] (any name; Traefik joins the networks of the containers it routes to)`,
    );
  }
}

/**
 * Router and service names are segments of label keys: a container name with a dot
 * (`my.app`) would make `traefik.http.routers.my.app.rule`, router `my`. A `traefik.*` label
 * of the user's own on a labelled container would be overwritten by the generated one.
 */
function checkLabelNames(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    const l = containerLabelling(ctx.host, c);
    if (l === undefined) continue;
    const bad = [...new Set(l.routes.flatMap((r) => [r.router, r.service]))].filter((name) => !LABEL_NAME.test(name));
    if (bad.length > 0) {
      ctx.report.error(
        "traefik-label-name",
        atContainer(c),
        `${c.name} is routed by Traefik labels named after it (${bad.map((b) => `"${b}"`).join(", ")}), and a label key cannot carry ${bad.some((b) => b.includes(".")) ? "a dot (it splits the key: traefik.http.routers.<name>.rule)" : "that character"}: rename the container with letters, digits, - and _ only`,
      );
    }
    for (const key of Object.keys(l.container.labels)) {
      if (!key.toLowerCase().startsWith("traefik.")) continue;
      ctx.report.error(
        "traefik-label-name",
        atContainer(c, "labels", key),
        `${c.name}'s label "${key}": nixjs writes the traefik.* labels of a container from its routes; drop this label and say it with the route (or a middleware)`,
      );
    }
  }
}

/**
 * A port published only for a labelled route: Traefik reaches the container port over the
 * network, and the published port is one more way in that bypasses the proxy (and its auth).
 */
function checkPublishedPorts(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    const l = containerLabelling(ctx.host, c);
    if (l === undefined || l.network === undefined) continue;
    const routed = new Set(l.routes.map((r) => r.port));
    l.container.ports.forEach((p, i) => {
      if (p.protocol !== "tcp" || !routed.has(p.containerPort)) return;
      ctx.report.note(
        "traefik-port-unneeded",
        atContainer(c, "ports", i),
        `${c.name} publishes ${p.hostAddress === "0.0.0.0" ? "" : `${p.hostAddress}:`}${p.hostPort}:${p.containerPort} for its route, but Traefik reaches port ${p.containerPort} over the Podman network "${l.network}" by the container's labels: drop the published port (unless something besides Traefik needs it)`,
      );
    });
  }
}

/**
 * Routes Traefik serves from its file provider must reach their target from inside its
 * container, where 127.0.0.1 is Traefik itself: a host-network container, a host service or
 * a host port on loopback cannot be reached that way.
 */
function checkReachable(ctx: CheckContext): void {
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "traefik") continue;
    const t = r.target;
    let where: string | undefined;
    if (t.kind === "container" && containerLabelling(ctx.host, t.container) === undefined) {
      const host = targetHost(t.container, t.port)[0];
      if (typeof host === "string" && isLoopback(host)) where = `${t.container.name} at ${host}:${t.port}`;
    } else if (t.kind === "service") {
      // Reached at its listener's address; one on loopback or every address is written 127.0.0.1.
      const address = t.service.ports.find((p) => p.port === t.port && p.protocol === "tcp")?.address ?? "127.0.0.1";
      if (isLoopback(address) || address === ANY_ADDRESS) where = `the host service ${t.service.name} (port ${t.port})`;
    } else if (t.kind === "hostPort" && (isLoopback(t.address) || t.address === "localhost")) {
      where = `${t.address}:${t.port}`;
    }
    if (where === undefined) continue;
    const fix = t.kind === "container" && t.container.backend === "podman"
      ? `route to it by name instead: to: { podman: "${t.container.name}", port, network }`
      : "use traefik({ mode: \"service\" }) or \"container\" (on the host network), or route to an address the container can reach";
    ctx.report.error(
      "traefik-target-unreachable",
      r,
      `${r.host} routes to ${where}, which the Traefik Podman container cannot reach (inside it, 127.0.0.1 is Traefik itself): ${fix}`,
    );
  }
}

export function checkPodmanMode(ctx: CheckContext, t: Traefik): void {
  checkSocket(ctx, t);
  checkNetworks(ctx);
  checkLabelNames(ctx);
  checkPublishedPorts(ctx);
  checkReachable(ctx);
}
