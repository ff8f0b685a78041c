/**
 * The SVG writer: a laid-out topology as one self-contained SVG document, drawn at its natural
 * size (1 unit = 1 CSS pixel, so it reads at 100 %). Hosts are rounded boxes with a header;
 * nodes are boxes coloured by kind; route hops are orthogonal polylines with arrows (forward
 * auth dashed red, hops between hosts thick orange). Every group carries `data-id` (and nodes
 * `data-host`), so tests and scripts can find a box; every box has its full text as a tooltip.
 * Text is escaped; numbers are rounded to a tenth; nothing depends on the machine.
 */
import type { TopologyEdge, TopologyNode } from "@nixjs/homelab";
import { PAD_X, PAD_Y, type BoxContent } from "./boxes.ts";
import type { EdgeLayout, HostLayout, NodeLayout, TopologyLayout } from "./layout.ts";
import { DETAIL, escapeXml, num } from "./text.ts";

const FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

const STYLE = `
text { font-family: ${FONT}; fill: #1f2328; }
.b { font-weight: bold; }
.host > rect { fill: #f6f8fa; stroke: #57606a; stroke-width: 1.5; }
.node > rect { fill: #ffffff; stroke: #57606a; stroke-width: 1.2; }
.proxy > rect { fill: #ddf4ff; stroke: #0969da; stroke-width: 1.6; }
.nspawn > rect { stroke: #1a7f37; }
.podman > rect { stroke: #8250df; }
.service > rect { fill: #fff8c5; stroke: #9a6700; }
.auth > rect { fill: #ffebe9; stroke: #cf222e; stroke-width: 1.6; }
.endpoint > rect, .external > rect { fill: #f6f8fa; stroke-dasharray: 4 3; }
.missing > rect { fill: #ffebe9; stroke: #cf222e; stroke-dasharray: 4 3; }
.name > rect { fill: #ffffff; stroke: #6e7781; }
.disabled { opacity: 0.5; }
.disabled > rect { stroke-dasharray: 4 3; }
.edge { fill: none; stroke-width: 1.3; }
.edge.route { stroke: #8c959f; }
.edge.proxy { stroke: #0969da; }
.edge.auth { stroke: #cf222e; stroke-dasharray: 5 3; }
.edge.remote { stroke: #bc4c00; stroke-width: 2.2; }
.legend text { font-size: 11px; fill: #57606a; }
`;

/** The colour of each kind of hop (and of its arrowhead). */
const MARKERS: { readonly [name: string]: string } = { route: "#8c959f", proxy: "#0969da", auth: "#cf222e", remote: "#bc4c00" };

/** Room below the layout for the legend. */
const LEGEND_HEIGHT = 34;

/**
 * The SVG document of a laid-out topology (ends with a newline).
 * @example svgOf(await layoutTopology(topology(lab))).startsWith("<svg")
 */
export function svgOf(layout: TopologyLayout): string {
  const width = Math.ceil(Math.max(layout.width, 620));
  const height = Math.ceil(layout.height + LEGEND_HEIGHT);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<style>${STYLE}</style>`);
  out.push("<defs>");
  for (const [name, colour] of Object.entries(MARKERS)) {
    if (arrow(name) === "") continue;
    out.push(`<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`);
  }
  out.push("</defs>");
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const h of layout.hosts) out.push(...hostSvg(h));
  for (const e of layout.edges) out.push(...edgeSvg(e));
  for (const n of layout.nodes) out.push(...nodeSvg(n));
  const drawn = new Set(layout.edges.map((e) => edgeKind(e.edge)));
  out.push(...legend(height - LEGEND_HEIGHT + 8, drawn));
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function hostSvg(h: HostLayout): string[] {
  return [
    `<g class="host" data-id="${escapeXml(h.id)}">`,
    `<title>${escapeXml(h.content.full)}</title>`,
    `<rect x="${num(h.x)}" y="${num(h.y)}" width="${num(h.width)}" height="${num(h.height)}" rx="10"/>`,
    ...lines(h.content, h.x + 16, h.y + 10),
    "</g>",
  ];
}

function nodeSvg(n: NodeLayout): string[] {
  const host = n.node.at.kind === "host" ? ` data-host="${escapeXml(n.node.at.host)}"` : "";
  const rx = n.node.kind === "name" ? n.height / 2 : 6;
  return [
    `<g class="${classes(n.node)}" data-id="${escapeXml(n.node.id)}"${host}>`,
    `<title>${escapeXml(n.content.full)}</title>`,
    `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.width)}" height="${num(n.height)}" rx="${num(rx)}"/>`,
    ...lines(n.content, n.x + PAD_X, n.y + PAD_Y),
    "</g>",
  ];
}

/** The classes of a node's group: `node`, its kind, and its backend, role or state. */
function classes(n: TopologyNode): string {
  const list = ["node", n.kind];
  if (n.kind === "container") list.push(n.backend);
  if ((n.kind === "container" || n.kind === "service") && n.auth !== undefined) list.push("auth");
  if ((n.kind === "container" || n.kind === "service") && !n.enabled) list.push("disabled");
  if (n.kind === "external" && n.what === "missing") list.push("missing");
  return list.join(" ");
}

/** A box's lines of text, from its top-left inner corner. */
function lines(content: BoxContent, x: number, top: number): string[] {
  const out: string[] = [];
  let y = top;
  for (const line of content.lines) {
    // The baseline sits where a line's glyphs are centred in its line height.
    const baseline = y + (line.style.lineHeight - line.style.size) / 2 + line.style.size * 0.8;
    const cls = line.style.bold ? ` class="b"` : "";
    out.push(`<text x="${num(x)}" y="${num(baseline)}" font-size="${line.style.size}"${cls}>${escapeXml(line.text)}</text>`);
    y += line.style.lineHeight;
  }
  return out;
}

function edgeKind(e: TopologyEdge): string {
  return e.remote ? "remote" : e.kind;
}

function edgeSvg(e: EdgeLayout): string[] {
  if (e.points.length < 2) return [];
  const d = e.points.map((p, i) => `${i === 0 ? "M" : "L"}${num(p.x)},${num(p.y)}`).join("");
  const kind = edgeKind(e.edge);
  const title = `${e.edge.names.join(", ")}${e.edge.port === undefined ? "" : ` → :${e.edge.port}`}`;
  return [`<path class="edge ${e.edge.kind}${e.edge.remote ? " remote" : ""}" data-id="${escapeXml(e.edge.id)}" d="${d}"${arrow(kind)}><title>${escapeXml(title)}</title></path>`];
}

/**
 * The arrowhead of a kind of hop. Names → proxy have none: every name's hop ends at the same
 * proxy, where a column of arrowheads would stack into one dark block, and the direction is
 * plain (names stand left of everything).
 */
function arrow(kind: string): string {
  return kind === "route" ? "" : ` marker-end="url(#arrow-${kind})"`;
}

/** What the colours of the drawn hops mean, in one line under the picture. */
function legend(y: number, drawn: ReadonlySet<string>): string[] {
  const items: [string, string, string][] = [
    ["route", "public name → proxy", ""],
    ["proxy", "proxy → target", ""],
    ["auth", "forward auth", "5 3"],
    ["remote", "to another host (LAN)", ""],
  ];
  const out = [`<g class="legend">`];
  let x = 24;
  for (const [kind, label, dash] of items) {
    if (!drawn.has(kind)) continue;
    const colour = MARKERS[kind]!;
    const wide = kind === "remote" ? 2.6 : 1.3;
    out.push(`<path d="M${x},${y + 8}L${x + 28},${y + 8}" stroke="${colour}" stroke-width="${wide}" fill="none"${dash === "" ? "" : ` stroke-dasharray="${dash}"`}${arrow(kind)}/>`);
    out.push(`<text x="${x + 36}" y="${y + 12}">${escapeXml(label)}</text>`);
    x += 36 + label.length * DETAIL.size * 0.6 + 24;
  }
  out.push("</g>");
  return out;
}
