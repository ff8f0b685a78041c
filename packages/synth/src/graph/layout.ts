/**
 * The picture's layout, by ELK (elkjs, the Eclipse Layout Kernel compiled to JavaScript): its
 * layered algorithm, left to right, with hosts as compound nodes holding their nodes and every
 * route hop laid out across the hierarchy (`INCLUDE_CHILDREN`), so a hop from the proxy host to
 * a container on the NAS is routed orthogonally between the boxes. Coordinates come back
 * absolute (`json.shapeCoords`/`json.edgeCoords` `ROOT`). ELK's layered algorithm is
 * deterministic (a fixed random seed), and the graph is given in the topology's sorted order.
 */
import type { Topology, TopologyEdge, TopologyNode } from "@nixjs/homelab";
import elk from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { HOST_PAD, hostHeader, nodeBox, type BoxContent } from "./boxes.ts";

/** A placed box. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A host's box, placed. */
export interface HostLayout extends Placed {
  readonly id: string;
  readonly name: string;
  readonly content: BoxContent;
}

/** A node's box, placed. */
export interface NodeLayout extends Placed {
  readonly node: TopologyNode;
  readonly content: BoxContent;
}

/** A hop's polyline, start to end. */
export interface EdgeLayout {
  readonly edge: TopologyEdge;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The whole picture, placed. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  readonly hosts: readonly HostLayout[];
  readonly nodes: readonly NodeLayout[];
  readonly edges: readonly EdgeLayout[];
}

const ROOT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.json.shapeCoords": "ROOT",
  "elk.json.edgeCoords": "ROOT",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.spacing.nodeNodeBetweenLayers": "48",
  "elk.spacing.nodeNode": "12",
  "elk.spacing.edgeNode": "12",
  "elk.spacing.edgeEdge": "6",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
  "elk.randomSeed": "1",
  "elk.layered.mergeEdges": "true",
};

/**
 * Lays `t` out.
 * @example const { width, hosts } = await layoutTopology(topology(lab))
 */
export async function layoutTopology(t: Topology): Promise<TopologyLayout> {
  const boxes = new Map(t.nodes.map((n) => [n.id, nodeBox(n)]));
  const headers = new Map(t.hosts.map((h) => [h.id, hostHeader(h, t)]));
  // Every box of a host is as wide as its widest, so a column of them reads as one.
  const widths = new Map<string, number>();
  for (const n of t.nodes) {
    const key = n.at.kind === "host" ? n.at.host : "";
    widths.set(key, Math.max(widths.get(key) ?? 0, boxes.get(n.id)!.width));
  }
  const width = (n: TopologyNode): number => (n.at.kind === "host" ? widths.get(n.at.host)! : boxes.get(n.id)!.width);
  const leaf = (n: TopologyNode): ElkNode => ({ id: n.id, width: width(n), height: boxes.get(n.id)!.height });
  const spacers: ElkExtendedEdge[] = [];
  const hostChildren: ElkNode[] = t.hosts.map((h) => {
    const header = headers.get(h.id)!;
    const own = t.nodes.filter((n) => n.at.kind === "host" && n.at.host === h.name);
    spacers.push(...columns(h.name, own, t.edges));
    const children = own.map(leaf);
    return {
      id: h.id,
      children,
      layoutOptions: {
        "elk.padding": `[top=${header.height},left=${HOST_PAD},bottom=${HOST_PAD},right=${HOST_PAD}]`,
        "elk.nodeSize.constraints": "[MINIMUM_SIZE]",
        "elk.nodeSize.minimum": `(${header.width}, ${header.height + HOST_PAD})`,
      },
      ...(children.length === 0 ? { width: header.width, height: header.height + HOST_PAD } : {}),
    };
  });
  const outside = t.nodes.filter((n) => n.at.kind === "outside").map(leaf);
  const edges: ElkExtendedEdge[] = [...t.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })), ...spacers];
  const graph: ElkNode = { id: "root", layoutOptions: ROOT_OPTIONS, children: [...outside, ...hostChildren], edges };
  // A CommonJS module: its `module.exports` is the constructor, also exported as `.default`.
  const laid = await new elk.default().layout(graph);
  const placed = new Map<string, Placed>();
  const walk = (n: ElkNode): void => {
    placed.set(n.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
    for (const c of n.children ?? []) walk(c);
  };
  walk(laid);
  const at = (id: string): Placed => placed.get(id) ?? { x: 0, y: 0, width: 0, height: 0 };
  const laidEdges = new Map<string, ElkExtendedEdge>();
  const collect = (n: ElkNode): void => {
    for (const e of n.edges ?? []) laidEdges.set(e.id, e);
    for (const c of n.children ?? []) collect(c);
  };
  collect(laid);
  return {
    width: laid.width ?? 0,
    height: laid.height ?? 0,
    hosts: t.hosts.map((h) => ({ id: h.id, name: h.name, content: headers.get(h.id)!, ...pick(at(h.id)) })),
    nodes: t.nodes.map((n) => ({ node: n, content: boxes.get(n.id)!, ...pick(at(n.id)) })),
    edges: t.edges.map((e) => ({ edge: e, points: points(laidEdges.get(e.id)) })), // the spacers are not drawn
  };
}

/** The fewest rows a host's columns of end nodes are cut at. */
const MIN_ROWS = 8;

/**
 * Edges that are never drawn, laying a host's end nodes out in columns instead of one tall
 * one: ELK puts the nodes no edge orders (databases, workers, the NAS's own services) into one
 * layer with the routes' targets, so a NAS of 30 containers would be 30 boxes high. The routes'
 * last targets (reached, leading nowhere) stay in the first column, the idle nodes fill further
 * columns as tall as it (at least {@link MIN_ROWS}); each gets an edge from the node beside it
 * in the column before, which puts the columns side by side.
 */
function columns(host: string, own: readonly TopologyNode[], edges: readonly TopologyEdge[]): ElkExtendedEdge[] {
  const from = new Set(edges.map((e) => e.from));
  const to = new Set(edges.map((e) => e.to));
  const idle = own.filter((n) => !from.has(n.id) && !to.has(n.id));
  if (idle.length === 0) return [];
  const sinks = own.filter((n) => to.has(n.id) && !from.has(n.id));
  const list = [...sinks, ...idle];
  const rows = Math.max(MIN_ROWS, sinks.length);
  const out: ElkExtendedEdge[] = [];
  for (let i = rows; i < list.length; i++) {
    out.push({ id: `spacer:${host}:${i}`, sources: [list[i - rows]!.id], targets: [list[i]!.id] });
  }
  return out;
}

function pick(p: Placed): Placed {
  return { x: p.x, y: p.y, width: p.width, height: p.height };
}

function points(e: ElkExtendedEdge | undefined): { x: number; y: number }[] {
  const s = e?.sections?.[0];
  if (s === undefined) return [];
  return [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y }));
}
