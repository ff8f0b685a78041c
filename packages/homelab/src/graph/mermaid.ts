/**
 * The topology as a Mermaid `flowchart LR`: a subgraph per host holding its nodes, the public
 * names and outside targets beside them, route hops as arrows (forward-auth hops dotted, hops
 * between hosts thick and labelled with the port). Node ids are `n0`, `n1`, … in the
 * topology's order, so the text is the same for the same homelab. GitHub renders it in Markdown.
 */
import type { Homelab } from "../model/homelab.ts";
import { hostLines, nodeLines } from "./labels.ts";
import type { Topology, TopologyEdge, TopologyNode } from "./model.ts";
import { topology } from "./topology.ts";

/**
 * `lab`'s topology as Mermaid text (ends with a newline): `nixjs graph --format mermaid`.
 * @example topologyMermaid(lab).startsWith("flowchart LR\n")
 */
export function topologyMermaid(lab: Homelab): string {
  return mermaidOf(topology(lab));
}

/**
 * A topology as Mermaid text.
 * @example mermaidOf(topology(lab))
 */
export function mermaidOf(t: Topology): string {
  const ids = new Map(t.nodes.map((n, i) => [n.id, `n${i}`]));
  const id = (node: string): string => ids.get(node) ?? "missing";
  const out = ["flowchart LR"];
  t.hosts.forEach((h, i) => {
    out.push(`  subgraph h${i}["${text(hostLines(h, t.networks).join("\n"))}"]`);
    for (const n of t.nodes) if (n.at.kind === "host" && n.at.host === h.name) out.push(`    ${node(id(n.id), n)}`);
    out.push("  end");
  });
  for (const n of t.nodes) if (n.at.kind === "outside") out.push(`  ${node(id(n.id), n)}`);
  for (const e of t.edges) out.push(`  ${edge(id(e.from), id(e.to), e)}`);
  const disabled = t.nodes.filter((n) => (n.kind === "container" || n.kind === "service") && !n.enabled).map((n) => id(n.id));
  if (disabled.length > 0) {
    out.push("  classDef disabled stroke-dasharray: 4 4,color:#777");
    out.push(`  class ${disabled.join(",")} disabled`);
  }
  return `${out.join("\n")}\n`;
}

/** A node with its shape: names as stadiums, proxies as hexagons, services as subroutines. */
function node(id: string, n: TopologyNode): string {
  const label = `"${text(nodeLines(n).join("\n"))}"`;
  switch (n.kind) {
    case "name":
      return `${id}([${label}])`;
    case "proxy":
      return `${id}{{${label}}}`;
    case "service":
    case "auth":
      return `${id}[[${label}]]`;
    case "endpoint":
    case "external":
      return `${id}[/${label}/]`;
    case "container":
      return `${id}[${label}]`;
  }
}

function edge(from: string, to: string, e: TopologyEdge): string {
  const port = e.port === undefined ? "" : `:${e.port}`;
  if (e.remote) return `${from} ==>|"LAN ${port}"| ${to}`;
  if (e.kind === "auth") return `${from} -.->|"forward auth"| ${to}`;
  return port === "" ? `${from} --> ${to}` : `${from} -->|"${port}"| ${to}`;
}

/**
 * Text inside a quoted Mermaid label: its entity codes for the characters Mermaid's parser or
 * its HTML labels would take as syntax, `<br>` for a line break.
 * @example text('a "b"\nc') // "a #quot;b#quot;<br>c"
 */
export function text(s: string): string {
  return s
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/\n/g, "<br>");
}
