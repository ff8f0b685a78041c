import type { OidcClient } from "./auth.ts";
import type { ForwardPort, PublishedPort, ServicePort } from "./ports.ts";
import type { PodmanRuntime } from "./podman.ts";
import type { Route } from "./routes.ts";
import type { Secret } from "./secret.ts";
import type { NspawnRuntime } from "./nspawn.ts";
import type { SourceSite } from "./site.ts";
import type { ContainerFiles } from "./files.ts";

/**
 * NixOS configuration as the user wrote it: plain JS data with AST nodes, secrets (rendered
 * as their `path`) and {@link import("./refs.ts").HostRef}s nested anywhere. Converted to Nix
 * by the renderer, never inspected by validation beyond what it needs.
 */
export type NixConfig = { readonly [key: string]: unknown };

interface ContainerBase {
  readonly kind: "container";
  /** `containers.<name>` / `virtualisation.oci-containers.containers.<name>`. */
  readonly name: string;
  /** `false` keeps the container in the config but out of the deployed system. */
  readonly enable: boolean;
  /** Free text, written as a comment above the container. */
  readonly description?: string;
  /** Routes from the reverse proxy to this container (usually zero or one). */
  readonly routes: readonly Route[];
  /** OIDC clients this container's app uses (absent: none); `homelab()` gathers them. */
  readonly oidc?: readonly OidcClient[];
  /** State directories, generated config files and plain env files (absent: none). */
  readonly files?: ContainerFiles;
  readonly site: SourceSite;
}

/** A bind mount into an nspawn container; the key of NixOS's `bindMounts` is `mountPoint`. */
export interface BindMount {
  readonly mountPoint: string;
  /** Host path; the same as `mountPoint` when absent. */
  readonly hostPath?: string;
  readonly isReadOnly: boolean;
}

/** `forwardAuth`: this container offers a Traefik/Caddy forward-auth middleware (Authelia). */
export interface ForwardAuth {
  readonly port: number;
  /** Authelia ≥ 4.38: `/api/authz/forward-auth`. */
  readonly path: string;
  readonly authResponseHeaders: readonly string[];
}

/** A NixOS declarative container (systemd-nspawn), `containers.<name>`. */
export interface NspawnContainer extends ContainerBase {
  readonly backend: "nspawn";
  /** `"private"`: own network namespace with a veth pair; `"host"`: shares the host stack. */
  readonly network: "private" | "host";
  readonly autoStart: boolean;
  /** Explicit address; allocated from the pool when absent (private network only). */
  readonly hostAddress?: string;
  readonly localAddress?: string;
  readonly privateUsers?: "no" | "identity" | "pick" | number;
  readonly ephemeral: boolean;
  readonly bindMounts: readonly BindMount[];
  readonly forwardPorts: readonly ForwardPort[];
  /** Ports the service inside listens on; opened in the container's own firewall. */
  readonly ports: readonly ServicePort[];
  /** Secrets decrypted inside the container (agenix imported in the guest). */
  readonly secrets: readonly Secret[];
  readonly forwardAuth?: ForwardAuth;
  /** The guest's NixOS configuration. */
  readonly config: NixConfig;
  /** Further `containers.<name>` options passed through as written (e.g. `enableTun`). */
  readonly extraOptions: NixConfig;
  /** Devices, tunnels, capabilities, extra interfaces, NAT (`model/nspawn.ts`). */
  readonly runtime: NspawnRuntime;
}

/** Where a Podman container keeps its state: `/opt/<category>/<name>`. */
export type StorageCategory = "media" | "services" | "databases" | "monitoring" | "business";

/** A Podman OCI container, `virtualisation.oci-containers.containers.<name>`. */
export interface PodmanContainer extends ContainerBase {
  readonly backend: "podman";
  /** Image with an explicit tag, e.g. `lscr.io/linuxserver/sonarr:4.0.9`. */
  readonly image: string;
  readonly ports: readonly PublishedPort[];
  /** `"src:dst[:opts]"` as Podman takes them. */
  readonly volumes: readonly string[];
  readonly environment: { readonly [name: string]: string };
  /** Secrets passed as `--env-file` (declared as host-level `age.secrets`). */
  readonly environmentFiles: readonly Secret[];
  /** One shell argument per element (`"--memory=256m"`). */
  readonly extraOptions: readonly string[];
  /** Custom Podman networks; a oneshot unit creates each one. */
  readonly networks: readonly string[];
  /** `"host"`: `--network=host` (no published ports needed). */
  readonly network?: "host";
  /** Names of other Podman containers this one needs. */
  readonly dependsOn: readonly string[];
  /** `uid[:gid]` inside the image. */
  readonly user?: string;
  readonly category?: StorageCategory;
  readonly cmd: readonly string[];
  readonly entrypoint?: string;
  readonly labels: { readonly [name: string]: string };
  /** Privileges, devices, limits, health, shared namespaces, restart, logging, listeners. */
  readonly runtime: PodmanRuntime;
  /**
   * Options holding a literal the user declared public (`publicValue`), relative to the
   * container (`["environment", "DEMO_KEY"]`, `["cmd", 2]`): the literal-secret check skips them.
   */
  readonly publicPaths: readonly (readonly (string | number)[])[];
}

export type Container = NspawnContainer | PodmanContainer;
