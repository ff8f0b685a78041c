/** The topology picture as SVG: `nixjs graph`'s default format. */
import { topology, type Homelab, type Topology } from "@nixjs/homelab";
import { layoutTopology } from "./layout.ts";
import { svgOf } from "./svg.ts";

/**
 * `lab`'s topology as an SVG document, laid out by ELK.
 * @example await writeFile("topology.svg", await topologySvg(lab))
 */
export async function topologySvg(lab: Homelab): Promise<string> {
  return svgOfTopology(topology(lab));
}

/**
 * A topology as an SVG document.
 * @example await svgOfTopology(topology(lab))
 */
export async function svgOfTopology(t: Topology): Promise<string> {
  return svgOf(await layoutTopology(t));
}

export { layoutTopology, type TopologyLayout } from "./layout.ts";
