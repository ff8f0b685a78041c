/**
 * Where a part of the model is, for every message about it: what it is (the subject), its
 * model path from the host's root, and the call of the builder that made it.
 */
import type { ModelPath } from "../diagnostics/path.ts";
import type { Subject } from "../diagnostics/subject.ts";
import type { Container } from "../model/containers.ts";
import type { HostService } from "../model/homelab.ts";
import type { Proxy } from "../model/proxies.ts";
import type { Protocol } from "../model/ports.ts";
import type { SourceSite } from "../model/site.ts";

/** Something a diagnostic can point at. */
export interface Located {
  readonly subject: Subject;
  readonly path: ModelPath;
  readonly site: SourceSite;
}

/**
 * A container, or a path inside it.
 * @example atContainer(immich, "ports", 0) // { subject: container immich, path: ["containers", "immich", "ports", 0], site }
 */
export function atContainer(c: Pick<Container, "name" | "site">, ...path: (string | number)[]): Located {
  return { subject: { kind: "container", name: c.name }, path: ["containers", c.name, ...path], site: c.site };
}

/** A host service, or a path inside it. @example atService(tunnel, "secrets", 0) */
export function atService(s: Pick<HostService, "name" | "site">, ...path: (string | number)[]): Located {
  return { subject: { kind: "service", name: s.name }, path: ["services", s.name, ...path], site: s.site };
}

/** A reverse proxy (`traefik`, `caddy`), or a path inside it. @example atProxy(traefik, "entryPoints", "web") */
export function atProxy(p: Proxy, ...path: (string | number)[]): Located {
  return { subject: { kind: "proxy", name: p.kind }, path: [p.kind, ...path], site: p.site };
}

/** The homelab (or its host) as a whole, at a path of its options. @example atHomelab(lab, "network", "pool") */
export function atHomelab(owner: { readonly site: SourceSite }, ...path: (string | number)[]): Located {
  return { subject: { kind: "homelab" }, path, site: owner.site };
}

/** One socket bound on the host: for the port-conflict check and for the firewall. */
export interface Listener extends Located {
  readonly protocol: Protocol;
  /** Bind address; `"0.0.0.0"` takes the port on every address. */
  readonly address: string;
  readonly port: number;
  /** Who listens, for messages and the firewall's comment: `the Podman container sonarr`. */
  readonly owner: string;
  /** The name the firewall's comment uses for it (`traefik`, `adguard`). */
  readonly name: string;
  /**
   * The host firewall must open it (unless it is bound to loopback): a socket on the host
   * itself. Forwarded and published container ports come in through NAT rules instead.
   */
  readonly opens: boolean;
  /** When it `opens`: the one interface it is opened on (`ports: [{ open: { interface } }]`); every interface when absent. */
  readonly interface?: string;
}
