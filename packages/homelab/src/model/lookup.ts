import type { Container, NspawnContainer } from "./containers.ts";
import type { Host } from "./homelab.ts";
import type { Proxy, ProxyKind } from "./proxies.ts";

/**
 * The proxy of `kind` on `host`, if it has one.
 * @example proxyOf(host, "traefik")?.entryPoint // "websecure"
 */
export function proxyOf<K extends ProxyKind>(host: Host, kind: K): Extract<Proxy, { kind: K }> | undefined {
  return host.proxies.find((p): p is Extract<Proxy, { kind: K }> => p.kind === kind);
}

/**
 * True for a NixOS container with its own network namespace (a veth pair, addresses from the
 * pool): the one definition the allocator, the checks and the renderer share.
 * @example isPrivateNspawn(container("immich", {})) // true
 */
export function isPrivateNspawn(c: Container): c is NspawnContainer & { readonly network: "private" } {
  return c.backend === "nspawn" && c.network === "private";
}

/**
 * The one host of a homelab written as one host (`homelab({ hostName, … })`); an error for a
 * fleet, whose hosts are looked up by name.
 * @example onlyHost(lab).containers
 */
export function onlyHost(lab: { readonly hosts: readonly Host[] }): Host {
  const [host, ...rest] = lab.hosts;
  if (host === undefined || rest.length > 0) throw new Error(`expected a homelab of one host, got ${lab.hosts.length}`);
  return host;
}
