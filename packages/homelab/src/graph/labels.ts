/**
 * The words the pictures (SVG and Mermaid) write for hosts and nodes, one place for both: a
 * node's name first, then what it is and how it is reached (backend, network, address, ports).
 */
import type { ContainerNetworking, TopologyHost, TopologyNetwork, TopologyNode, TopologyPort } from "./model.ts";
import { portText } from "./ports.ts";

/**
 * The lines of a node's box: its name, then its details (none for a public name).
 * @example nodeLines(jellyfin) // ["jellyfin", "podman · net media", "8096"]
 */
export function nodeLines(node: TopologyNode): string[] {
  const ports = (list: readonly TopologyPort[]): string[] => (list.length === 0 ? [] : [list.map(portText).join(" ")]);
  switch (node.kind) {
    case "proxy":
      return [node.label, ["proxy", node.mode].filter((x) => x !== undefined).join(" · "), ...ports(node.ports)];
    case "container": {
      const what = [node.auth === undefined ? undefined : "auth", node.backend, networkingText(node.networking), node.enabled ? undefined : "disabled"];
      return [node.label, what.filter((x) => x !== undefined).join(" · "), ...ports(node.ports)];
    }
    case "service":
      return [node.label, [node.auth === undefined ? undefined : "auth", "service", node.enabled ? undefined : "disabled"].filter((x) => x !== undefined).join(" · "), ...ports(node.ports)];
    case "auth":
      return [node.label, `${node.provider} on the host`, ...ports(node.ports)];
    case "endpoint":
      return [node.label, node.what === "hostPort" ? "host port" : "proxy API"];
    case "name":
      return [node.label];
    case "external":
      return [node.label, node.what === "url" ? "outside the homelab" : node.what === "redirect" ? "redirect" : "not found"];
  }
}

/**
 * How a container is reached, in a few words: `10.10.10.9` (veth), `net media`, `host net`.
 * @example networkingText({ kind: "podman", networks: ["media"] }) // "net media"
 */
export function networkingText(n: ContainerNetworking): string {
  switch (n.kind) {
    case "veth":
      return n.localAddress ?? "veth";
    case "podman":
      return `net ${n.networks.join(",")}`;
    case "shared":
      return `net of ${n.container}`;
    case "host":
      return "host net";
  }
}

/**
 * A host box's title lines: its name, then address, system and release, then its networks.
 * @example hostLines(nas, networks) // ["nas", "192.168.1.10 · x86_64-linux · NixOS 26.05", "veth 10.10.10.0/24 · podman media"]
 */
export function hostLines(host: TopologyHost, networks: readonly TopologyNetwork[]): string[] {
  const facts = [host.address, host.system, `NixOS ${host.release}`].filter((x) => x !== undefined).join(" · ");
  const own = networks.filter((n) => n.host === host.name).map((n) => (n.kind === "pool" ? `veth ${n.cidr ?? ""}`.trim() : n.name === "podman" ? "podman default" : `podman ${n.name}`));
  return own.length === 0 ? [host.name, facts] : [host.name, facts, own.join(" · ")];
}
