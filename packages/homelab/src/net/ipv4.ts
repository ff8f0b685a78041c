/**
 * IPv4 addresses as unsigned 32-bit integers: parsing, formatting and CIDR pools. Shared by the
 * input schemas, the allocator and the checks, so all three agree on what an address is.
 */

/** Dotted quad, each part 0–255 without leading zeros (`010.0.0.1` is ambiguous: octal?). */
const QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * Parses a dotted-quad IPv4 address; `undefined` when it is not one.
 * @example parseIpv4("10.10.10.5") // 168430085
 */
export function parseIpv4(text: string): number | undefined {
  const m = QUAD.exec(text);
  if (m === null) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return undefined;
    value = value * 256 + part;
  }
  return value;
}

/** @example formatIpv4(168430085) // "10.10.10.5" */
export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** An IPv4 network: `base` is the network address, `size` the number of addresses. */
export interface Ipv4Pool {
  readonly base: number;
  readonly prefix: number;
  readonly size: number;
  /** The network address (`base`) and the broadcast address (`base + size - 1`). */
  readonly network: number;
  readonly broadcast: number;
}

/** Why a CIDR is rejected, or the pool it denotes. */
export type CidrResult = { readonly ok: true; readonly pool: Ipv4Pool } | { readonly ok: false; readonly reason: string };

/** Smallest and largest prefix a container pool may have: /29 still holds two address pairs. */
const MIN_POOL_PREFIX = 8;
const MAX_POOL_PREFIX = 29;

/**
 * Parses `a.b.c.d/len` as a container address pool.
 * @example parseCidr("10.10.10.0/24") // { ok: true, pool: { base: 168430080, prefix: 24, size: 256, … } }
 */
export function parseCidr(text: string): CidrResult {
  const slash = text.indexOf("/");
  if (slash < 0) return { ok: false, reason: "expected an IPv4 network like \"10.10.10.0/24\"" };
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^(0|[1-9]\d?)$/.test(prefixText)) {
    return { ok: false, reason: "expected an IPv4 network like \"10.10.10.0/24\"" };
  }
  const prefix = Number(prefixText);
  if (prefix > 32) return { ok: false, reason: "expected a prefix length 0–32" };
  if (prefix < MIN_POOL_PREFIX || prefix > MAX_POOL_PREFIX) {
    return {
      ok: false,
      reason: `expected a pool between /${MIN_POOL_PREFIX} and /${MAX_POOL_PREFIX} (a /${MAX_POOL_PREFIX} holds two container address pairs)`,
    };
  }
  const size = 2 ** (32 - prefix);
  const base = address - (address % size);
  if (base !== address) {
    return {
      ok: false,
      reason: `host bits are set: the network is ${formatIpv4(base)}/${prefix}`,
    };
  }
  return { ok: true, pool: { base, prefix, size, network: base, broadcast: base + size - 1 } };
}

/** True when `address` lies inside `pool` (network and broadcast addresses included). */
export function inPool(pool: Ipv4Pool, address: number): boolean {
  return address >= pool.base && address < pool.base + pool.size;
}

/** Loopback (`127.0.0.0/8`): reachable from the host only. */
export function isLoopback(text: string): boolean {
  const value = parseIpv4(text);
  return value !== undefined && value >>> 24 === 127;
}

/** The wildcard bind address: listening on it takes the port on every address of the host. */
export const ANY_ADDRESS = "0.0.0.0";
