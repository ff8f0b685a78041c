/**
 * One module per reverse proxy, behind this interface (in the spirit of kysely's dialects):
 * what it listens on, which secrets it decrypts where, which files it writes, its part of each
 * routed container's file, its part of `host.nix`, and its own checks. Adding a proxy is a
 * provider module, its schema, its builder and one line in `index.ts`.
 */
import type { NixBinding, NixExpr } from "@nixjs/expr-printer";
import type { Listener, Located } from "../facts/located.ts";
import type { SecretUsage } from "../facts/systems.ts";
import type { Container } from "../model/containers.ts";
import type { Homelab } from "../model/homelab.ts";
import type { Proxy } from "../model/proxies.ts";
import type { Route } from "../model/routes.ts";
import type { RenderContext } from "../render/core/context.ts";
import type { FileBody } from "../render/core/module.ts";
import type { CheckContext } from "../validate/context.ts";

/**
 * The modules layout's per-container options: the main route's port and host name are
 * `cfg.port` and `cfg.domain` instead of literals.
 */
export interface MainOptions {
  /** The port written as `portExpr`. */
  readonly port: number;
  readonly portExpr: NixExpr;
  /** The first route's host name (absent without a route). */
  readonly domainExpr?: NixExpr;
}

/** A file a proxy writes of its own (its container, its host service). */
export interface ProxyFile {
  /** Relative to the output directory. */
  readonly path: string;
  /** Who writes it, for `file-conflict`. */
  readonly owner: Located;
}

/** One commented group of bindings in `host.nix`. */
export interface HostSection {
  readonly comment: string | readonly string[];
  readonly bindings: readonly NixBinding[];
}

export interface ProxyProvider<P extends Proxy = Proxy> {
  readonly kind: P["kind"];
  /** The kind of route it serves. */
  readonly routeKind: Route["kind"];
  /** Comment above its part of a container's file: `Traefik routing`. */
  readonly sectionTitle: string;
  /** What a route of its kind needs when the host has no such proxy (a message). */
  readonly missing: string;
  /** The host sockets it binds. */
  listeners(proxy: P): Listener[];
  /** The secrets it decrypts, and in which system. */
  secrets(proxy: P): SecretUsage[];
  /** NixOS container names it defines itself (the `traefik` container). */
  containerNames(proxy: P): readonly string[];
  /** Its own files, for the tree's layout. */
  files(lab: Pick<Homelab, "layout">, proxy: P): ProxyFile[];
  /** One of its files, rendered. */
  renderFile(ctx: RenderContext, proxy: P, file: ProxyFile): FileBody;
  /**
   * What routes to `c` through it (and what `c` offers it, e.g. a forward-auth middleware):
   * bindings of the container's file, or of its route file in the modules layout (`main`).
   */
  routeBindings(ctx: RenderContext, proxy: P, c: Container, main?: MainOptions): NixBinding[];
  /** Its part of `host.nix`. */
  hostSections(ctx: RenderContext, proxy: P): HostSection[];
  /** Checks of its own (entry points, …). */
  check(ctx: CheckContext, proxy: P): void;
}
