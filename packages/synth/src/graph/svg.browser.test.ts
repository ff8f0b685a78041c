/**
 * The pictures as a person sees them: each example's and a generated 3-host, 40-container
 * fleet's SVG, loaded in Debian's chromium (headless, through playwright-core; see
 * `test/ensure-chromium.sh`). Every host and container label must be rendered text inside its
 * box, no two boxes of a level may overlap, and every box on a host must lie inside the host's.
 * Set NIXJS_GRAPH_SCREENSHOTS=<dir> to keep a PNG of each.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { topology, type Topology } from "@nixjs/homelab";
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoFleet } from "../../../homelab/test-support/graph/fleet.ts";
import { withChromium } from "../../test-support/chromium.ts";
import { REPO_ROOT } from "../../test-support/spawn.ts";
import { svgOfTopology } from "./index.ts";
import { examplePictures } from "./pictures.ts";

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface Drawn {
  readonly id: string;
  readonly host?: string;
  readonly box: Box;
  /** The texts with a rendered width, and the right edge of each. */
  readonly texts: readonly { readonly text: string; readonly right: number }[];
}

/**
 * Run in the page (a string: this package's TypeScript has no DOM types): every host's and
 * node's box and rendered texts, as chromium lays them out.
 */
const READ_PAGE = `(() => {
  const drawn = (g) => {
    const r = g.querySelector("rect").getBoundingClientRect();
    const texts = [...g.querySelectorAll("text")]
      .filter((t) => t.getComputedTextLength() > 0)
      .map((t) => ({ text: t.textContent, right: t.getBoundingClientRect().right }));
    const host = g.getAttribute("data-host");
    return { id: g.getAttribute("data-id"), ...(host === null ? {} : { host }), box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, texts };
  };
  return { hosts: [...document.querySelectorAll("g.host")].map(drawn), nodes: [...document.querySelectorAll("g.node")].map(drawn) };
})()`;

/** What the page shows, with a screenshot when asked. */
async function render(browser: BrowserContext, svg: string, screenshot?: string): Promise<{ hosts: Drawn[]; nodes: Drawn[] }> {
  const [, width = "800", height = "600"] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
  const page = await browser.newPage();
  try {
    await page.setViewportSize({ width: Number(width), height: Number(height) });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    return (await page.evaluate(READ_PAGE)) as { hosts: Drawn[]; nodes: Drawn[] };
  } finally {
    await page.close();
  }
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

/** Every pair of boxes of `list` that overlap, by id. */
function overlaps(list: readonly Drawn[]): string[] {
  const out: string[] = [];
  list.forEach((a, i) => list.slice(i + 1).forEach((b) => overlap(a.box, b.box) && out.push(`${a.id} × ${b.id}`)));
  return out;
}

async function check(browser: BrowserContext, name: string, t: Topology, svg: string): Promise<void> {
  const dir = process.env["NIXJS_GRAPH_SCREENSHOTS"];
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const { hosts, nodes } = await render(browser, svg, dir === undefined ? undefined : join(dir, `${name}.png`));
  // Every host's name, every container's name: rendered, in its own box.
  expect(hosts.map((h) => [h.id, h.texts[0]?.text])).toEqual(t.hosts.map((h) => [h.id, h.name]));
  const containers = t.nodes.filter((n) => n.kind === "container");
  expect(containers.length).toBeGreaterThan(0);
  for (const c of containers) {
    const d = nodes.find((n) => n.id === c.id);
    expect(d?.texts[0]?.text, c.id).toBe(c.label);
  }
  expect(nodes).toHaveLength(t.nodes.length);
  // The fixed metric holds in a real font: no text runs past its box.
  for (const d of [...hosts, ...nodes]) for (const x of d.texts) expect(x.right, `${d.id}: ${x.text}`).toBeLessThanOrEqual(d.box.right);
  expect(overlaps(hosts)).toEqual([]);
  expect(overlaps(nodes)).toEqual([]);
  for (const n of nodes.filter((x) => x.host !== undefined)) {
    const host = hosts.find((h) => h.id === `host/${n.host}`)!;
    expect(inside(n.box, host.box), `${n.id} inside host/${n.host}`).toBe(true);
  }
}

describe("the pictures in a browser", () => {
  it("a 3-host fleet of 40 containers", async () => {
    const t = topology(demoFleet(40));
    const svg = await svgOfTopology(t);
    await withChromium((browser) => check(browser, "fleet-40", t, svg));
  });

  it("every example of the repository", async () => {
    const pictures = await examplePictures(REPO_ROOT);
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    await withChromium(async (browser) => {
      for (const p of pictures) await check(browser, p.example, p.topology, p.svg);
    });
  });
});
