import { readFileSync } from "node:fs";
import { nixParse } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { n, node } from "../build/index.ts";
import { toNix } from "../to-nix/index.ts";
import { moduleTree } from "../../test-support/golden/module.ts";
import { print } from "./index.ts";

const moduleNix = readFileSync(new URL("../../test-support/golden/module.nix", import.meta.url), "utf8");

/** A configuration with the shapes of a homelab, built twice from scratch. */
function config(): unknown {
  return {
    networking: { hostName: "homelab", firewall: { allowedTCPPorts: [80, 443], enable: true } },
    containers: Object.fromEntries(
      ["immich", "vaultwarden", "authelia"].map((name, i) => [
        name,
        { autoStart: true, localAddress: `10.10.10.${i + 2}`, bindMounts: { [`/var/lib/${name}`]: { hostPath: `/persist/${name}` } } },
      ]),
    ),
    services: { caddy: { extraConfig: "example.org {\n  reverse_proxy 127.0.0.1:8080\n}\n" } },
  };
}

describe("printed text", () => {
  it("a module prints as reviewed (golden/module.nix) and parses", () => {
    expect(print(moduleTree)).toBe(moduleNix);
    nixParse(`with { }; (\n${moduleNix}\n)`);
  });

  it("has LF line ends, one trailing newline, no leading blank line, no trailing spaces", () => {
    for (const text of [moduleNix, print(toNix(config()))]) {
      expect(text).not.toMatch(/\r/);
      expect(text).toMatch(/[^\n]\n$/);
      expect(text).not.toMatch(/^\s/);
      expect(text).not.toMatch(/[ \t]+$/m);
    }
  });

  it("depends only on the tree: equal trees built separately print the same bytes", () => {
    expect(print(toNix(config()))).toBe(print(toNix(config())));
    expect(print(n.file("h", toNix(config())))).toBe(print(n.file("h", toNix(config()))));
  });

  it("keeps lines within the width, not counting indentation", () => {
    for (const line of moduleNix.split("\n")) expect(line.trimStart().length).toBeLessThanOrEqual(100);
    // Narrower widths break more but still parse.
    for (const width of [20, 40, 60]) nixParse(`with { }; (\n${print(moduleTree, { width })}\n)`);
  });

  it("reports a hole in the tree as a problem of the node that has it", () => {
    const holey = node({ kind: "list", items: [undefined as unknown as NixExpr] });
    const tree = node({ kind: "attrs", rec: false, bindings: [{ kind: "binding", path: ["a"], value: holey }] });
    expect(() => print(tree)).toThrow(/^bindings\[0\]\.value: malformed node/);
  });
});
