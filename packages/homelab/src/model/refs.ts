/**
 * A value of the host's NixOS configuration that another part of the config needs, e.g. a
 * container's address: rendered as a reference (`config.containers.authelia.localAddress`),
 * never as a copied literal. Inside a guest configuration that shadows `config`, the
 * renderer rewrites it to reach the host's configuration.
 */
export interface HostRef {
  readonly kind: "hostRef";
  /** The option path below the host's `config`: `["containers", "authelia", "localAddress"]`. */
  readonly path: readonly [string, ...string[]];
}
