/**
 * A small fleet's whole tree against committed goldens (`golden/flat/`, `golden/modules/`),
 * reviewed by eye when written: every file as nixfmt 1.4.0 (`-w 100`) leaves it and as the real
 * nix-instantiate parses it, the same bytes whatever order the hosts are declared in.
 * Regenerate after a reviewed change: `UPDATE_FLEET_GOLDEN=1 npx vitest run … golden.test.ts`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { render } from "../index.ts";
import { renderTextFiles } from "../text-files.ts";
import { printAll } from "../../../test-support/render/files.ts";
import { smallFleet } from "../../../test-support/render/fleet-lab.ts";

const NIXFMT = process.env["NIXFMT"] ?? "/work/shared/tools/nixfmt/nixfmt";
const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const ORDERS = [
  ["proxy", "nas", "dns"],
  ["dns", "nas", "proxy"],
  ["nas", "proxy", "dns"],
] as const;

for (const layout of ["flat", "modules"] as const) {
  describe(`fleet golden, ${layout} layout`, () => {
    const texts = printAll(render(smallFleet(layout)));
    const dir = join(GOLDEN, layout);
    if (process.env["UPDATE_FLEET_GOLDEN"] === "1") {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, text] of texts) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }

    it("is the committed tree, file for file", () => {
      expect([...texts.keys()].sort()).toEqual(filesUnder(dir));
      for (const [path, text] of texts) expect(text, path).toBe(readFileSync(join(dir, path), "utf8"));
    });

    it("is laid out per host: hosts/<host>/…, one flake, fleet.nix, common.nix and one rules file at the root", () => {
      const root = [...texts.keys()].filter((p) => !p.startsWith("hosts/"));
      expect(root).toEqual(["common.nix", "flake.nix", "fleet.nix", "secrets/secrets.nix"]);
      for (const h of ["dns", "nas", "proxy"]) {
        expect(texts.has(`hosts/${h}/default.nix`), h).toBe(true);
        expect(texts.has(`hosts/${h}/host.nix`), h).toBe(true);
      }
      expect(renderTextFiles(smallFleet(layout)).size).toBe(0);
    });

    it("every file is as nixfmt writes it and parses with the real nix-instantiate", () => {
      for (const [path, text] of texts) {
        expect(execFileSync(NIXFMT, ["-w", "100", "-"], { input: text, encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } }), path).toBe(text);
      }
      parseAll([...texts.values()]);
    });

    it("the same bytes for any declaration order of the hosts", () => {
      for (const order of ORDERS) expect(printAll(render(smallFleet(layout, order))), order.join(",")).toEqual(texts);
    });
  });
}
