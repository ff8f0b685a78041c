import { homelab } from "../builders/homelab.ts";
import { onlyHost, proxyOf, type Container, type Homelab, type HostService } from "../model/index.ts";

/**
 * A copy of a one-host `lab` (rebuilt with `homelab()`) with more containers and services:
 * add generated parts to your own config and check what `validate` says about them.
 * @example extendHomelab(myLab, { containers: [container("extra", { ports: [8080] })] })
 */
export function extendHomelab(
  lab: Homelab,
  more: { readonly containers?: readonly Container[]; readonly services?: readonly HostService[] },
): Homelab {
  const host = onlyHost(lab);
  const traefik = proxyOf(host, "traefik");
  const caddy = proxyOf(host, "caddy");
  return homelab({
    hostName: host.name,
    domain: lab.domain,
    stateVersion: host.stateVersion,
    nixos: host.release,
    system: host.system,
    nixpkgs: host.nixpkgs,
    network: {
      pool: host.network.pool,
      nftables: host.network.nftables,
      ...(host.network.externalInterface === undefined ? {} : { externalInterface: host.network.externalInterface }),
    },
    agenix: { identityPaths: [...host.identityPaths], recipients: { ...lab.secrets.recipients } },
    ...(traefik === undefined ? {} : { traefik }),
    ...(caddy === undefined ? {} : { caddy }),
    containers: [...host.containers, ...(more.containers ?? [])],
    services: [...host.services, ...(more.services ?? [])],
    modules: [...host.modules],
    layout: lab.layout.kind === "flat" ? "flat" : { kind: "modules", namespace: lab.layout.namespace },
  });
}
