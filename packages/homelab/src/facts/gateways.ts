import type { Gateway, NetworkStack } from "../model/host-network.ts";
import { inSubnet } from "../net/ipv6.ts";

/**
 * The interface a default gateway is reached through: the one it names, else the one declared
 * interface whose subnet holds it (none, or several: `undefined`). The networkd renderer puts
 * the gateway on that interface's unit; the NAT check compares it with `externalInterface`.
 * @example gatewayInterface(stack, { address: "192.168.1.1" }, 4) // "enp1s0"
 */
export function gatewayInterface(stack: NetworkStack, gateway: Gateway, family: 4 | 6): string | undefined {
  if (gateway.interface !== undefined) return gateway.interface;
  const holders = stack.interfaces.filter((i) => i.addresses.some((a) => a.family === family && inSubnet(a, gateway.address)));
  return holders.length === 1 ? holders[0]!.name : undefined;
}
