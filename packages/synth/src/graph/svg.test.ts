import { container, homelab, route, topology, traefik } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { demoFleet } from "../../../homelab/test-support/graph/fleet.ts";
import { svgOfTopology, topologySvg } from "./index.ts";

/** The group of the node with `id`, as written. */
function group(svg: string, id: string): string {
  const start = svg.indexOf(`data-id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return svg.slice(start, svg.indexOf("</g>", start));
}

describe("topologySvg", () => {
  it("is the same bytes for the same fleet, whatever the order of its hosts", async () => {
    const a = await topologySvg(demoFleet(40, ["proxy", "nas", "dns"]));
    expect(await topologySvg(demoFleet(40, ["proxy", "nas", "dns"]))).toBe(a);
    expect(await topologySvg(demoFleet(40, ["dns", "nas", "proxy"]))).toBe(a);
    expect(await svgOfTopology(topology(demoFleet(40, ["nas", "proxy", "dns"])))).toBe(a);
  });

  it("sizes boxes from the text metric and writes each node's lines", async () => {
    const lab = homelab({
      hostName: "box",
      domain: "example.org",
      stateVersion: "25.11",
      traefik: traefik({ mode: "service" }),
      containers: [container("jellyfin", { backend: "podman", image: "docker.io/jellyfin/jellyfin:10.10.3", ports: ["8096:8096"], route: route({ subdomain: "media", port: 8096, public: true }) })],
    });
    const svg = await topologySvg(lab);
    const jellyfin = group(svg, "box/container/jellyfin");
    // "podman · net podman · 8096": 26 cells of 6.6 px and 2 × 10 px padding = 191.6, rounded up;
    // the name (17 px), the detail line (14 px) and 2 × 7 px padding = 45.
    expect(jellyfin).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="192" height="45" rx="6"\/>/);
    expect(jellyfin).toContain(">jellyfin</text>");
    expect(jellyfin).toContain(">podman · net podman · 8096</text>");
    expect(jellyfin.startsWith('data-id="box/container/jellyfin" data-host="box">')).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+">\n/);
    expect(svg.endsWith("</svg>\n")).toBe(true);
  });

  it("escapes text, and shortens a long line with the whole of it in the tooltip", async () => {
    // No builder lets these characters into a name; the writer escapes whatever it is given.
    const label = "http://192.168.1.30:8123/a-rather-long-path/?tab=1&view=<all>";
    const svg = await svgOfTopology({
      version: 1,
      domain: "example.org",
      hosts: [],
      nodes: [{ kind: "external", id: `url/${label}`, label, at: { kind: "outside" }, what: "url" }],
      networks: [],
      edges: [],
    });
    const node = group(svg, "url/http://192.168.1.30:8123/a-rather-long-path/?tab=1&amp;view=&lt;all&gt;");
    expect(node).toContain("<title>http://192.168.1.30:8123/a-rather-long-path/?tab=1&amp;view=&lt;all&gt;\noutside the homelab</title>");
    // A name line keeps 35 characters and the ellipsis: 25 of "http://192.168.1.30:8123/", 10 of the path.
    expect(node).toContain(">http://192.168.1.30:8123/a-rather-l…</text>");
    expect(svg).not.toContain("&view");
    expect(svg).not.toContain("<all>");
  });

  it("draws a hop between hosts as a remote edge, and says so in the legend", async () => {
    const svg = await topologySvg(demoFleet(12));
    expect(svg).toContain('<path class="edge proxy remote" data-id="proxy:proxy/container/authelia-&gt;nas/container/jellyfin:8000"');
    expect(svg).toContain(">to another host (LAN)</text>");
  });
});
