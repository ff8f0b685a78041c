import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeFrom } from "./paths.ts";

describe("relativeFrom", () => {
  it.each([
    ["containers/immich.nix", "secrets/x.age", "../secrets/x.age"],
    ["host.nix", "secrets/x.age", "./secrets/x.age"],
    ["flake.nix", "hardware-configuration.nix", "./hardware-configuration.nix"],
    ["containers/caddy/routes/n8n.nix", "secrets/a/b.age", "../../../secrets/a/b.age"],
    // A target above the output directory keeps every climb (was `../keys/x.age`, which
    // names server/keys/x.age from server/containers/).
    ["containers/immich.nix", "../keys/x.age", "../../keys/x.age"],
    ["host.nix", "../keys/x.age", "../keys/x.age"],
    ["host.nix", "../../keys/x.age", "../../keys/x.age"],
    ["secrets/secrets.nix", "./../keys/x.age", "../../keys/x.age"],
    // Directories: the file's own, and the one above it.
    ["secrets/secrets.nix", "secrets", "./."],
    ["secrets/secrets.nix", ".", "../."],
  ])("from %s to %s is %s", (from, target, expected) => {
    expect(relativeFrom(from, target)).toBe(expected);
  });

  it("names the target: joined to the file's directory it is the target, from any working directory", () => {
    const segment = fc.constantFrom("a", "b", "secrets", "containers");
    const rel = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(segment, { minLength: 1, maxLength: 4 })).map(([up, names]) => [...Array<string>(up).fill(".."), ...names].join("/"));
    const file = fc.array(segment, { minLength: 0, maxLength: 3 }).map((dirs) => [...dirs, "f.nix"].join("/"));
    fc.assert(
      fc.property(file, rel, (from, target) => {
        const out = "/o1/o2/o3/o4/out";
        const got = relativeFrom(from, target);
        expect(posix.join(posix.dirname(posix.join(out, from)), got)).toBe(posix.join(out, target));
      }),
    );
  });
});
