import fc from "fast-check";
import { formatIpv4, parseCidr } from "../net/ipv4.ts";

/**
 * A container name NixOS accepts everywhere: lower-case letters, digits and inner `-`, at
 * most 11 characters (nixos-options.md §1.4).
 * @example fc.sample(arbContainerName(), 3) // ["k", "a0-x", "zz9"]
 */
export function arbContainerName(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[a-z]([a-z0-9-]{0,9}[a-z0-9])?$/).filter((s) => !s.includes("--") && s !== "traefik");
}

/**
 * A TCP/UDP port in `[min, max]` (default 1–65535).
 * @example arbPort({ min: 1024 })
 */
export function arbPort(range: { min?: number; max?: number } = {}): fc.Arbitrary<number> {
  return fc.integer({ min: range.min ?? 1, max: range.max ?? 65535 });
}

/** `"tcp"` or `"udp"`. */
export function arbProtocol(): fc.Arbitrary<"tcp" | "udp"> {
  return fc.constantFrom("tcp", "udp");
}

/**
 * A usable host address of an IPv4 pool (neither its network nor its broadcast address).
 * @example arbAddressIn("10.10.10.0/24") // "10.10.10.37"
 */
export function arbAddressIn(pool: string): fc.Arbitrary<string> {
  const parsed = parseCidr(pool);
  if (!parsed.ok) throw new RangeError(`arbAddressIn: ${parsed.reason}`);
  const { base, size } = parsed.pool;
  return fc.integer({ min: base + 1, max: base + size - 2 }).map(formatIpv4);
}
