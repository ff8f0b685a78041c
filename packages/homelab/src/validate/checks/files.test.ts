import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { service } from "../../builders/service.ts";
import { render } from "../../render/index.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("file-conflict", () => {
  test("a host service named like the file Traefik as a service writes: both call sites", () => {
    const lab = testLab({ traefik: traefik({ mode: "service" }), services: [service("traefik")] });
    expect(summary(lab, "file-conflict")).toEqual(["services.traefik -> traefik", "traefik -> services.traefik"]);
    const first = findings(lab, "file-conflict").find((d) => d.path === "services.traefik");
    expect(first!.message).toBe('services.traefik and traefik would both write services/traefik.nix: rename one (or pick traefik({ mode: "container" }))');
    expect(first!.related![0]!.site).toMatch(/files\.test\.ts:\d+:\d+$/);
    // Reported as a diagnostic, so render refuses it cleanly instead of failing inside.
    expect(() => render(lab)).toThrow(/file-conflict/);
  });

  test("in the modules layout too", () => {
    const lab = testLab({ layout: "modules", traefik: traefik({ mode: "service" }), services: [service("traefik")] });
    expect(summary(lab, "file-conflict")).toEqual(["services.traefik -> traefik", "traefik -> services.traefik"]);
  });

  test("clashes duplicate-name covers are not reported twice; distinct files pass", () => {
    const dup = testLab({ traefik: traefik(), containers: [container("traefik", { network: "host" })] });
    expect(findings(dup, "file-conflict")).toEqual([]);
    expect(findings(dup, "duplicate-name")).toHaveLength(1);
    const fine = testLab({ traefik: traefik({ mode: "service" }), services: [service("cloudflared")], containers: [container("traefik2")] });
    expect(findings(fine, "file-conflict")).toEqual([]);
  });
});
