/** `services.traefik` itself: the static configuration and the files it runs from. */
import { n } from "@nixjs/expr-printer";
import type { NixConfig, NspawnContainer } from "../../model/containers.ts";
import type { Traefik } from "./model.ts";
import type { ReleaseFacts } from "../../releases/table.ts";
import type { RenderContext } from "../../render/core/context.ts";
import { dataToTree } from "../../render/core/data.ts";
import { sortKeysDeep } from "../../render/core/merge.ts";
import type { FileBody } from "../../render/core/module.ts";
import { nspawnValue } from "../../render/core/nspawn.ts";
import { Sections } from "../../render/core/sections.ts";
import { WEB } from "./dynamic.ts";

/**
 * `services.traefik` itself: enabled, environment files (DNS API tokens, from agenix), and
 * the static configuration (`staticConfigOptions` in both supported releases), which REPLACES the module's default (`entryPoints.http`) as soon as
 * it is defined, so every entry point is declared: `web` on :80 (redirecting to the TLS entry
 * point), the TLS entry point on :443; the ACME resolver stores its account and certificates
 * under `/var/lib/traefik` (Traefik's only writable directory). Never a `null`: the TOML
 * option type rejects it.
 */
function traefikService(traefik: Traefik, release: ReleaseFacts): NixConfig {
  return {
    services: {
      traefik: {
        enable: true,
        ...(traefik.environmentFiles.length > 0 ? { environmentFiles: [...traefik.environmentFiles] } : {}),
        [release.traefik.static]: traefikStaticConfig(traefik),
      },
    },
  };
}

/**
 * Traefik's static configuration as data, whichever way it runs (the NixOS option of the
 * service and the nspawn container, the YAML file of the Podman container).
 * @example traefikStaticConfig(traefik({})).entryPoints // { web: { address: ":80", … }, websecure: … }
 */
export function traefikStaticConfig(traefik: Traefik): Record<string, unknown> {
  const entryPoints: Record<string, unknown> = {};
  const tls = traefik.entryPoint;
  entryPoints[WEB] = {
    address: ":80",
    ...(traefik.redirectToHttps && tls !== WEB
      ? { http: { redirections: { entryPoint: { to: tls, scheme: "https" } } } }
      : {}),
  };
  if (tls !== WEB) entryPoints[tls] = { address: ":443" };
  const staticConfig: Record<string, unknown> = { entryPoints };
  if (traefik.certResolver !== undefined && traefik.acme !== undefined) {
    const acme = traefik.acme;
    staticConfig["certificatesResolvers"] = {
      [traefik.certResolver]: {
        acme: {
          email: acme.email,
          storage: "/var/lib/traefik/acme.json",
          ...(acme.dnsProvider !== undefined
            ? { dnsChallenge: { provider: acme.dnsProvider } }
            : { httpChallenge: { entryPoint: WEB } }),
        },
      },
    };
  }
  if (traefik.dashboard) staticConfig["api"] = { dashboard: true };
  return staticConfig;
}

const CONTAINER_COMMENT = [
  "Traefik, the reverse proxy, on the host network (80 and 443).",
  "Each container's file adds its routes to dynamicConfigOptions.",
];

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
}

/**
 * The file of the `traefik` container (seed 000): Traefik in an nspawn container sharing the
 * host's network, its DNS-challenge environment files decrypted inside the guest with the host key.
 */
export function traefikContainerFile(ctx: RenderContext, traefik: Traefik, file: string): FileBody {
  const value = nspawnValue(ctx, traefikAsContainer(traefik), file, traefikService(traefik, ctx.facts.release));
  const s = new Sections().add(CONTAINER_COMMENT, [n.bind(["containers", "traefik"], value.expr)]);
  return { body: s.toAttrs(), usesHostConfig: value.usesHostConfig };
}

/** `services/traefik.nix`: Traefik as a host service; its environment files are host secrets. */
export function traefikServiceFile(traefik: Traefik, release: ReleaseFacts): FileBody {
  const comment = [
    "Traefik, the reverse proxy, as a host service (80 and 443).",
    "Each container's file adds its routes to dynamicConfigOptions.",
  ];
  const tree = dataToTree(sortKeysDeep(traefikService(traefik, release)) as { readonly [key: string]: unknown }, {
    hostConfig: "config",
    path: "traefik",
  });
  return { body: new Sections().add(comment, tree.toBindings()).toAttrs() };
}
