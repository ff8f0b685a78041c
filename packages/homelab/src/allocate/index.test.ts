import { describe, expect, test } from "vitest";
import { container } from "../builders/container.ts";
import { homelab } from "../builders/homelab.ts";
import { onlyHost, type Container } from "../model/index.ts";
import { parseCidr } from "../net/ipv4.ts";
import { allocateAddresses, fnv1a, homePair, planAddresses } from "./index.ts";
import { NextFree } from "./next-free.ts";

/** The one host of a lab of these containers. */
const lab = (containers: Container[], pool = "10.10.10.0/24") =>
  onlyHost(homelab({ hostName: "server", domain: "example.org", stateVersion: "25.05", network: { pool }, containers }));
const pool24 = () => {
  const p = parseCidr("10.10.10.0/24");
  if (!p.ok) throw new Error(p.reason);
  return p.pool;
};

describe("fnv1a", () => {
  test("matches the published FNV-1a 32-bit test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

describe("allocateAddresses", () => {
  test("a container with neither address gets its home pair: .2k host side, .2k+1 guest side", () => {
    const home = homePair(pool24(), "vaultwarden");
    const got = allocateAddresses(lab([container("vaultwarden")])).get("vaultwarden");
    expect(home.hostAddress % 2).toBe(0);
    expect(got).toEqual({
      hostAddress: `10.10.10.${home.hostAddress & 255}`,
      localAddress: `10.10.10.${home.localAddress & 255}`,
    });
  });

  test("a container with one address gets the other half of its pair (seed 000's immich)", () => {
    const got = allocateAddresses(lab([container("immich", { localAddress: "10.10.10.5" }), container("x", { hostAddress: "10.10.10.8" })]));
    expect(got.get("immich")).toEqual({ hostAddress: "10.10.10.4", localAddress: "10.10.10.5" });
    expect(got.get("x")).toEqual({ hostAddress: "10.10.10.8", localAddress: "10.10.10.9" });
  });

  test("given addresses are passed through; host-network and Podman containers have none", () => {
    const got = allocateAddresses(
      lab([
        container("authelia", { hostAddress: "10.10.10.8", localAddress: "10.10.10.9" }),
        container("adguard", { network: "host" }),
        container("pg", { backend: "podman", image: "docker.io/library/postgres:16" }),
      ]),
    );
    expect([...got.keys()]).toEqual(["authelia"]);
  });

  test("a home pair that is taken (by a given address, even of a disabled container) is skipped", () => {
    const home = homePair(pool24(), "wiki");
    const taken = `10.10.10.${home.localAddress & 255}`;
    const got = allocateAddresses(lab([container("old", { enable: false, localAddress: taken, hostAddress: "10.10.10.250" }), container("wiki")])).get("wiki")!;
    expect(got.localAddress).not.toBe(taken);
    expect(got.hostAddress).not.toBe(taken);
    expect(planAddresses(lab([container("wiki")])).atHome.has("wiki")).toBe(true);
  });

  test("the network and broadcast addresses are never handed out, even in a full pool", () => {
    const names = Array.from({ length: 6 }, (_, i) => `c${i}`);
    const plan = planAddresses(lab(names.map((n) => container(n)), "10.10.10.0/29"));
    const handed = [...plan.addresses.values()].flatMap((a) => [a.hostAddress, a.localAddress]);
    expect(new Set(handed).size).toBe(handed.length);
    expect(handed.sort()).toEqual(["10.10.10.1", "10.10.10.2", "10.10.10.3", "10.10.10.4", "10.10.10.5", "10.10.10.6"]);
    expect(plan.unplaced).toHaveLength(3);
  });

  test("pools in the upper half of the address space (unsigned arithmetic)", () => {
    const got = allocateAddresses(lab([container("a", { localAddress: "192.168.100.11" })], "192.168.100.0/24")).get("a");
    expect(got).toEqual({ hostAddress: "192.168.100.10", localAddress: "192.168.100.11" });
  });
});

describe("NextFree", () => {
  test("finds the next free index, wrapping around, and reports a full range", () => {
    const f = new NextFree(4);
    f.take(1);
    f.take(2);
    expect(f.next(1)).toBe(3);
    f.take(3);
    expect(f.next(1)).toBe(0);
    f.take(0);
    expect(f.next(0)).toBeUndefined();
  });
});
