/**
 * The boxes of the picture before layout: each node's and host's lines of text and the size
 * they need (from the fixed text metric), so the layout engine gets sizes and the SVG writer
 * gets exactly the lines that were measured.
 */
import { hostLines, nodeLines, type Topology, type TopologyHost, type TopologyNode } from "@nixjs/homelab";
import { DETAIL, HOST_TITLE, NAME, shorten, textWidth, type TextStyle } from "./text.ts";

/** A line of a box, in its style. */
export interface BoxLine {
  readonly text: string;
  readonly style: TextStyle;
}

/** What a box holds and how big it must be. */
export interface BoxContent {
  readonly lines: readonly BoxLine[];
  /** The unshortened text, for the box's tooltip (`<title>`). */
  readonly full: string;
  readonly width: number;
  readonly height: number;
}

/** Padding inside a node's box. */
export const PAD_X = 10;
export const PAD_Y = 7;
/** Longest name and detail line, in characters (longer ones end in `…`; the tooltip has all). */
const MAX_NAME = 36;
const MAX_DETAIL = 46;
/** No box narrower than this: short names still get a box one can read at a glance. */
const MIN_WIDTH = 110;

function measured(lines: readonly BoxLine[], full: string, padX: number, padY: number, minWidth: number): BoxContent {
  const width = Math.max(minWidth, ...lines.map((l) => textWidth(l.text, l.style) + 2 * padX));
  const height = lines.reduce((sum, l) => sum + l.style.lineHeight, 0) + 2 * padY;
  return { lines, full, width: Math.ceil(width), height: Math.ceil(height) };
}

/**
 * A node's box: its name, then what it is and its ports on one line when they fit, else two.
 * @example nodeBox(jellyfin).lines.map((l) => l.text) // ["jellyfin", "podman · net media · 8096"]
 */
export function nodeBox(node: TopologyNode): BoxContent {
  const [name = node.label, ...details] = nodeLines(node);
  const joined = details.join(" · ");
  const detailLines = joined.length <= MAX_DETAIL ? (joined === "" ? [] : [joined]) : details;
  const lines: BoxLine[] = [{ text: shorten(name, MAX_NAME), style: NAME }, ...detailLines.map((d) => ({ text: shorten(d, MAX_DETAIL), style: DETAIL }))];
  return measured(lines, [name, ...details].join("\n"), PAD_X, PAD_Y, node.kind === "name" ? 0 : MIN_WIDTH);
}

/** Padding of a host's box around its nodes (the header comes on top of it). */
export const HOST_PAD = 16;

/**
 * A host's header: its name, then its address, system and release, then its networks.
 * @example hostHeader(nas, topology).lines[0].text // "nas"
 */
export function hostHeader(host: TopologyHost, t: Topology): BoxContent {
  const [name = host.name, ...details] = hostLines(host, t.networks);
  const lines: BoxLine[] = [{ text: name, style: HOST_TITLE }, ...details.map((d) => ({ text: shorten(d, 2 * MAX_DETAIL), style: DETAIL }))];
  return measured(lines, [name, ...details].join("\n"), HOST_PAD, 10, 0);
}
