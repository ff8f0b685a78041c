import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { HostFacts } from "../../facts/host-facts.ts";
import type { Container, Homelab, Host, HostService, NspawnContainer, RouteHost } from "../../model/index.ts";
import type { SecretBackend } from "../../secrets/index.ts";

/** The addresses of a private-network nspawn container, given or allocated. */
export interface ContainerAddresses {
  readonly hostAddress: string;
  readonly localAddress: string;
}

/** Everything a file renderer needs, computed once per host of a `render` call. */
export interface RenderContext {
  readonly lab: Homelab;
  readonly host: Host;
  /** The host's facts, shared with validate. */
  readonly facts: HostFacts;
  readonly backend: SecretBackend;
  /** The header line of every file. */
  readonly header: string;
  /** Containers sorted by name (enabled and disabled). */
  readonly containers: readonly Container[];
  /** Host services sorted by name (enabled and disabled). */
  readonly services: readonly HostService[];
  /** Addresses of every private-network nspawn container. */
  readonly addresses: ReadonlyMap<string, ContainerAddresses>;
  /**
   * Where the host's files go, relative to the output directory: `""` for a single host,
   * `"hosts/<name>/"` in a fleet. A file's real place is `dir + path`, and every path literal
   * to a file outside the host's directory (a secret's `../../secrets/x.age`) is computed from it.
   */
  readonly dir: string;
}

/**
 * A host file's place relative to the output directory (what `relativeFrom` starts from).
 * @example placed({ dir: "hosts/nas/" }, "host.nix") // "hosts/nas/host.nix"
 */
export function placed(ctx: Pick<RenderContext, "dir">, path: string): string {
  return `${ctx.dir}${path}`;
}

/** The `domain` module argument (bound once in `flake.nix`, passed as a special argument). */
export const DOMAIN: NixExpr = n.id("domain");

/**
 * The parts of a route's host name as a Nix string: `photos.${domain}` for a subdomain, and
 * for a full name under the lab's domain too; other names literally.
 * @example hostNameParts(lab, { kind: "subdomain", name: "photos" }) // ["photos.", domain]
 */
export function hostNameParts(lab: Pick<Homelab, "domain">, host: RouteHost): NixStringPart[] {
  if (host.kind === "subdomain") return [`${host.name}.`, DOMAIN];
  if (host.name === lab.domain) return [DOMAIN];
  const suffix = `.${lab.domain}`;
  if (host.name.endsWith(suffix)) return [`${host.name.slice(0, -suffix.length)}.`, DOMAIN];
  return [host.name];
}
