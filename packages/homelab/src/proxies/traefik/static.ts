/** `services.traefik` itself: the static configuration and the files it runs from. */
import { DEFAULT_NSPAWN_RUNTIME } from "../../model/nspawn.ts";
import { n } from "@nixjs/expr-printer";
import type { NixConfig, NspawnContainer } from "../../model/containers.ts";
import type { Traefik } from "./model.ts";
import type { ReleaseFacts } from "../../releases/table.ts";
import type { RenderContext } from "../../render/core/context.ts";
import { dataToTree } from "../../render/core/data.ts";
import { mergeConfig, sortKeysDeep } from "../../render/core/merge.ts";
import type { FileBody } from "../../render/core/module.ts";
import { nspawnValue } from "../../render/core/nspawn.ts";
import { Sections } from "../../render/core/sections.ts";
import { entryPointSocket, entryPointsOf } from "./effective.ts";
import { dynamicTls, staticConfig } from "./static-config.ts";

/**
 * `services.traefik` itself: enabled, environment files (DNS API tokens, from agenix), the
 * static configuration (`staticConfigOptions` in both supported releases, see
 * `static-config.ts`) and Traefik's own dynamic part (named TLS options). The ACME resolvers
 * store their accounts and certificates under `/var/lib/traefik` (Traefik's only writable
 * directory) unless told otherwise.
 */
function traefikService(traefik: Traefik, release: ReleaseFacts): NixConfig {
  const tls = dynamicTls(traefik);
  return {
    services: {
      traefik: {
        enable: true,
        ...(traefik.environmentFiles.length > 0 ? { environmentFiles: [...traefik.environmentFiles] } : {}),
        [release.traefik.static]: staticConfig(traefik),
        ...(tls === undefined ? {} : { [release.traefik.dynamic]: { tls } }),
      },
    },
  };
}

/** The ports its entry points listen on, for the file's comment: `80 and 443`, `53/udp, 80, 443 and 8443`. */
function portsText(traefik: Traefik): string {
  const ports = [...new Set(entryPointsOf(traefik).flatMap((e) => {
    const socket = entryPointSocket(e.address);
    return socket === undefined ? [] : [`${socket.port}${socket.protocol === "udp" ? "/udp" : ""}`];
  }))].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  return ports.length <= 1 ? (ports[0] ?? "") : `${ports.slice(0, -1).join(", ")} and ${ports[ports.length - 1]!}`;
}

/** The implicit `traefik` NixOS container of `traefik({ mode: "container" })`, as a model container. */
function traefikAsContainer(traefik: Traefik): NspawnContainer {
  return {
    kind: "container",
    name: "traefik",
    enable: true,
    routes: [],
    site: traefik.site,
    backend: "nspawn",
    network: "host",
    autoStart: true,
    ephemeral: traefik.container.ephemeral,
    bindMounts: traefik.container.bindMounts,
    forwardPorts: [],
    ports: entryPointsOf(traefik).flatMap((e) => {
      const socket = entryPointSocket(e.address);
      return socket === undefined ? [] : [socket];
    }),
    secrets: [...traefik.environmentFiles],
    config: {},
    extraOptions: {},
    runtime: DEFAULT_NSPAWN_RUNTIME,
  };
}

/**
 * The guest's own DNS servers (`container.nameservers`): a host-network container copies the
 * host's `resolv.conf` by default, which may name a resolver Traefik should not use for the
 * DNS-01 propagation check (a local AdGuard that rewrites the names it checks).
 */
function guestDns(traefik: Traefik): NixConfig {
  const servers = traefik.container.nameservers;
  if (servers.length === 0) return {};
  return { networking: { nameservers: [...servers], useHostResolvConf: n.call("lib.mkForce", false) } };
}

/**
 * The file of the `traefik` container (seed 000): Traefik in an nspawn container sharing the
 * host's network, its DNS-challenge environment files decrypted inside the guest with the host key.
 */
export function traefikContainerFile(ctx: RenderContext, traefik: Traefik, file: string): FileBody {
  const value = nspawnValue(ctx, traefikAsContainer(traefik), file, mergeConfig(traefikService(traefik, ctx.facts.release), guestDns(traefik)) as NixConfig);
  const comment = [
    `Traefik, the reverse proxy, on the host network (${portsText(traefik)}).`,
    "Each container's file adds its routes to dynamicConfigOptions.",
  ];
  const s = new Sections().add(comment, [n.bind(["containers", "traefik"], value.expr)]);
  return { body: s.toAttrs(), usesHostConfig: value.usesHostConfig };
}

/** `services/traefik.nix`: Traefik as a host service; its environment files are host secrets. */
export function traefikServiceFile(traefik: Traefik, release: ReleaseFacts): FileBody {
  const comment = [
    `Traefik, the reverse proxy, as a host service (${portsText(traefik)}).`,
    "Each container's file adds its routes to dynamicConfigOptions.",
  ];
  const tree = dataToTree(sortKeysDeep(traefikService(traefik, release)) as { readonly [key: string]: unknown }, {
    hostConfig: "config",
    path: "traefik",
  });
  return { body: new Sections().add(comment, tree.toBindings()).toAttrs() };
}
