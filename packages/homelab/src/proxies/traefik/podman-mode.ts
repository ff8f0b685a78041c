/**
 * `traefik({ mode: "podman" })`: Traefik as the Podman container `traefik`, reading the routes
 * to Podman containers from their labels (the Docker provider, through the Podman socket) and
 * every other route from its file provider (the dynamic configuration nixjs writes, mounted).
 *
 * The static configuration is a YAML file generated with `pkgs.formats.yaml` and mounted
 * read-only, rather than command-line flags: it is the same data the other two modes give
 * `services.traefik.staticConfigOptions` (one builder, `staticConfig`), nested options
 * such as entry-point redirections and certificate resolvers stay readable, and a change of it
 * changes the store path, hence the unit, hence restarts Traefik. It holds no secret (the DNS
 * API tokens come from `environmentFiles`).
 */
import { n, type NixBinding, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { PodmanContainer } from "../../model/containers.ts";
import type { RenderContext } from "../../render/core/context.ts";
import { dataToNix } from "../../render/core/data.ts";
import type { FileBody } from "../../render/core/module.ts";
import { networkUnit } from "../../render/core/podman.ts";
import { Sections } from "../../render/core/sections.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { MainOptions } from "../provider.ts";
import { containerLabels, type Label } from "./labels.ts";
import type { Traefik } from "./model.ts";
import { DEFAULT_TRAEFIK_IMAGE } from "./podman-model.ts";
import { containerLabelling } from "./podman-routes.ts";
import { entryPointSocket, entryPointsOf } from "./effective.ts";
import { dynamicTls, staticConfig } from "./static-config.ts";

/** The rootful Podman API socket (`podman.socket`, enabled with Podman on NixOS). */
export const PODMAN_SOCKET = "/run/podman/podman.sock";
/** Where Traefik's Docker provider looks for the API by default. */
export const DOCKER_SOCKET = "/var/run/docker.sock";
/** Traefik's state (the ACME account and certificates, `acme.json`), on the host. */
export const TRAEFIK_STATE = "/var/lib/traefik";
/** Where Traefik reads its static configuration by default. */
const STATIC_FILE = "/etc/traefik/traefik.yml";
/** The file provider's file: routes that are not labels, and every middleware. */
const DYNAMIC_FILE = "/etc/traefik/dynamic.yml";

/**
 * The static configuration of the Podman mode: the one of the other modes (entry points,
 * resolvers, API, logs, servers transport)
 * plus the two providers. The Docker provider exposes only containers labelled
 * `traefik.enable=true`, and reaches them on `network` (each container's
 * `traefik.docker.network` label says it again, which matters once it is on two networks).
 * @example podmanStaticConfig(traefik({ mode: "podman" }), ["web"]).providers.docker.network // "web"
 */
export function podmanStaticConfig(traefik: Traefik, networks: readonly string[]): Record<string, unknown> {
  const docker: Record<string, unknown> = { exposedByDefault: false };
  if (networks[0] !== undefined) docker["network"] = networks[0];
  return { ...staticConfig(traefik), providers: { docker, file: { filename: DYNAMIC_FILE } } };
}

/** `(pkgs.formats.yaml { }).generate "<name>" <value>` */
function yamlFile(name: string, value: NixExpr): NixExpr {
  return n.call(n.select(n.call(n.select("pkgs.formats.yaml"), n.attrs([])), ["generate"]), n.str(name), value);
}

/**
 * The file of the `traefik` Podman container: the two generated configuration files (`let`),
 * the container (published :80 and :443, the Podman socket read-only where the Docker provider
 * expects it, the configuration files read-only, the ACME state from the host), the networks
 * of the containers it routes to, and its state directory.
 *
 * The file provider's content is `services.traefik.dynamicConfigOptions`, where every
 * container's file puts its routes in the other two modes too: NixOS declares that option
 * whether or not the service is enabled, so it stays the one place routes and middlewares
 * are merged, and this file only turns it into YAML.
 */
export function traefikPodmanFile(ctx: RenderContext, traefik: Traefik, networks: readonly string[]): FileBody {
  const image = traefik.podman?.image ?? DEFAULT_TRAEFIK_IMAGE;
  const nets = [...new Set(networks)].sort(compareCodeUnits);
  const volumes: NixExpr[] = [
    n.str(`${PODMAN_SOCKET}:${DOCKER_SOCKET}:ro`),
    n.str([n.id("staticConfig"), `:${STATIC_FILE}:ro`]),
    n.str([n.id("dynamicConfig"), `:${DYNAMIC_FILE}:ro`]),
    n.str(`${TRAEFIK_STATE}:${TRAEFIK_STATE}`),
    ...(traefik.podman?.volumes ?? []).map((v) => n.str(v)),
  ];
  const container = dataToNix(
    {
      image,
      ports: publishedPorts(traefik),
      volumes,
      environmentFiles: traefik.environmentFiles.length === 0 ? undefined : [...traefik.environmentFiles],
      extraOptions: nets.length === 0 ? undefined : nets.map((net) => `--network=${net}`),
    },
    { hostConfig: "config", path: "containers.traefik" },
  );
  const units = [...nets.filter((net) => managedNetwork(ctx, net)).map((net) => `${networkUnit(net)}.service`), "podman.socket"];
  const unit: NixBinding = n.bind(
    ["systemd", "services", "podman-traefik"],
    n.attrs([n.bind("requires", n.list(units.map((u) => n.str(u)))), n.bind("after", n.list(units.map((u) => n.str(u))))]),
  );
  const s = new Sections()
    .add(
      [
        "Traefik, the reverse proxy, as a Podman container (80 and 443). Podman containers",
        "are routed by their labels (traefik.*), everything else by the dynamic configuration.",
      ],
      [n.bind(["virtualisation", "oci-containers", "containers", "traefik"], container), unit],
    )
    .add("Its ACME account and certificates", [n.bind("systemd.tmpfiles.rules", n.list([n.str(`d ${TRAEFIK_STATE} 0700 root root -`)]))]);
  // Traefik's own part of the dynamic configuration, where the file provider reads it.
  const tls = dynamicTls(traefik);
  if (tls !== undefined) {
    s.add("Named TLS options", [n.bind(["services", "traefik", ctx.facts.release.traefik.dynamic, "tls"], dataToNix(tls, { hostConfig: "config", path: "traefik.tls" }))]);
  }
  const staticData = dataToNix(podmanStaticConfig(traefik, nets), { hostConfig: "config", path: "traefik.static" });
  return {
    body: s.toAttrs(),
    bindings: [
      n.bind("staticConfig", yamlFile("traefik.yml", staticData)),
      n.bind("dynamicConfig", yamlFile("traefik-dynamic.yml", n.select("config.services.traefik.dynamicConfigOptions"))),
    ],
  };
}

/**
 * Each entry point's port published on the same port of the host (`80:80`, `53:53/udp`); an
 * entry point bound to one address is published on that address of the host.
 */
function publishedPorts(traefik: Traefik): string[] {
  return entryPointsOf(traefik).flatMap((e) => {
    const socket = entryPointSocket(e.address);
    if (socket === undefined) return [];
    const on = socket.address === ANY_ADDRESS ? "" : `${socket.address.includes(":") ? `[${socket.address}]` : socket.address}:`;
    return [`${on}${socket.port}:${socket.port}${socket.protocol === "udp" ? "/udp" : ""}`];
  });
}

/** True when nixjs creates the network (an enabled Podman container of the host joins it). */
function managedNetwork(ctx: RenderContext, net: string): boolean {
  return ctx.containers.some((c) => c.enable && c.backend === "podman" && c.networks.includes(net));
}

/**
 * The Traefik labels of the Podman container `c` (none when nothing routes to it by labels).
 * In the modules layout the first route answers `cfg.domain`, as its file-provider router does,
 * and an unpublished main port is `cfg.port`.
 * @example traefikContainerLabels(ctx, traefik, whoami) // [["traefik.docker.network", "web"], …]
 */
export function traefikContainerLabels(ctx: RenderContext, traefik: Traefik, c: PodmanContainer, main?: MainOptions): Label[] {
  const l = containerLabelling(ctx.host, c);
  if (l === undefined) return [];
  const defaults = {
    entryPoint: traefik.entryPoint,
    ...(traefik.certResolver === undefined ? {} : { certResolver: traefik.certResolver }),
    tlsEntryPoints: entryPointsOf(traefik).flatMap((e) => (e.tls === undefined ? [] : [e.name])),
  };
  const first = c.routes[0];
  const hostParts = (i: number): readonly NixStringPart[] | undefined =>
    i === 0 && main?.domainExpr !== undefined && l.routes[0]?.route === first ? [main.domainExpr] : undefined;
  // Without a network the labels are still written (validation reports the container first).
  // `cfg.port` is the first route's port; unpublished, that is the container port the label names.
  const unpublished = !c.ports.some((p) => p.hostPort === main?.port);
  const port = (p: number): NixExpr | undefined => (unpublished && p === main?.port ? main.portExpr : undefined);
  return containerLabels(ctx.lab, defaults, l.network ?? "", l.routes, { hostParts, port });
}
