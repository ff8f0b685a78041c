import { describe, expect, test } from "vitest";
import { reachableAddress } from "./targets.ts";

describe("reachableAddress: where a proxy on the host reaches a listener", () => {
  test.each([
    [undefined, "127.0.0.1"],
    ["", "127.0.0.1"],
    ["0.0.0.0", "127.0.0.1"],
    ["::", "127.0.0.1"],
    ["[::]", "127.0.0.1"],
    ["127.0.0.1", "127.0.0.1"],
    ["192.168.1.10", "192.168.1.10"],
    ["fd00::5", "[fd00::5]"],
    ["[fd00::5]", "[fd00::5]"],
  ])("%s → %s", (address, expected) => {
    expect(reachableAddress(address)).toBe(expected);
  });
});
