/**
 * The modules layout's further per-container options (`layout.options`): `image` for Podman
 * containers, `autoStart` for NixOS containers. Each is declared with the configured value as
 * its default, and a host module sets it without `lib.mkForce` — checked in the stand-in NixOS.
 */
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { suiteTree } from "../../../test-support/render/files.ts";
import { seed000, seed001 } from "../../../test-support/render/labs.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";

const ns = "hwc.server.containers";

describe("layout.options: image (Podman)", () => {
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(seed001({ kind: "modules", namespace: ns, options: ["image"] }), (t, d) => ((texts = t), (dir = d)));

  it("declares image with the configured image as default, and the container reads cfg.image", () => {
    parseAll([...texts.values()]);
    const options = texts.get("containers/sonarr/options.nix")!;
    expect(options).toContain('image = lib.mkOption {\n      type = lib.types.str;\n      default = "lscr.io/linuxserver/sonarr:4.0.9";');
    expect(texts.get("containers/sonarr/index.nix")).toContain("image = cfg.image;");
    expect(stubCheck(dir)).toEqual([]);
  });

  it("a host module pins one machine's image with a plain definition; the others keep theirs", () => {
    const pin = `{ ${ns}.sonarr.image = "lscr.io/linuxserver/sonarr:4.0.8"; }`;
    const v = stubEval(dir, { sonarr: "config.virtualisation.oci-containers.containers.sonarr.image", n8n: "config.virtualisation.oci-containers.containers.n8n.image" }, "server", [pin]);
    expect(v.sonarr).toBe("lscr.io/linuxserver/sonarr:4.0.8");
    expect(v.n8n).toMatch(/^docker\.io\/n8nio\/n8n:/);
  });
});

describe("layout.options: autoStart (NixOS containers)", () => {
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(seed000({ kind: "modules", namespace: ns, options: ["autoStart"] }), (t, d) => ((texts = t), (dir = d)));

  it("declares autoStart (default: the container's), set by a host module without lib.mkForce", () => {
    expect(texts.get("containers/immich/options.nix")).toContain("autoStart = lib.mkOption {\n      type = lib.types.bool;\n      default = true;");
    expect(texts.get("containers/immich/index.nix")).toContain("autoStart = cfg.autoStart;");
    const v = stubEval(dir, { immich: "config.containers.immich.autoStart", authelia: "config.containers.authelia.autoStart" }, "server", [`{ ${ns}.immich.autoStart = false; }`]);
    expect(v).toEqual({ immich: false, authelia: true });
  });
});
