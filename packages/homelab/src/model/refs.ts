import type { NixSelect } from "@nixjs/expr-printer";

/**
 * A value of the host's NixOS configuration that another part of the config needs, e.g. a
 * container's address: rendered as a reference (`config.containers.authelia.localAddress`),
 * never as a copied literal. It is a Nix expression (the selection `config.<path>`), so it
 * can stand anywhere an expression can, interpolations included
 * (`` n.str`http://${ref}:9091` ``); nixjs knows it by identity (see `isHostRef`), and inside
 * a guest configuration that shadows `config` the renderer rewrites it to reach the host's.
 */
export type HostRef = NixSelect & {
  /** The option path below the host's `config`: `["containers", "authelia", "localAddress"]`. */
  readonly path: readonly [string, ...string[]];
};
