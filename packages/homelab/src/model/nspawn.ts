/**
 * The typed nspawn runtime options of a NixOS container (`containers.<name>.*` beyond the
 * network and mounts): devices, tunnels, capabilities, extra interfaces, NAT. NixOS's names
 * and meanings, except `nat`, which is nixjs's per-container switch of the host's NAT.
 */

/** One `allowedDevices` entry: a systemd `DeviceAllow=` of the container's unit. */
export interface AllowedDevice {
  /** A device node (`/dev/dri/renderD128`) or a class (`char-drm`, `block-loop`). */
  readonly node: string;
  /** Any of `r` (read), `w` (write), `m` (mknod), e.g. `"rw"`. */
  readonly modifier: string;
}

/** The runtime options of an nspawn container, every one at its NixOS default when not given. */
export interface NspawnRuntime {
  /** `allowedDevices`: device nodes the container may open (its unit's `DevicePolicy=closed` otherwise). */
  readonly allowedDevices: readonly AllowedDevice[];
  /** `enableTun`: `/dev/net/tun` and `CAP_NET_ADMIN` (a VPN client inside). */
  readonly enableTun: boolean;
  /** `extraFlags`: further `systemd-nspawn` flags, one flag per element. */
  readonly extraFlags: readonly string[];
  /** `additionalCapabilities`: `CAP_*` names granted on top of nspawn's default set. */
  readonly additionalCapabilities: readonly string[];
  /** `macvlans`: host interfaces a macvlan of each is moved into the container from. */
  readonly macvlans: readonly string[];
  /** `interfaces`: host interfaces moved into the container (gone from the host while it runs). */
  readonly interfaces: readonly string[];
  /**
   * Private network only: the host masquerades the container's traffic to the internet
   * (`networking.nat`). `false` keeps the container off the internet (it still reaches the host
   * and is reached through the proxy and `forwardPorts`).
   */
  readonly nat: boolean;
}

/** The defaults: NixOS's, and NAT on. */
export const DEFAULT_NSPAWN_RUNTIME: NspawnRuntime = Object.freeze({
  allowedDevices: Object.freeze([]),
  enableTun: false,
  extraFlags: Object.freeze([]),
  additionalCapabilities: Object.freeze([]),
  macvlans: Object.freeze([]),
  interfaces: Object.freeze([]),
  nat: true,
});

/** `containers.<name>` options with a typed form here (a hint suggests it when one comes through `extraOptions`). */
export const NSPAWN_RUNTIME_OPTIONS = ["allowedDevices", "enableTun", "extraFlags", "additionalCapabilities", "macvlans", "interfaces"] as const;
