/**
 * The repository's topology pictures: `docs/topology/<example>.svg` for every
 * `examples/<example>/homelab.config.ts`, drawn as `nixjs graph` draws them, so the README can
 * show them. `scripts/topology-pictures.ts` writes them (`--check`: compares only), and
 * `test/topology-pictures.test.ts` fails when one is stale, as the committed example trees are
 * kept current.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { topology, type Topology } from "@nixjs/homelab";
import { svgOfTopology } from "./index.ts";

/** One example's picture. */
export interface ExamplePicture {
  readonly example: string;
  /** Where it is committed, relative to the repository root. */
  readonly path: string;
  readonly svg: string;
  /** What it draws. */
  readonly topology: Topology;
}

/**
 * The examples of the repository at `root` (every `examples/<name>/homelab.config.ts`), by name.
 * @example exampleNames("/repo") // ["impermanent-nas", "podman-media", …]
 */
export function exampleNames(root: string): string[] {
  const dir = join(root, "examples");
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "homelab.config.ts")))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The picture of each example, drawn from its config.
 * @example for (const p of await examplePictures(root)) writeFileSync(join(root, p.path), p.svg)
 */
export async function examplePictures(root: string): Promise<ExamplePicture[]> {
  const out: ExamplePicture[] = [];
  for (const example of exampleNames(root)) {
    const config = `examples/${example}/homelab.config.ts`;
    const loaded = await loadConfig(join(root, config), config);
    if (loaded.kind !== "loaded") throw new Error(`${config} does not load: ${loaded.kind === "failed" ? loaded.message : "builder input errors"}`);
    const t = topology(loaded.lab);
    out.push({ example, path: `docs/topology/${example}.svg`, svg: await svgOfTopology(t), topology: t });
  }
  return out;
}
