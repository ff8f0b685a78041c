import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { container, formatPath } from "../index.ts";
import { DEFAULT_NSPAWN_RUNTIME } from "../model/nspawn.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

describe("container(): the typed nspawn runtime options", () => {
  test("given options land in the model; absent ones keep NixOS's defaults and NAT on", () => {
    const c = container("jellyfin", {
      allowedDevices: [{ node: "/dev/dri/renderD128", modifier: "rw" }, { node: "char-drm", modifier: "rwm" }],
      enableTun: true,
      extraFlags: ["--drop-capability=CAP_SYS_CHROOT"],
      additionalCapabilities: ["CAP_NET_RAW"],
      macvlans: ["enp1s0"],
      interfaces: ["enp2s0"],
      nat: false,
    });
    expect(c.runtime).toEqual({
      allowedDevices: [{ node: "/dev/dri/renderD128", modifier: "rw" }, { node: "char-drm", modifier: "rwm" }],
      enableTun: true,
      extraFlags: ["--drop-capability=CAP_SYS_CHROOT"],
      additionalCapabilities: ["CAP_NET_RAW"],
      macvlans: ["enp1s0"],
      interfaces: ["enp2s0"],
      nat: false,
    });
    expect(Object.isFrozen(c.runtime.allowedDevices[0])).toBe(true);
    expect(container("plain").runtime).toEqual({ allowedDevices: [], enableTun: false, extraFlags: [], additionalCapabilities: [], macvlans: [], interfaces: [], nat: true });
    expect(container("plain").runtime).toBe(DEFAULT_NSPAWN_RUNTIME);
  });

  test("every rejected value is named with its field and the call site", () => {
    let error: HomelabInputError | undefined;
    try {
      container("vpn", { allowedDevices: [{ node: "dri", modifier: "rwx" }], extraFlags: ["--bind=/a /b"], additionalCapabilities: ["net_admin"], macvlans: ["an-interface-name-too-long"], enableTun: "yes" as unknown as boolean }); // line 45, column 7
    } catch (e) {
      error = e as HomelabInputError;
    }
    expect(error?.site).toBe("packages/homelab/src/builders/nspawn-runtime.test.ts:45:7");
    expect(error?.diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`)).toEqual([
      // In the order of the options' declarations.
      'allowedDevices[0].node: expected a device node like "/dev/dri/renderD128" or a class like "char-drm", got "dri"',
      'allowedDevices[0].modifier: expected a device access like "rw" (r read, w write, m mknod, each once), got "rwx"',
      'enableTun: expected true or false (enableTun), got "yes"',
      'extraFlags[0]: expected one systemd-nspawn flag without spaces or quotes, like "--drop-capability=CAP_SYS_CHROOT", got "--bind=/a /b"',
      'additionalCapabilities[0]: expected a capability like "CAP_NET_ADMIN", got "net_admin"',
      'macvlans[0]: expected an interface name like "enp1s0" (at most 15 characters), got "an-interface-name-too-long"',
    ]);
  });

  test("a modifier repeats no letter", () => {
    expect(problems(() => container("a", { allowedDevices: [{ node: "/dev/net/tun", modifier: "rr" }] }))).toEqual([
      'allowedDevices[0].modifier: expected a device access like "rw" (r read, w write, m mknod, each once), got "rr"',
    ]);
  });

  test("with the host's network: nat means nothing, and macvlans/interfaces would take the host's network away", () => {
    expect(problems(() => container("a", { network: "host", nat: false, macvlans: ["enp1s0"], interfaces: ["enp2s0"] }))).toEqual([
      "nat: nat has no effect on a container with the host's network (NixOS ignores it); drop it or use a private network",
      'macvlans: macvlans makes systemd-nspawn give the container a private network, so it would lose the host\'s network; use network: "private" with macvlans',
      'interfaces: interfaces makes systemd-nspawn give the container a private network, so it would lose the host\'s network; use network: "private" with interfaces',
    ]);
    // Empty lists change nothing.
    expect(container("a", { network: "host", macvlans: [] }).runtime.macvlans).toEqual([]);
  });

  test("extraOptions still passes them through, but not a second time beside the typed one", () => {
    expect(container("a", { extraOptions: { enableTun: true, timeoutStartSec: "5min" } }).extraOptions).toEqual({ enableTun: true, timeoutStartSec: "5min" });
    expect(problems(() => container("a", { enableTun: true, extraOptions: { enableTun: false } }))).toEqual([
      "extraOptions.enableTun: enableTun is given twice, as a typed option and in extraOptions; keep the typed enableTun",
    ]);
  });
});
