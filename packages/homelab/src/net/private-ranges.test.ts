import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isLoopbackRange, isPrivateRange, isWildcardAddress } from "./private-ranges.ts";

describe("isPrivateRange", () => {
  test.each([
    "192.168.0.0/16",
    "192.168.1.0/24",
    "192.168.1.20",
    "10.0.0.0/8",
    "10.10.10.1",
    "172.16.0.0/12",
    "172.31.255.255",
    "127.0.0.1",
    "169.254.0.0/16",
    "100.64.0.0/10",
    "100.100.1.2",
    "fd00::/8",
    "fc00::/7",
    "fd12:3456::1",
    "fe80::/10",
    "::1",
    "::1/128",
  ])("%s is private", (range) => expect(isPrivateRange(range)).toBe(true));

  test.each([
    "0.0.0.0/0",
    "192.0.0.0/8", // wider than 192.168.0.0/16
    "172.32.0.0/16", // just past 172.16.0.0/12
    "100.128.0.0/10", // just past CGNAT
    "203.0.113.5",
    "8.8.8.8/32",
    "::/0",
    "2001:db8::/32",
    "fc00::/6", // wider than unique-local
    "::",
    "not-an-address",
    "10.0.0.0/33",
  ])("%s is not private", (range) => expect(isPrivateRange(range)).toBe(false));
});

describe("isLoopbackRange", () => {
  test.each(["127.0.0.1", "127.0.0.0/8", "127.0.0.1/8", "::1", "::1/128", "localhost", "loopback", " 127.0.0.1 "])("%s is loopback", (r) =>
    expect(isLoopbackRange(r)).toBe(true),
  );
  test.each(["10.10.10.1", "0.0.0.0/0", "127.0.0.0/7", "::", "*", "uniquelocal", "::1/64"])("%s is not loopback only", (r) => expect(isLoopbackRange(r)).toBe(false));
});

test("isWildcardAddress", () => {
  expect(["0.0.0.0", "::", "[::]"].map(isWildcardAddress)).toEqual([true, true, true]);
  expect(["127.0.0.1", "192.168.1.10"].map(isWildcardAddress)).toEqual([false, false]);
});

describe("isPrivateRange against a brute-force oracle over IPv4 networks", () => {
  // The oracle: a network is private when its first and last addresses both lie in one of the
  // private ranges, each range written out as its own first and last address.
  const RANGES: readonly (readonly [number, number])[] = [
    [0x7f000000, 0x7fffffff],
    [0x0a000000, 0x0affffff],
    [0xac100000, 0xac1fffff],
    [0xc0a80000, 0xc0a8ffff],
    [0xa9fe0000, 0xa9feffff],
    [0x64400000, 0x647fffff],
  ];
  const dotted = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");

  test("same verdict for random networks, biased towards the ranges' edges", () => {
    const edges = RANGES.flatMap(([lo, hi]) => [lo, hi, lo - 1, hi + 1]).filter((v) => v >= 0 && v <= 0xffffffff);
    const address = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(...edges));
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 32 }), (value, prefix) => {
        const size = 2 ** (32 - prefix);
        const first = value - (value % size);
        const last = first + size - 1;
        const expected = RANGES.some(([lo, hi]) => first >= lo && last <= hi);
        expect(isPrivateRange(`${dotted(first)}/${prefix}`)).toBe(expected);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
