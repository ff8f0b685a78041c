/**
 * How a private-network NixOS container sits on the LAN itself, beside its veth pair to the
 * host: its veth joined to a host bridge (`hostBridge`, the container's `localAddress` then an
 * address of that bridge's network), a macvlan of a host interface (`macvlans`), or a host
 * interface moved into it (`interfaces`). The container's own firewall opens its `ports` on
 * every interface, so each one answers LAN clients directly, without the proxy.
 *
 * A plain veth container (no bridge) is not on the LAN: its `localAddress` is on a link
 * between it and the host only, and nothing nixjs renders routes the LAN to it.
 */
import type { NspawnContainer } from "../../model/index.ts";

/** Where a container meets the LAN, for messages and fixes. */
export interface LanAttachment {
  /** The option that puts it there: `hostBridge`, `macvlans` or `interfaces`. */
  readonly option: "hostBridge" | "macvlans" | "interfaces";
  /** The host bridge or interfaces it names. */
  readonly via: readonly string[];
}

const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * The options that put a container on the LAN, typed (`runtime`) or
 * passed through `extraOptions`, in that order; empty for a host-network container or a plain
 * veth pair.
 * @example lanAttachments(container("nas", { extraOptions: { hostBridge: "br0" } })) // [{ option: "hostBridge", via: ["br0"] }]
 */
export function lanAttachments(c: NspawnContainer): LanAttachment[] {
  if (c.network !== "private") return [];
  // `runtime` holds the typed form of macvlans and interfaces; hostBridge is passed through.
  const typed: { readonly [option: string]: unknown } = { macvlans: c.runtime.macvlans, interfaces: c.runtime.interfaces };
  const out: LanAttachment[] = [];
  for (const option of ["hostBridge", "macvlans", "interfaces"] as const) {
    const via = [...new Set([...strings(typed[option]), ...strings(c.extraOptions[option])])];
    if (via.length > 0) out.push({ option, via });
  }
  return out;
}
