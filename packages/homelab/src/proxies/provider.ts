/**
 * One module per reverse proxy, behind this interface (in the spirit of kysely's dialects):
 * what it listens on, which secrets it decrypts where, which files it writes, its part of each
 * routed container's file, its part of `host.nix`, its own checks, and what the core says about
 * it (its `homelab()` option, its diagnostic codes, the hints in shared messages). Adding a
 * proxy is a folder `proxies/<kind>/` (model, schema, builders, provider), a line in
 * `model/proxies.ts`'s type map, a line in `index.ts`'s registry and its public exports.
 */
import type { NixBinding, NixExpr } from "@nixjs/expr-printer";
import type { Listener, Located } from "../facts/located.ts";
import type { PlacedRoute } from "../facts/routes.ts";
import type { SecretUsage } from "../facts/systems.ts";
import type { Container, PodmanContainer } from "../model/containers.ts";
import type { Homelab, Host } from "../model/homelab.ts";
import type { CodeInfo } from "../diagnostics/codes.ts";
import type { Proxy, ProxyOwnCode } from "../model/proxies.ts";
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
  /** Its kind, which is also the name of its `homelab()` option and its builder. */
  readonly kind: P["kind"];
  /** Its short-form route builder's name (`traefikRoute`), for messages. */
  readonly shortForm: string;
  /** Its `homelab()` option: what it accepts (its builder's value), and the error otherwise. */
  readonly option: { readonly is: (value: unknown) => value is P; readonly error: string };
  /** Comment above its part of a container's file: `Traefik routing`. */
  readonly sectionTitle: string;
  /** What a route of its kind needs when the host has no such proxy (`<kind>-missing`'s message). */
  readonly missing: string;
  /** `<kind>-missing`'s line in the registry of codes: `a Caddy route without caddy()`. */
  readonly missingSummary: string;
  /** The codes its own checks report, merged into the registry of codes. */
  readonly codes: { readonly [C in ProxyOwnCode<P["kind"]>]: CodeInfo };
  /** Appended to a `port-conflict` message naming one of its listeners: how to move it. */
  readonly portConflictHint?: string;
  /** Appended to a `file-conflict` message naming one of its files: how to avoid it. */
  readonly fileConflictHint?: string;
  /** Where its options declare host secrets, for `secret-undeclared`: `traefik's environmentFiles`. */
  readonly hostSecretsOption?: string;
  /** Its short form's own authentication option, offered by `route-no-auth` beside `auth`: `basicAuth`. */
  readonly routeAuthOption?: string;
  /**
   * The Podman networks it joins, where it resolves Podman containers by name (a route's
   * `to: { podman, network }`); absent or empty: it runs on the host network and cannot.
   */
  podmanNetworks?(proxy: P, host: Host): readonly string[];
  /**
   * The host sockets it binds; `routes` are the host's placed routes it serves (a route may ask
   * for a port of its own, Caddy's `sitePort`).
   */
  listeners(proxy: P, routes: readonly PlacedRoute[]): Listener[];
  /** The secrets it decrypts, and in which system. */
  secrets(proxy: P): SecretUsage[];
  /** NixOS container names it defines itself (the `traefik` container). */
  containerNames(proxy: P): readonly string[];
  /** `duplicate-name`'s message for a container named like one of `containerNames`. */
  containerClash(containerName: string): string;
  /** Its own files, for the tree's layout. */
  files(lab: Pick<Homelab, "layout">, proxy: P): ProxyFile[];
  /** One of its files, rendered. */
  renderFile(ctx: RenderContext, proxy: P, file: ProxyFile): FileBody;
  /**
   * What routes to `c` through it (and what `c` offers it, e.g. a forward-auth middleware):
   * bindings of the container's file, or of its route file in the modules layout (`main`).
   */
  routeBindings(ctx: RenderContext, proxy: P, c: Container, main?: MainOptions): NixBinding[];
  /**
   * The labels it reads its routes to the Podman container `c` from (Traefik's Docker
   * provider), sorted by key; written into the container's `labels`. Absent: it reads none.
   */
  containerLabels?(ctx: RenderContext, proxy: P, c: PodmanContainer, main?: MainOptions): readonly (readonly [string, NixExpr])[];
  /**
   * True when it reaches `c` by name over a container network (so a route to `c` needs no
   * published port): Traefik in Podman reading labels. Absent: never.
   */
  reachesByNetwork?(proxy: P, host: Host, c: Container): boolean;
  /** Its part of `host.nix`. */
  hostSections(ctx: RenderContext, proxy: P): HostSection[];
  /** Checks of its own (entry points, …). */
  check(ctx: CheckContext, proxy: P): void;
}
