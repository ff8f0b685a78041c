/**
 * A container's state directories, generated configuration files and plain environment files:
 * what it keeps on the host and what nixjs writes for it. Shared by both container kinds
 * (`schema/common.ts`); rendered as tmpfiles rules on the host and mounts into the container.
 */

/** A directory on the host, created with its owner and mode, mounted writable into the container. */
export interface StateDirectory {
  /** Where it is on the host (anywhere but the Nix store). */
  readonly hostPath: string;
  /** Where the container sees it. */
  readonly mountPoint: string;
  /** tmpfiles' user: a name or a numeric id. */
  readonly user: string;
  readonly group: string;
  /** Octal, e.g. `"0750"`. */
  readonly mode: string;
}

/** The formats of NixOS's `pkgs.formats` nixjs writes configuration files in. */
export type ConfigFormat = "yaml" | "json" | "toml" | "ini";

/** A configuration file generated into the store from data, mounted read-only into the container. */
export interface ConfigFile {
  /** Where the container sees it. */
  readonly mountPoint: string;
  readonly format: ConfigFormat;
  /** The store file's name (`<container>-<basename>`). */
  readonly name: string;
  /** Plain data the format accepts (checked per format when the container is built). */
  readonly value: unknown;
}

/** An environment file that is not a secret: written to the store from a map, or a host file. */
export type EnvFile =
  | { readonly kind: "store"; readonly name: string; readonly values: { readonly [name: string]: string } }
  | { readonly kind: "host"; readonly path: string };

/** What a container keeps and is given as files; absent when it has none of them. */
export interface ContainerFiles {
  readonly stateDirectories: readonly StateDirectory[];
  readonly configFiles: readonly ConfigFile[];
  /** Podman only: `environmentFiles` besides the secret ones. */
  readonly envFiles: readonly EnvFile[];
}
