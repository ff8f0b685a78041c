import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { container } from "../builders/container.ts";
import { homelab } from "../builders/homelab.ts";
import { onlyHost, type Container, type Host } from "../model/index.ts";
import { formatIpv4, parseCidr } from "../net/ipv4.ts";
import { arbAddressIn, arbContainerName } from "../testing/index.ts";
import { planAddresses } from "./index.ts";

const POOL = "10.10.10.0/26"; // 64 addresses: small enough for collisions and exhaustion
const RUNS = { numRuns: 300, seed: 3 };

const arbContainer: fc.Arbitrary<Container> = fc
  .record({
    name: arbContainerName(),
    enable: fc.boolean(),
    hostAddress: fc.option(arbAddressIn(POOL), { nil: undefined }),
    localAddress: fc.option(arbAddressIn(POOL), { nil: undefined }),
    host: fc.boolean(),
  })
  .map(({ name, host, ...o }) => (host ? container(name, { network: "host" }) : container(name, o)));

/** The one host of a lab of these containers. */
const lab = (containers: readonly Container[]): Host =>
  onlyHost(homelab({ hostName: "server", domain: "example.org", stateVersion: "25.05", network: { pool: POOL }, containers: [...containers] }));

const arbContainers = fc.array(arbContainer, { maxLength: 40 });

describe("the allocator", () => {
  test("never hands out an address that is taken, reserved or outside the pool", () => {
    const pool = parseCidr(POOL);
    if (!pool.ok) throw new Error(pool.reason);
    const { network, broadcast } = pool.pool;
    fc.assert(
      fc.property(arbContainers, (containers) => {
        const plan = planAddresses(lab(containers));
        const explicit = new Set(containers.flatMap((c) => (c.backend === "nspawn" ? [c.hostAddress, c.localAddress] : [])).filter((a) => a !== undefined));
        const handedOut: string[] = [];
        const firstOfName = new Map<string, Container>();
        // The plan's entry of a name belongs to its first private-network container.
        for (const c of containers) {
          if (c.backend === "nspawn" && c.network === "private" && !firstOfName.has(c.name)) firstOfName.set(c.name, c);
        }
        for (const [name, a] of plan.addresses) {
          const c = firstOfName.get(name)!;
          expect(c.backend === "nspawn" && c.network === "private").toBe(true);
          if (c.backend !== "nspawn") continue;
          for (const [field, value] of [["hostAddress", a.hostAddress], ["localAddress", a.localAddress]] as const) {
            if (c[field] !== undefined) {
              expect(value).toBe(c[field]);
              continue;
            }
            handedOut.push(value);
            expect(explicit.has(value)).toBe(false);
            expect(value.startsWith("10.10.10.")).toBe(true);
            const last = Number(value.split(".")[3]);
            expect(last).toBeLessThan(64);
            expect(value).not.toBe(formatIpv4(network));
            expect(value).not.toBe(formatIpv4(broadcast));
          }
          // Both given and equal is the user's mistake (`address-host-local`), not the allocator's.
          if (c.hostAddress === undefined || c.localAddress === undefined) expect(a.hostAddress).not.toBe(a.localAddress);
        }
        expect(new Set(handedOut).size).toBe(handedOut.length);
        // Everyone who needed an address got one, or is listed as unplaced.
        for (const [name, c] of firstOfName) {
          if (c.backend === "nspawn" && c.network === "private") expect(plan.addresses.has(name) || plan.unplaced.includes(name)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("is deterministic and independent of declaration order", () => {
    fc.assert(
      // Unique names: with duplicates, "the first one" depends on order by definition.
      fc.property(fc.uniqueArray(arbContainer, { maxLength: 40, selector: (c) => c.name }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([cs, shuffled]) => {
        const a = planAddresses(lab(cs));
        const b = planAddresses(lab(shuffled));
        expect([...a.addresses].sort()).toEqual([...b.addresses].sort());
        expect(planAddresses(lab(cs)).addresses).toEqual(a.addresses);
      }),
      RUNS,
    );
  });

  test("is stable: adding a container that lands at home on unused addresses moves nobody", () => {
    fc.assert(
      fc.property(arbContainers, arbContainerName(), (cs, name) => {
        fc.pre(!cs.some((c) => c.name === name));
        const before = planAddresses(lab(cs));
        const after = planAddresses(lab([...cs, container(name)]));
        const mine = after.addresses.get(name);
        const used = new Set([...before.addresses.values()].flatMap((a) => [a.hostAddress, a.localAddress]));
        fc.pre(mine !== undefined && after.atHome.has(name) && !used.has(mine.hostAddress) && !used.has(mine.localAddress));
        for (const [n, a] of before.addresses) expect(after.addresses.get(n)).toEqual(a);
      }),
      RUNS,
    );
  });

  test("is stable: removing a container never moves one that sits at home", () => {
    fc.assert(
      fc.property(arbContainers.filter((cs) => cs.length > 0), fc.nat(), (cs, pick) => {
        const removed = cs[pick % cs.length]!;
        const rest = cs.filter((c) => c.name !== removed.name);
        const before = planAddresses(lab(cs));
        const after = planAddresses(lab(rest));
        for (const n of before.atHome) if (n !== removed.name) expect(after.addresses.get(n)).toEqual(before.addresses.get(n));
      }),
      RUNS,
    );
  });
});
