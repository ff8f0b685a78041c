/** The topology picture's model: `topology(lab)`, and its JSON and Mermaid forms. */
export type { ContainerNetworking, NodeKind, Placement, Topology, TopologyEdge, TopologyHost, TopologyNetwork, TopologyNode, TopologyPort } from "./model.ts";
export { topology, topologyJson } from "./topology.ts";
export { mermaidOf, topologyMermaid } from "./mermaid.ts";
export { hostLines, networkingText, nodeLines } from "./labels.ts";
export { portText } from "./ports.ts";
