import { n, type NixExpr, type NixSelect, type NixStringPart } from "@nixjs/expr-printer";
import { isPrivateNspawn, type Container } from "../../model/index.ts";
import { isWildcardAddress } from "../../net/private-ranges.ts";

/**
 * Where a proxy on the host reaches a listener bound to `address`: `127.0.0.1` for a listener on
 * every address (or none given), the address itself otherwise, IPv6 in brackets.
 * @example reachableAddress("0.0.0.0") // "127.0.0.1"
 * @example reachableAddress("fd00::5") // "[fd00::5]"
 */
export function reachableAddress(address: string | undefined): string {
  if (address === undefined || isWildcardAddress(address)) return "127.0.0.1";
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

/**
 * The host part of where a proxy on the host network (Traefik, Caddy, the Traefik container)
 * reaches `port` of `container`:
 * - a private-network nspawn container: its `localAddress`, as the reference
 *   `${config.containers.<name>.localAddress}` (never a copied literal);
 * - a host-network container or a Podman published port: the listener's bind address, or
 *   `127.0.0.1` when it listens on every address.
 * @example targetHost(immich, 2283) // [config.containers.immich.localAddress]
 */
export function targetHost(container: Container, port: number): NixStringPart[] {
  if (isPrivateNspawn(container)) {
    return [n.select("config.containers", [container.name, "localAddress"])];
  }
  const address =
    container.backend === "nspawn"
      ? container.ports.find((p) => p.port === port && p.protocol === "tcp")?.address
      : container.network === "host"
        ? container.runtime.listens.find((p) => p.port === port && p.protocol === "tcp")?.address
        : container.ports.find((p) => p.hostPort === port && p.protocol === "tcp")?.hostAddress;
  return [reachableAddress(address)];
}

/**
 * `host:port` as string parts; `port` may be an expression (`cfg.port` in the modules layout,
 * written `${toString cfg.port}`).
 * @example targetParts(immich, 2283) // [config.containers.immich.localAddress, ":2283"]
 */
export function targetParts(container: Container, port: number, portExpr?: NixExpr): NixStringPart[] {
  const host = targetHost(container, port);
  return portExpr === undefined
    ? [...host, `:${port}`]
    : [...host, ":", n.call("toString", portExpr)];
}

/**
 * `host:port` of a container or service on another host of the fleet, as string parts: the
 * host's address as the reference `${fleet.hosts.<host>.address}` into the fleet's facts
 * (`fleet.nix`, the module argument `fleet`), never a copied literal.
 * @example remoteParts("nas", 8096) // [fleet.hosts.nas.address, ":8096"]
 */
export function remoteParts(host: string, port: number): NixStringPart[] {
  return [fleetAddress(host), `:${port}`];
}

/**
 * Another host's LAN address as the reference `fleet.hosts.<host>.address` into the fleet's
 * facts (`fleet.nix`, the module argument `fleet`): the one way render names a host's address.
 * @example fleetAddress("proxy") // fleet.hosts.proxy.address
 */
export function fleetAddress(host: string): NixSelect {
  return n.select(n.id("fleet"), ["hosts", host, "address"]);
}
