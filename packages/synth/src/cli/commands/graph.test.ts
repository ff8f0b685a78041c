import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { topologyJson, type Homelab } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../../test-support/fixtures.ts";
import { REPO_ROOT } from "../../../test-support/spawn.ts";
import { main } from "../main.ts";

const tmp = tempDirsPerTest();

async function graph(argv: readonly string[], cwd = REPO_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["graph", ...argv], { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {} });
  return { code, stdout, stderr };
}

const CONFIG = "examples/podman-media/homelab.config.ts";

describe("nixjs graph", () => {
  it("prints the topology of the config as JSON: the same as topologyJson of the config's homelab", async () => {
    const lab = ((await import(pathToFileURL(join(REPO_ROOT, CONFIG)).href)) as { default: Homelab }).default;
    const r = await graph(["--config", CONFIG, "--format", "json"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(topologyJson(lab));
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, domain: "example.com", hosts: [{ name: "hwc-server" }] });
  });

  it("prints SVG by default", async () => {
    const r = await graph(["--config", CONFIG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(r.stdout).toContain('data-id="hwc-server/container/sonarr"');
  });

  it("writes --out, in the format its extension says", async () => {
    const dir = tmp();
    const r = await graph(["--config", join(REPO_ROOT, CONFIG), "--out", "topology.mmd"], dir);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "graph: wrote topology.mmd (mermaid)\n" });
    expect(readFileSync(join(dir, "topology.mmd"), "utf8")).toMatch(/^flowchart LR\n {2}subgraph h0\["hwc-server<br>/);
  });

  it("a config that is not there, or a file that cannot be written: exit 2 and one line", async () => {
    const dir = tmp();
    expect(await graph(["--config", "nope.ts"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: config file not found: nope.ts (pass another with --config <file>, or start a new one with `nixjs init`)\n",
    });
    const r = await graph(["--config", join(REPO_ROOT, CONFIG), "--out", "missing/dir/t.svg"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot write missing\/dir\/t\.svg: ENOENT/);
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });
});
