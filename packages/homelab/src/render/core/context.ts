import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type {
  Container,
  Homelab,
  HostService,
  NspawnContainer,
  RouteHost,
} from "../../model/index.ts";

/** The addresses of a private-network nspawn container, given or allocated. */
export interface ContainerAddresses {
  readonly hostAddress: string;
  readonly localAddress: string;
}

/** Everything a file renderer needs, computed once per `render` call. */
export interface RenderContext {
  readonly lab: Homelab;
  /** The header line of every file. */
  readonly header: string;
  /** Containers sorted by name (enabled and disabled). */
  readonly containers: readonly Container[];
  /** Host services sorted by name (enabled and disabled). */
  readonly services: readonly HostService[];
  /** Addresses of every private-network nspawn container. */
  readonly addresses: ReadonlyMap<string, ContainerAddresses>;
}

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by `name` with code-unit comparison (never locale-dependent). */
export function sortByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => byCodeUnit(a.name, b.name));
}

/** The `domain` module argument (bound once in `flake.nix`, passed as a special argument). */
export const DOMAIN: NixExpr = n.id("domain");

/**
 * The parts of a route's host name as a Nix string: `photos.${domain}` for a subdomain, and
 * for a full name under the lab's domain too; other names literally.
 * @example hostNameParts(ctx, { kind: "subdomain", name: "photos" }) // ["photos.", domain]
 */
export function hostNameParts(lab: Homelab, host: RouteHost): NixStringPart[] {
  if (host.kind === "subdomain") return [`${host.name}.`, DOMAIN];
  if (host.name === lab.domain) return [DOMAIN];
  const suffix = `.${lab.domain}`;
  if (host.name.endsWith(suffix)) return [`${host.name.slice(0, -suffix.length)}.`, DOMAIN];
  return [host.name];
}

/** The full host name as text, e.g. for a comment or a `.local` default. */
export function hostNameText(lab: Homelab, host: RouteHost): string {
  return host.kind === "subdomain" ? `${host.name}.${lab.domain}` : host.name;
}

/** The nspawn container named `name`, or the Podman one, or undefined. */
export function findContainer(ctx: RenderContext, name: string): Container | undefined {
  return ctx.containers.find((c) => c.name === name);
}

/** True when `c` is a private-network nspawn container. */
export function isPrivateNspawn(c: Container): c is NspawnContainer {
  return c.backend === "nspawn" && c.network === "private";
}

/** The container offering forward auth (Authelia) that a route's `auth` names. */
export function authProvider(ctx: RenderContext, name: string): NspawnContainer {
  const provider = findContainer(ctx, name);
  if (provider === undefined || provider.backend !== "nspawn" || provider.forwardAuth === undefined) {
    throw new Error(`render: no container named ${name} offers forwardAuth`);
  }
  return provider;
}
