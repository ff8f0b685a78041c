import { describe, expect, it } from "vitest";
import { compareCodeUnits, parentDirs, relativePathProblem } from "./paths.ts";

describe("relativePathProblem", () => {
  it("accepts ordinary relative paths", () => {
    // A `.age` name is a path like any other: which files are the user's comes from the
    // config (plan's `userFiles`), not from an extension.
    for (const p of ["flake.nix", "containers/immich.nix", "containers/caddy/routes/n8n.nix", ".hidden/x", "secrets/jwt.age"]) {
      expect(relativePathProblem(p), p).toBeUndefined();
    }
  });
  it.each([
    ["", "is empty"],
    ["/etc/passwd", "is absolute"],
    ["a/../../x", "leaves the output directory"],
    ["a//b", "empty segment"],
    ["a/./b", "`.` segment"],
    ["a\\b", "backslash"],
    ["a\0b", "NUL"],
    ["a/", "empty segment"],
    [".nixjs-manifest.json", "synth's own"],
    [".nixjs.lock", "synth's own"],
    [".nixjs-staging/f0", "synth's own"],
  ])("rejects %j (%s)", (path, reason) => {
    expect(relativePathProblem(path)).toContain(reason);
  });
});

describe("compareCodeUnits", () => {
  it("orders by UTF-16 code units, not by locale", () => {
    expect(["b", "B", "a", "é", "Z", "_"].sort(compareCodeUnits)).toEqual(["B", "Z", "_", "a", "b", "é"]);
    expect([compareCodeUnits("a", "b"), compareCodeUnits("b", "a"), compareCodeUnits("a", "a")]).toEqual([-1, 1, 0]);
  });
});

describe("parentDirs", () => {
  it("lists the directories above a path, deepest first", () => {
    expect(parentDirs("a/b/c.nix")).toEqual(["a/b", "a"]);
    expect(parentDirs("flake.nix")).toEqual([]);
    // Never the empty path, even for a path with a leading slash.
    expect(parentDirs("/etc/x")).toEqual(["/etc"]);
  });
});
