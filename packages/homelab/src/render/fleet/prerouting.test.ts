/**
 * The firewall sections of a fleet's target hosts when routed ports are published through DNAT,
 * against goldens reviewed by eye (`golden-dnat/`): an iptables host (`nas`: input-chain rules
 * for its host service, a raw-table chain for its Podman publish and nspawn forwardPorts) and an
 * nftables host (`box`: `extraInputRules` and a table of its own hooked at prerouting). Each file
 * is as nixfmt 1.4.0 (`-w 100`) writes it and parses with the real nix-instantiate.
 * Regenerate after a reviewed change: `UPDATE_FLEET_GOLDEN=1 npx vitest run … prerouting.test.ts`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { render } from "../index.ts";
import { printAll } from "../../../test-support/render/files.ts";
import { dnatFleet } from "../../../test-support/render/fleet-dnat-lab.ts";
import { smallFleet } from "../../../test-support/render/fleet-lab.ts";

const NIXFMT = process.env["NIXFMT"] ?? "/work/shared/tools/nixfmt/nixfmt";
const GOLDEN = fileURLToPath(new URL("./golden-dnat/", import.meta.url));

describe("cross-host openings of DNAT'd ports, filtered in prerouting", () => {
  const texts = printAll(render(dnatFleet()));
  const files = ["hosts/box/host.nix", "hosts/nas/host.nix"];
  if (process.env["UPDATE_FLEET_GOLDEN"] === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    for (const f of files) writeFileSync(join(GOLDEN, f.split("/")[1]! + ".nix"), texts.get(f)!);
  }

  it("is the committed text of each target host's host.nix", () => {
    for (const f of files) expect(texts.get(f), f).toBe(readFileSync(join(GOLDEN, f.split("/")[1]! + ".nix"), "utf8"));
  });

  it("is as nixfmt writes it and parses with the real nix-instantiate", () => {
    for (const f of files) expect(execFileSync(NIXFMT, ["-w", "100", "-"], { input: texts.get(f)!, encoding: "utf8" }), f).toBe(texts.get(f));
    expect(() => parseAll(files.map((f) => texts.get(f)!))).not.toThrow();
  });

  it("the proxy hosts' own host.nix has no filter (nothing routes to them)", () => {
    for (const h of ["edge", "edge2"]) expect(texts.get(`hosts/${h}/host.nix`), h).not.toMatch(/nixjs-fleet|extraInputRules|extraCommands/);
  });

  it("a host listener alone keeps the input-chain rule and no prerouting filter", () => {
    const dns = printAll(render(smallFleet())).get("hosts/dns/host.nix")!;
    expect(dns).toContain("ip saddr ${fleet.hosts.proxy.address} tcp dport 3000 accept");
    expect(dns).not.toContain("nixjs-fleet");
  });
});
