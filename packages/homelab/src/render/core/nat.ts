/**
 * Which private-network containers the host's NAT masquerades (each container's `nat`,
 * `model/nspawn.ts`). All of them (the default): the interface wildcard, as seed 000 writes it
 * (`ve-+`; `ve-*` under nftables, whose wildcard differs). Some: their addresses
 * (`internalIPs`, a `/32` each) — by address rather than by interface, because a name over 12
 * characters gives `ve-<name>` a shortened kernel name that an exact-name rule would miss.
 * None: neither, while `networking.nat.enable` stays on: it also turns on IP forwarding,
 * which `forwardPorts` from other machines needs.
 */
import { n, type NixBinding } from "@nixjs/expr-printer";
import { isPrivateNspawn } from "../../model/index.ts";
import type { RenderContext } from "./context.ts";

/**
 * The `internalInterfaces` or `internalIPs` binding of `networking.nat`, or none.
 * @example natInternal(ctx) // [internalInterfaces = [ "ve-+" ];]
 */
export function natInternal(ctx: RenderContext): NixBinding[] {
  const privates = ctx.containers.filter((c) => c.enable && isPrivateNspawn(c));
  const natted = privates.filter((c) => c.backend === "nspawn" && c.runtime.nat);
  if (natted.length === privates.length) {
    return [n.bind("internalInterfaces", n.list([n.str(ctx.host.network.nftables ? "ve-*" : "ve-+")]))];
  }
  const ips = natted.flatMap((c) => {
    const a = ctx.addresses.get(c.name);
    return a === undefined ? [] : [`${a.localAddress}/32`];
  });
  return ips.length === 0 ? [] : [n.bind("internalIPs", n.list(ips.map((ip) => n.str(ip))))];
}

/**
 * The NAT section's comment: who reaches the internet through the host, by name when some
 * private-network containers are kept off it (`nat: false`).
 * @example natComment(ctx) // "NAT: private-network containers reach the internet through the host"
 */
export function natComment(ctx: RenderContext): string {
  const privates = ctx.containers.filter((c) => c.enable && isPrivateNspawn(c));
  const natted = privates.filter((c) => c.backend === "nspawn" && c.runtime.nat).map((c) => c.name);
  if (natted.length === privates.length) return "NAT: private-network containers reach the internet through the host";
  if (natted.length === 0) return "NAT: no container reaches the internet (nat: false on each); on for IP forwarding";
  return `NAT: ${natted.join(", ")} reach${natted.length === 1 ? "es" : ""} the internet through the host; the other private-network containers do not (nat: false)`;
}
