/**
 * The committed topology pictures (`docs/topology/<example>.svg`, shown in the README) are what
 * `nixjs graph` draws from the examples today, as the committed example trees are what synth
 * writes; `npx tsx scripts/topology-pictures.ts` brings them up to date.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test-support/spawn.ts";
import { exampleNames, examplePictures } from "./pictures.ts";

describe("docs/topology", () => {
  it("has one picture per example, each up to date (else: npx tsx scripts/topology-pictures.ts)", async () => {
    const pictures = await examplePictures(REPO_ROOT);
    expect(pictures.map((p) => p.example)).toEqual(exampleNames(REPO_ROOT));
    expect(pictures.map((p) => p.example)).toEqual(expect.arrayContaining(["impermanent-nas", "nspawn-traefik-service", "podman-media", "proxy-zoo"]));
    for (const p of pictures) {
      const file = join(REPO_ROOT, p.path);
      expect(existsSync(file), `${p.path} is missing`).toBe(true);
      expect(readFileSync(file, "utf8") === p.svg, `${p.path} is stale`).toBe(true);
    }
  });
});
