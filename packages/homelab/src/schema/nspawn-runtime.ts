/**
 * The typed nspawn runtime options (`model/nspawn.ts`): devices, tunnels, capabilities, extra
 * interfaces and the per-container NAT switch, spread into `container()`'s nspawn options.
 * Every string ends up word-split in NixOS's start script (`EXTRA_NSPAWN_FLAGS`, `INTERFACES`,
 * `MACVLANS` are unquoted shell words), so none may hold whitespace or quotes.
 */
import { z } from "./zod.ts";
import { bool, interfaceName } from "./primitives.ts";

/** A device node or class for `DeviceAllow=`. */
const deviceNode = z
  .string({ error: 'expected a device node like "/dev/dri/renderD128" or a class like "char-drm"' })
  .regex(/^(\/dev\/[^\s"'\\]+|(char|block)-[A-Za-z0-9_.*-]+)$/, {
    error: 'expected a device node like "/dev/dri/renderD128" or a class like "char-drm"',
  });

/** `r`, `w`, `m`, each at most once. */
const deviceModifier = z
  .string({ error: 'expected a device access like "rw" (r read, w write, m mknod)' })
  .regex(/^(?!.*(.).*\1)[rwm]{1,3}$/, { error: 'expected a device access like "rw" (r read, w write, m mknod, each once)' });

/**
 * An `allowedDevices` entry.
 * @example { node: "/dev/dri/renderD128", modifier: "rw" }
 */
const allowedDevice = z.strictObject(
  {
    /** Device node or class. @example node: "/dev/net/tun" */
    node: deviceNode,
    /** Access: `r`, `w`, `m`. @example modifier: "rwm" */
    modifier: deviceModifier,
  },
  { error: "expected { node, modifier }" },
);

/** One `systemd-nspawn` flag: starts with `-`, no whitespace or quotes (the start script splits on spaces). */
const nspawnFlag = z
  .string({ error: 'expected a systemd-nspawn flag like "--drop-capability=CAP_SYS_CHROOT"' })
  .regex(/^--?[A-Za-z][^\s"'\\`$]*$/, {
    error: 'expected one systemd-nspawn flag without spaces or quotes, like "--drop-capability=CAP_SYS_CHROOT"',
  });

/** A Linux capability name as nspawn's `--capability=` takes it. */
const capability = z
  .string({ error: 'expected a capability like "CAP_NET_ADMIN"' })
  .regex(/^CAP_[A-Z_]+$/, { error: 'expected a capability like "CAP_NET_ADMIN"' });

/** The runtime options' part of the nspawn options schema. */
export const nspawnRuntimeShape = {
  /**
   * Device nodes the container may use (its unit is `DevicePolicy=closed`): a GPU for
   * transcoding, a TV tuner, a Zigbee stick. The node must also be bind-mounted in.
   * @example allowedDevices: [{ node: "/dev/dri/renderD128", modifier: "rw" }]
   */
  allowedDevices: z.array(allowedDevice).optional(),
  /**
   * Tunnel interfaces inside (a VPN client): NixOS allows `/dev/net/tun` and grants
   * `CAP_NET_ADMIN`. Default `false`.
   * @example enableTun: true
   */
  enableTun: bool("enableTun").optional(),
  /**
   * Further `systemd-nspawn` flags, one per element.
   * @example extraFlags: ["--drop-capability=CAP_SYS_CHROOT"]
   */
  extraFlags: z.array(nspawnFlag).optional(),
  /**
   * Capabilities on top of nspawn's default set.
   * @example additionalCapabilities: ["CAP_NET_RAW"]
   */
  additionalCapabilities: z.array(capability).optional(),
  /**
   * Host interfaces to make a macvlan of inside the container (`mv-<interface>`): the
   * container gets its own address on that LAN. Implies a private network in systemd-nspawn.
   * @example macvlans: ["enp1s0"]
   */
  macvlans: z.array(interfaceName).optional(),
  /**
   * Host interfaces moved into the container while it runs (a second NIC, a USB modem).
   * Implies a private network in systemd-nspawn.
   * @example interfaces: ["enp2s0"]
   */
  interfaces: z.array(interfaceName).optional(),
  /**
   * Private network only: whether the host masquerades the container's traffic to the
   * internet. Default `true`; `false` keeps it off the internet while the host, the proxy and
   * `forwardPorts` still reach it (a database, an app that must not phone home).
   * @example nat: false
   */
  nat: bool("nat").optional(),
};
