/**
 * Which addresses and networks stay inside a home network: loopback, the RFC 1918 ranges,
 * link-local, carrier-grade NAT (Tailscale's 100.64.0.0/10) and IPv6 unique-local addresses.
 * The security checks read it to tell a LAN-only route or bind from a public one.
 */
import { parseIpv4 } from "./ipv4.ts";
import { parseIpv6 } from "./ipv6.ts";

/** IPv4 networks that no public client can come from: `[base, prefix]`. */
const PRIVATE_V4: readonly (readonly [string, number])[] = [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["169.254.0.0", 16],
  ["100.64.0.0", 10],
];

const PRIVATE_V4_NETS = PRIVATE_V4.map(([base, prefix]) => ({ base: parseIpv4(base)!, prefix }));

/** The network bits of `value` under `prefix` (0 for /0). */
function network(value: number, prefix: number): number {
  return prefix === 0 ? 0 : (value >>> (32 - prefix)) >>> 0;
}

/**
 * The first 16 bits of an IPv6 address (`fd00::1` → 0xfd00, brackets allowed), `undefined`
 * when it is not one: the leading group decides unique-local and link-local.
 */
function firstGroup(address: string): number | undefined {
  const value = parseIpv6(address.replace(/^\[|\]$/g, ""));
  return value === undefined ? undefined : Number(value >> 112n);
}

/**
 * True when every address of `range` (an address or a CIDR, IPv4 or IPv6) is loopback or
 * private, so no client from the internet can be in it. `0.0.0.0/0`, `::/0` and public
 * addresses are not.
 * @example isPrivateRange("192.168.1.0/24") // true
 * @example isPrivateRange("fd00::/8") // true
 * @example isPrivateRange("0.0.0.0/0") // false
 */
export function isPrivateRange(range: string): boolean {
  const [address = "", prefixText] = range.split("/");
  const v4 = parseIpv4(address);
  if (v4 !== undefined) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
    return PRIVATE_V4_NETS.some((n) => prefix >= n.prefix && network(v4, n.prefix) === network(n.base, n.prefix));
  }
  const group = firstGroup(address);
  if (group === undefined) return false;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 128) return false;
  if (/^\[?::1\]?$/.test(address)) return prefix === 128;
  // fc00::/7 unique-local, fe80::/10 link-local.
  return (prefix >= 7 && (group & 0xfe00) === 0xfc00) || (prefix >= 10 && (group & 0xffc0) === 0xfe80);
}

/**
 * True for a bind address that takes every address of the host (`0.0.0.0`, `::`, `[::]`).
 * @example isWildcardAddress("::") // true
 */
export function isWildcardAddress(address: string): boolean {
  return address === "0.0.0.0" || address === "::" || address === "[::]" || address === "";
}

/**
 * True for a loopback address or name (`127.0.0.1`, `127.0.0.0/8`, `::1`, `localhost`): a
 * peer the host itself is.
 * @example isLoopbackRange("127.0.0.0/8") // true
 */
export function isLoopbackRange(range: string): boolean {
  const text = range.trim().toLowerCase();
  if (text === "localhost" || text === "loopback") return true;
  const [address = "", prefixText] = text.split("/");
  if (/^\[?::1\]?$/.test(address)) return prefixText === undefined || prefixText === "128";
  const v4 = parseIpv4(address);
  if (v4 === undefined) return false;
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  return Number.isInteger(prefix) && prefix >= 8 && prefix <= 32 && v4 >>> 24 === 127;
}
