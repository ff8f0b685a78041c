import { n } from "@nixjs/expr-printer";
import { container, homelab, service } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { missingModuleWarnings } from "../plan/secret-files.ts";
import { synthesizeLab } from "./synthesize.ts";

const base = { hostName: "h", domain: "example.org", stateVersion: "25.05", modules: ["./hardware-configuration.nix"] } as const;

describe("synthesizeLab's self-check: every file parses back", () => {
  it("raw Nix text that is not valid there is an error on its container, and no file is produced", () => {
    const lab = homelab({ ...base, containers: [container("app", { config: { services: { app: { extra: n.raw("{ a = ; }") } } } })] });
    const result = synthesizeLab(lab);
    expect(result.files.size).toBe(0);
    const [d] = result.diagnostics.filter((x) => x.code === "unparsable-output");
    expect(d).toMatchObject({ severity: "error", subject: { kind: "container", name: "app" } });
    expect(d!.path).toEqual([]);
    expect(d!.message).toMatch(/^containers\/app\.nix would not parse \(\d+:\d+: .+\): raw Nix text in the config \(n\.raw\) is not valid Nix there/);
    expect(d!.site).toMatch(/synthesize\.test\.ts:\d+:\d+$/);
  });

  it("in a host service's file, on the service; valid raw text passes", () => {
    const bad = synthesizeLab(homelab({ ...base, services: [service("x", { config: { services: { x: { enable: n.raw("if") } } } })] }));
    expect(bad.diagnostics.filter((d) => d.code === "unparsable-output").map((d) => d.subject)).toEqual([{ kind: "service", name: "x" }]);
    const good = synthesizeLab(homelab({ ...base, services: [service("x", { config: { services: { x: { enable: n.raw("true && !false") } } } })] }));
    expect(good.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(good.files.get("services/x.nix")).toContain("enable = true && !false;");
  });
});

describe("missing hand-written modules", () => {
  const modules = [
    { path: "./hardware-configuration.nix", host: "h", site: "homelab.config.ts:3:1" },
    { path: "./extra/disks.nix", host: "h", site: "homelab.config.ts:3:1" },
  ];
  it("a module the flake imports but the output directory lacks is a warning saying how to get it", () => {
    const warnings = missingModuleWarnings(modules, (p) => p === "extra/disks.nix", "server");
    expect(warnings.map((w) => [w.code, w.severity, w.message])).toEqual([
      ["missing-module-file", "warning", "server/hardware-configuration.nix does not exist yet, and the flake imports it: on the machine, run nixos-generate-config --show-hardware-config > server/hardware-configuration.nix (or copy /etc/nixos/hardware-configuration.nix)"],
    ]);
    expect(missingModuleWarnings(modules, () => false, ".").map((w) => w.message.split(" ")[0])).toEqual(["hardware-configuration.nix", "extra/disks.nix"]);
    expect(missingModuleWarnings(modules, () => true, "server")).toEqual([]);
  });
});
