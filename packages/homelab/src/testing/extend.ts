import { homelab } from "../builders/homelab.ts";
import type { Container, Homelab, HostService } from "../model/index.ts";

/**
 * A copy of `lab` (rebuilt with `homelab()`) with more containers and services: add generated
 * parts to your own config and check what `validate` says about them.
 * @example extendHomelab(myLab, { containers: [container("extra", { ports: [8080] })] })
 */
export function extendHomelab(
  lab: Homelab,
  more: { readonly containers?: readonly Container[]; readonly services?: readonly HostService[] },
): Homelab {
  return homelab({
    hostName: lab.hostName,
    domain: lab.domain,
    stateVersion: lab.stateVersion,
    system: lab.system,
    nixpkgs: lab.nixpkgs,
    network: {
      pool: lab.network.pool,
      nftables: lab.network.nftables,
      ...(lab.network.externalInterface === undefined ? {} : { externalInterface: lab.network.externalInterface }),
    },
    agenix: { identityPaths: [...lab.agenix.identityPaths], recipients: { ...lab.agenix.recipients } },
    ...(lab.traefik === undefined ? {} : { traefik: lab.traefik }),
    ...(lab.caddy === undefined ? {} : { caddy: lab.caddy }),
    containers: [...lab.containers, ...(more.containers ?? [])],
    services: [...lab.services, ...(more.services ?? [])],
    modules: [...lab.modules],
    layout: lab.layout.kind === "flat" ? "flat" : { kind: "modules", namespace: lab.layout.namespace },
  });
}
