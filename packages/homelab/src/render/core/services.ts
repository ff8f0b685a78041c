import { n } from "@nixjs/expr-printer";
import type { HostService, NspawnContainer, Traefik } from "../../model/index.ts";
import type { FileBody } from "./module.ts";
import type { RenderContext } from "./context.ts";
import { dataToTree } from "./data.ts";
import { descriptionLines, Sections } from "./sections.ts";
import { sortKeysDeep } from "./merge.ts";
import { nspawnValue } from "./nspawn.ts";
import { traefikService } from "./traefik.ts";

/** `services/<name>.nix`: the user's host configuration for a host service (cloudflared …). */
export function serviceBody(svc: HostService): FileBody {
  const data = sortKeysDeep(svc.config) as { readonly [key: string]: unknown };
  const tree = dataToTree(data, { hostConfig: "config", path: `services.${svc.name}.config` });
  const lines = descriptionLines(svc.description);
  const comment = lines.length === 0 ? undefined : [`${svc.name}: ${lines[0]}`, ...lines.slice(1)];
  const s = new Sections().add(comment, tree.toBindings());
  return { body: s.isEmpty ? n.attrs({}) : s.toAttrs() };
}

const TRAEFIK_COMMENT = [
  "Traefik, the reverse proxy, on the host network (80 and 443).",
  "Each container's file adds its routes to dynamicConfigOptions.",
];

/**
 * `containers/traefik.nix` (seed 000): Traefik in an nspawn container sharing the host's
 * network, its DNS-challenge environment files decrypted inside the guest with the host key.
 */
export function traefikContainer(ctx: RenderContext, traefik: Traefik, file: string): FileBody {
  const c: NspawnContainer = {
    kind: "container",
    name: "traefik",
    enable: true,
    routes: [],
    site: traefik.site,
    backend: "nspawn",
    network: "host",
    autoStart: true,
    ephemeral: false,
    bindMounts: [],
    forwardPorts: [],
    ports: [
      { port: 80, protocol: "tcp", address: "0.0.0.0" },
      { port: 443, protocol: "tcp", address: "0.0.0.0" },
    ],
    secrets: [...traefik.environmentFiles],
    config: {},
    extraOptions: {},
  };
  const value = nspawnValue(ctx, c, file, traefikService(traefik));
  const s = new Sections().add(TRAEFIK_COMMENT, [n.bind(["containers", "traefik"], value.expr)]);
  return { body: s.toAttrs(), usesHostConfig: value.usesHostConfig };
}

/** `services/traefik.nix`: Traefik as a host service; its environment files are host secrets. */
export function traefikServiceBody(traefik: Traefik): FileBody {
  const comment = [
    "Traefik, the reverse proxy, as a host service (80 and 443).",
    "Each container's file adds its routes to dynamicConfigOptions.",
  ];
  const tree = dataToTree(sortKeysDeep(traefikService(traefik)) as { readonly [key: string]: unknown }, {
    hostConfig: "config",
    path: "traefik",
  });
  return { body: new Sections().add(comment, tree.toBindings()).toAttrs() };
}

