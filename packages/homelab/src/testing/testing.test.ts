import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatPath, hasErrors, onlyHost, service, validate } from "@nixjs/homelab";
import { arbConflictFreeHomelab, arbHomelab, arbPort, extendHomelab, injections } from "@nixjs/homelab/testing";

describe("@nixjs/homelab/testing", () => {
  test("resolves through the package's exports and generates valid models", () => {
    fc.assert(fc.property(arbHomelab(), (lab) => Array.isArray(validate(lab))), { numRuns: 50, seed: 1 });
  });

  test("a user can check that every conflict injected into their config is reported", () => {
    const [lab] = fc.sample(arbConflictFreeHomelab({ maxContainers: 4 }), { numRuns: 1, seed: 7 });
    const all = injections(lab!);
    expect(all.length).toBeGreaterThan(0);
    for (const { lab: broken, code, sides } of all) {
      expect(validate(broken).some((d) => d.code === code && (formatPath(d.path) === sides[0].path || formatPath(d.path) === sides[1].path))).toBe(true);
    }
  });

  test("extendHomelab adds parts and keeps the rest", () => {
    const [lab] = fc.sample(arbConflictFreeHomelab({ maxContainers: 3 }), { numRuns: 1, seed: 11 });
    fc.assert(
      fc.property(arbPort({ min: 60_000 }), (port) => {
        const more = extendHomelab(lab!, { services: [service("probe", { ports: [{ port, address: "127.0.0.1" }] })] });
        expect(onlyHost(more).containers).toEqual(onlyHost(lab!).containers);
        return !hasErrors(validate(more));
      }),
      { numRuns: 50, seed: 2 },
    );
  });
});
