/**
 * IPv6 addresses as 128-bit integers, and interface addresses of either family
 * (`"192.168.1.10/24"`, `"2001:db8::10/64"`): what the host network's schema accepts and what
 * its checks compare subnets with.
 */
import { parseIpv4 } from "./ipv4.ts";

const GROUP = /^[0-9a-fA-F]{1,4}$/;

/** The groups of one side of `::` (an embedded IPv4 tail counts as two), or `undefined`. */
function groups(side: string): number[] | undefined {
  if (side === "") return [];
  const out: number[] = [];
  const parts = side.split(":");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes(".")) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      out.push(v4 >>> 16, v4 & 0xffff);
    } else if (GROUP.test(part)) out.push(parseInt(part, 16));
    else return undefined;
  }
  return out;
}

/**
 * Parses an IPv6 address (with `::` and an IPv4 tail; no zone index); `undefined` when it is not one.
 * @example parseIpv6("2001:db8::1") // 42540766411282592856903984951653826561n
 */
export function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const g of [...head, ...Array<number>(missing).fill(0), ...tail]) value = (value << 16n) | BigInt(g);
  return value;
}

/** An address with its prefix length, as an interface carries it. */
export interface PrefixedAddress {
  readonly family: 4 | 6;
  readonly address: string;
  readonly prefixLength: number;
}

/**
 * Parses `"address/prefixLength"` of either family (host bits allowed: it is an interface's
 * address, not a network); a reason when it is not one.
 * @example parsePrefixed("192.168.1.10/24") // { family: 4, address: "192.168.1.10", prefixLength: 24 }
 * @example parsePrefixed("2001:db8::10/64") // { family: 6, address: "2001:db8::10", prefixLength: 64 }
 */
export function parsePrefixed(text: string): PrefixedAddress | string {
  const slash = text.indexOf("/");
  const expected = 'expected an address with its prefix length like "192.168.1.10/24" or "2001:db8::10/64"';
  if (slash < 0) return expected;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return expected;
  const prefixLength = Number(prefixText);
  if (parseIpv4(address) !== undefined) return prefixLength <= 32 ? { family: 4, address, prefixLength } : "expected an IPv4 prefix length 0–32";
  if (parseIpv6(address) !== undefined) return prefixLength <= 128 ? { family: 6, address, prefixLength } : "expected an IPv6 prefix length 0–128";
  return expected;
}

/**
 * True when `address` (same family) lies in the subnet of `iface` (its address and prefix length).
 * @example inSubnet({ family: 4, address: "192.168.1.10", prefixLength: 24 }, "192.168.1.1") // true
 */
export function inSubnet(iface: PrefixedAddress, address: string): boolean {
  if (iface.family === 4) {
    const a = parseIpv4(iface.address);
    const b = parseIpv4(address);
    if (a === undefined || b === undefined) return false;
    if (iface.prefixLength === 0) return true;
    const shift = 32 - iface.prefixLength;
    return Math.floor(a / 2 ** shift) === Math.floor(b / 2 ** shift);
  }
  const a = parseIpv6(iface.address);
  const b = parseIpv6(address);
  if (a === undefined || b === undefined) return false;
  const shift = BigInt(128 - iface.prefixLength);
  return a >> shift === b >> shift;
}

/**
 * True for an IPv6 link-local address (`fe80::/10`): a gateway there is reached on whichever
 * interface names it, never through a subnet of the host's.
 * @example isLinkLocal6("fe80::1") // true
 */
export function isLinkLocal6(address: string): boolean {
  const v = parseIpv6(address);
  return v !== undefined && v >> 118n === 0x3fan;
}
