import { describe, expect, it } from "vitest";
import { isManifestProblem, parseManifest, serializeManifest } from "./manifest.ts";

const h = (c: string) => c.repeat(64);

describe("manifest", () => {
  it("is pretty, sorted by code units, versioned, and ends in a newline", () => {
    const text = serializeManifest(new Map([["flake.nix", h("b")], ["Zeta.nix", h("c")], ["containers/a.nix", h("a")]]));
    expect(text).toBe(
      [
        "{",
        '  "format": "nixjs-manifest",',
        '  "version": 1,',
        '  "files": {',
        `    "Zeta.nix": {`,
        `      "sha256": "${h("c")}"`,
        "    },",
        `    "containers/a.nix": {`,
        `      "sha256": "${h("a")}"`,
        "    },",
        `    "flake.nix": {`,
        `      "sha256": "${h("b")}"`,
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("does not depend on insertion order", () => {
    const a = serializeManifest(new Map([["x", h("1")], ["y", h("2")]]));
    const b = serializeManifest(new Map([["y", h("2")], ["x", h("1")]]));
    expect(a).toBe(b);
  });

  it("round-trips", () => {
    const files = new Map([["containers/immich.nix", h("e")], ["flake.nix", h("f")]]);
    const parsed = parseManifest(serializeManifest(files));
    expect(isManifestProblem(parsed)).toBe(false);
    if (!isManifestProblem(parsed)) expect(parsed.files).toEqual(files);
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["another format", JSON.stringify({ format: "x", version: 1, files: {} }), "not a nixjs manifest"],
    ["a newer version", JSON.stringify({ format: "nixjs-manifest", version: 2, files: {} }), "upgrade nixjs"],
    ["no version", JSON.stringify({ format: "nixjs-manifest", files: {} }), "unknown format version"],
    ["no files", JSON.stringify({ format: "nixjs-manifest", version: 1 }), `no "files"`],
    ["an escaping path", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "../x": { sha256: h("a") } } }), "leaves the output directory"],
    ["a bad hash", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "x.nix": { sha256: "zz" } } }), `no valid "sha256" for "x.nix"`],
    ["a hash in a list", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "x.nix": { sha256: [h("a")] } } }), `no valid "sha256" for "x.nix"`],
    ["a hash with a prefix", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "x.nix": { sha256: `0${h("a")}` } } }), `no valid "sha256" for "x.nix"`],
    ["a hash with a suffix", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "x.nix": { sha256: `${h("a")}0` } } }), `no valid "sha256" for "x.nix"`],
    ["an entry that is null", JSON.stringify({ format: "nixjs-manifest", version: 1, files: { "x.nix": null } }), `no valid "sha256" for "x.nix"`],
    ["files that are null", JSON.stringify({ format: "nixjs-manifest", version: 1, files: null }), `no "files"`],
    ["files that are a list", JSON.stringify({ format: "nixjs-manifest", version: 1, files: [] }), `no "files"`],
    ["null", "null", "not a nixjs manifest"],
    ["a version that is a string", JSON.stringify({ format: "nixjs-manifest", version: "2", files: {} }), 'unknown format version "2"'],
  ])("reports %s", (_name, text, problem) => {
    const parsed = parseManifest(text);
    expect(isManifestProblem(parsed) ? parsed.problem : "").toContain(problem);
  });
});
