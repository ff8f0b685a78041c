/**
 * What a route reaches, as the security checks need it: the container, host service or host
 * port behind its target, and the apps running there (a NixOS configuration or an OCI image).
 * Only what nixjs can see: a URL to another machine reaches nothing it knows.
 */
import { atContainer, atService, type Listener, type Located } from "../../facts/located.ts";
import type { ResolvedTarget } from "../../facts/routes.ts";
import type { Container, HostService, PodmanContainer } from "../../model/index.ts";
import { isLoopbackRange } from "../../net/private-ranges.ts";

/** The parts of a host a route can reach (the host's facts). */
export interface Reachable {
  readonly enabled: readonly Container[];
  readonly enabledServices: readonly HostService[];
  /** Every container, enabled or not, by name. */
  readonly byName: ReadonlyMap<string, readonly Container[]>;
  /** Every socket the host's enabled parts bind (`facts/listeners.ts`). */
  readonly listeners: readonly Listener[];
}

/** A part that binds a host port: a container or a host service. */
export type HostPortOwner = Container | HostService;

const portIndexes = new WeakMap<Reachable, Map<number, HostPortOwner[]>>();

/** The enabled part a listener belongs to (none for a proxy's). */
function ownerOf(parts: Reachable, services: ReadonlyMap<string, HostService>, l: Listener): HostPortOwner | undefined {
  if (l.subject.kind === "service") return services.get(l.subject.name);
  if (l.subject.kind !== "container") return undefined;
  return parts.byName.get(l.subject.name)?.find((c) => c.enable);
}

/**
 * The enabled parts that bind TCP port `port` on the host: whoever the host's listeners name
 * (host services, host-network containers, private NixOS containers through `forwardPorts`,
 * Podman published ports), so a listener kind added there is known here too. Indexed once per
 * host, so a check over every route stays linear.
 * @example hostPortOwners(facts, 8123) // [hass]
 */
export function hostPortOwners(parts: Reachable, port: number): readonly HostPortOwner[] {
  let index = portIndexes.get(parts);
  if (index === undefined) {
    const built = new Map<number, HostPortOwner[]>();
    index = built;
    const services = new Map(parts.enabledServices.map((s) => [s.name, s]));
    for (const l of parts.listeners) {
      const owner = l.protocol === "tcp" ? ownerOf(parts, services, l) : undefined;
      if (owner === undefined) continue;
      const list = built.get(l.port);
      if (list === undefined) built.set(l.port, [owner]);
      else if (!list.includes(owner)) list.push(owner);
    }
    portIndexes.set(parts, built);
  }
  return index.get(port) ?? [];
}

/**
 * The backend of a route.
 * - `container`: a nixjs container at `port` (a service port of an nspawn container, a published
 *   host port of a Podman one: what the proxy connects to);
 * - `service`: a host service at one of its ports;
 * - `hostPort`: a port on the host that no single part is named for;
 * - `podmanNetwork`: a Podman container at its container `port`, over a Podman network;
 * - `traefikApi`: Traefik's own API and dashboard;
 * - `elsewhere`: another machine, a redirect, or a name no enabled part has.
 */
export type RouteBackend =
  | { readonly kind: "container"; readonly c: Container; readonly port: number }
  | { readonly kind: "service"; readonly s: HostService; readonly port: number }
  | { readonly kind: "hostPort"; readonly port: number }
  | { readonly kind: "podmanNetwork"; readonly c: PodmanContainer; readonly port: number; readonly network: string }
  | { readonly kind: "traefikApi" }
  | { readonly kind: "elsewhere" };

const ELSEWHERE: RouteBackend = { kind: "elsewhere" };

/**
 * The port of a URL on this host (`http://127.0.0.1:8123`, `http://localhost`), or `undefined`
 * for a URL to another machine.
 * @example loopbackUrlPort("http://localhost:8123") // 8123
 * @example loopbackUrlPort("http://192.168.1.20:8123") // undefined
 */
export function loopbackUrlPort(url: string): number | undefined {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/.exec(url);
  if (m === null || !isLoopbackRange(m[2]!.replace(/^\[|\]$/g, ""))) return undefined;
  return m[3] !== undefined ? Number(m[3]) : m[1] === "https" ? 443 : 80;
}

/**
 * The backend of a resolved route target (the facts' `target`).
 * @example routeBackend(facts, { kind: "container", container: immich, port: 2283 }) // { kind: "container", c: immich, port: 2283 }
 */
export function routeBackend(parts: Reachable, target: ResolvedTarget): RouteBackend {
  switch (target.kind) {
    case "container":
      return { kind: "container", c: target.container, port: target.port };
    case "service":
      return { kind: "service", s: target.service, port: target.port };
    case "hostPort":
      return { kind: "hostPort", port: target.port };
    case "url": {
      const port = loopbackUrlPort(target.url);
      return port === undefined ? ELSEWHERE : { kind: "hostPort", port };
    }
    case "podman": {
      const c = parts.byName.get(target.container)?.find((x): x is PodmanContainer => x.enable && x.backend === "podman");
      return c === undefined ? ELSEWHERE : { kind: "podmanNetwork", c, port: target.port, network: target.network };
    }
    case "traefikApi":
      return { kind: "traefikApi" };
    case "missing":
    case "redirect":
    // On another host: what reaches it there is that host's (the fleet checks).
    case "remote":
      return ELSEWHERE;
  }
}

/** An app's configuration as nixjs sees it: a NixOS configuration, or an OCI image. */
export type AppSurface =
  | { readonly kind: "nixos"; readonly config: unknown; readonly at: Located }
  | { readonly kind: "image"; readonly c: PodmanContainer };

/** The surface of one container or service. */
function surfaceOf(part: Container | HostService): AppSurface {
  if (part.kind === "service") return { kind: "nixos", config: part.config, at: atService(part, "config") };
  if (part.backend === "podman") return { kind: "image", c: part };
  return { kind: "nixos", config: part.config, at: atContainer(part, "config") };
}

/**
 * The apps a backend runs: the container's or service's own; for a bare host port, the parts
 * that bind it (`hostPortOwners`).
 * @example backendSurfaces(facts, { kind: "container", c: gitea, port: 3000 }) // [{ kind: "nixos", config: gitea.config, … }]
 */
export function backendSurfaces(parts: Reachable, backend: RouteBackend): AppSurface[] {
  switch (backend.kind) {
    case "container":
    case "podmanNetwork":
      return [surfaceOf(backend.c)];
    case "service":
      return [surfaceOf(backend.s)];
    case "hostPort":
      return hostPortOwners(parts, backend.port).map(surfaceOf);
    case "traefikApi":
    case "elsewhere":
      return [];
  }
}
